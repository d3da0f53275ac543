// @ts-check

/**
 * Current golden-path results per entity, replaced by every scoring run, and
 * daily aggregates per path and owner, kept for trends. `run_id` ties each
 * result row to the run that wrote it, so a completed run can remove the
 * rows of entities that left the catalog without comparing clocks across
 * replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_path_entity_results', table => {
    table.comment('Latest golden-path results per catalog entity');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Lower-case entity ref, e.g. component:default/payments-api');
    table.string('owner_ref', 255).nullable();
    table.boolean('eligible').notNullable();
    table.string('path_id', 255).nullable().comment('The path it is on');
    table.string('template_ref', 255).nullable();
    table.string('template_version', 64).nullable();
    table.string('golden_path_tag', 255).nullable();
    table.string('provenance_source', 64).nullable();
    table.float('score').nullable();
    table.float('coverage').nullable();
    table.string('level', 255).nullable();
    table.text('drift').nullable().comment('JSON TemplateDrift');
    table.text('checks').notNullable().comment('JSON [{id, verdict}]');
    table
      .text('unavailable_sources')
      .notNullable()
      .comment('JSON list of fact providers without facts');
    table.string('run_id', 36).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['run_id'], 'golden_path_entity_results_run_idx');
    table.index(['path_id'], 'golden_path_entity_results_path_idx');
    table.index(['owner_ref'], 'golden_path_entity_results_owner_idx');
  });

  await knex.schema.createTable('golden_path_daily_snapshots', table => {
    table.comment('Daily adoption and score aggregates per path and owner');
    table.string('day', 10).notNullable().comment('UTC date, YYYY-MM-DD');
    table
      .string('path_id', 255)
      .notNullable()
      .comment("Path id, or '*' for all paths together");
    table
      .string('owner_ref', 255)
      .notNullable()
      .comment("Owner entity ref, or '' for entities without one");
    table.integer('eligible').notNullable();
    table.integer('on_path').notNullable();
    table.integer('scored').notNullable();
    table.float('score_sum').notNullable();
    table.text('levels').notNullable().comment('JSON {level: count}');
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.primary(['day', 'path_id', 'owner_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('golden_path_daily_snapshots');
  await knex.schema.dropTable('golden_path_entity_results');
};
