// @ts-check

/**
 * Drops the index on `run_id`: the only query on it, "not from this run",
 * reads the whole table anyway, and without it a scoring run's rewrite of
 * an unchanged row touches no index (PostgreSQL can update it in place).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('golden_path_entity_results', table => {
    table.dropIndex(['run_id'], 'golden_path_entity_results_run_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('golden_path_entity_results', table => {
    table.index(['run_id'], 'golden_path_entity_results_run_idx');
  });
};
