// @ts-check

/**
 * Per-entity score history, thinned at write time: a row only when an
 * entity's path, score, coverage or level changes, at most one per entity
 * and day (the day's last value). The value holds until the next row, so a
 * stable entity costs one row however long it stays stable.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_path_entity_history', table => {
    table.comment('Changes of golden-path results per entity, one per day');
    table.string('entity_ref', 255).notNullable();
    table.string('day', 10).notNullable().comment('UTC date, YYYY-MM-DD');
    table.string('path_id', 255).nullable();
    table.float('score').nullable();
    table.float('coverage').nullable();
    table.string('level', 255).nullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'golden_path_entity_history_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('golden_path_entity_history');
};
