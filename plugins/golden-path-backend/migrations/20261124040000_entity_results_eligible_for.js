// @ts-check

/**
 * The paths whose `appliesTo` selects each entity, so that an entity on no
 * path can be shown the templates that would put it on one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('golden_path_entity_results', table => {
    table
      .text('eligible_for')
      .nullable()
      .comment('JSON list of the ids of the paths that apply to the entity');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('golden_path_entity_results', table => {
    table.dropColumn('eligible_for');
  });
};
