// @ts-check

/**
 * Which template each catalog Component came from, as last seen by the
 * catalog pass. `run_id` ties each row to the pass that wrote it, so a
 * completed pass can remove the rows of entities that left the catalog
 * without comparing clocks across replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_path_entity_provenance', table => {
    table.comment('Template provenance of catalog entities');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Lower-case entity ref, e.g. component:default/payments-api');
    table
      .string('template_ref', 255)
      .nullable()
      .comment('Template the entity came from; null when on no golden path');
    table.string('template_version', 64).nullable();
    table.string('golden_path_id', 255).nullable();
    table
      .string('source', 64)
      .nullable()
      .comment('Which catalog data named the template');
    table.string('run_id', 36).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['run_id'], 'golden_path_entity_provenance_run_idx');
    table.index(['template_ref'], 'golden_path_entity_provenance_template_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('golden_path_entity_provenance');
};
