// @ts-check

/**
 * Exemptions: one check of one entity counts as passing until it expires.
 * At most one per (entity, check); revoking deletes the row (the auditor
 * keeps the history).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_path_exemptions', table => {
    table.comment('Granted exceptions to golden-path checks');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.text('reason').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.string('granted_by', 255).notNullable();
    table.timestamp('granted_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'check_id'], {
      indexName: 'golden_path_exemptions_entity_check_uniq',
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('golden_path_exemptions');
};
