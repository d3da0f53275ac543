// @ts-check

/**
 * When each pending rollup week was first marked: a mark made again moves
 * `marked_at` on, so without it a week marked by every batch of a long
 * import would never look overdue. Existing marks count from `marked_at`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('golden_path_rollup_marks', table => {
    table.timestamp('first_marked_at', { useTz: true }).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('golden_path_rollup_marks', table => {
    table.dropColumn('first_marked_at');
  });
};
