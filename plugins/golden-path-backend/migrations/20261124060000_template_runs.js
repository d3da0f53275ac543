// @ts-check

/**
 * Template runs read from the scaffolder's task history, the cursor of that
 * reading, and the template versions seen in the catalog.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_path_template_runs', table => {
    table.comment(
      'One row per scaffolder task, with the values of the moment it ran',
    );
    table.string('task_id', 64).primary();
    table.string('template_ref', 255).notNullable();
    table.string('template_version', 64).nullable();
    table.integer('time_saved_seconds').nullable();
    table.string('run_by', 255).nullable();
    table
      .string('team', 255)
      .notNullable()
      .comment('Group ref of the runner when recorded, or unassigned');
    table.string('status', 16).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.bigInteger('duration_ms').nullable();
    table.string('entity_ref', 255).nullable();
    table
      .boolean('output_read')
      .notNullable()
      .defaultTo(false)
      .comment("Whether the finished task's final event has been read");
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.index(
      ['template_ref', 'created_at'],
      'gp_template_runs_template_idx',
    );
    table.index(['status', 'output_read'], 'gp_template_runs_status_idx');
    table.index(['created_at'], 'gp_template_runs_created_idx');
  });

  await knex.schema.createTable('golden_path_ingest_cursors', table => {
    table.comment('Where each incremental reading of an outside source is');
    table.string('source', 64).primary();
    table
      .string('watermark', 64)
      .nullable()
      .comment('Newest item time read by the last complete pass');
    table
      .string('pass_top', 64)
      .nullable()
      .comment('Newest item time of the pass under way');
    table.integer('pass_offset').notNullable().defaultTo(0);
    table.timestamp('read_at', { useTz: true }).nullable();
    table.timestamp('failed_at', { useTz: true }).nullable();
    table.text('error').nullable();
  });

  // The template page lists the entities a template created.
  await knex.schema.alterTable('golden_path_entity_results', table => {
    table.index(['template_ref'], 'gp_entity_results_template_idx');
  });

  await knex.schema.createTable('golden_path_template_versions', table => {
    table.comment('Each version a template has carried, and when first seen');
    table.string('template_ref', 255).notNullable();
    table.string('version', 64).notNullable();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.primary(['template_ref', 'version']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('golden_path_template_versions');
  await knex.schema.alterTable('golden_path_entity_results', table => {
    table.dropIndex(['template_ref'], 'gp_entity_results_template_idx');
  });
  await knex.schema.dropTable('golden_path_ingest_cursors');
  await knex.schema.dropTable('golden_path_template_runs');
};
