// @ts-check

/**
 * Facts pushed by external systems (CI pipelines, scanners) through the API,
 * one row per source and entity; a new push replaces the previous one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_path_pushed_facts', table => {
    table.comment('Facts pushed from outside, per source and entity');
    table.string('source_id', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.text('facts').notNullable().comment('JSON object');
    table.timestamp('pushed_at', { useTz: true }).notNullable();
    table.string('pushed_by', 255).notNullable();
    table.primary(['source_id', 'entity_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('golden_path_pushed_facts');
};
