// @ts-check

// As in 20261201000000_feedback.js.
const DURATION_BUCKETS = 74;

/**
 * Delivery and portal usage: deployments from any CI/CD with their weekly
 * rollups (rebuilt per marked week, as tickets') and the services they
 * deployed, portal analytics events with
 * their daily rollups, and an index for joining template runs to the
 * entities they created.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('golden_path_locks').insert([
    { name: 'deployments' },
    { name: 'deployment-rollups' },
    { name: 'usage' },
  ]);

  await knex.schema.createTable('golden_path_deployments', table => {
    table.comment('Deployments from any CI/CD, upserted by source and id');
    table.string('source', 64).notNullable();
    table.string('external_id', 255).notNullable();
    table
      .string('service', 255)
      .notNullable()
      .comment('Entity ref when known, else the name the CI/CD gave');
    table.string('entity_ref', 255).nullable();
    table.string('environment', 100).notNullable();
    table.boolean('production').notNullable();
    table.string('outcome', 16).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.bigInteger('lead_time_ms').nullable();
    table.string('version', 100).nullable();
    table.string('url', 1000).nullable();
    table.string('team', 255).notNullable();
    table.string('path_id', 64).nullable();
    table.timestamp('ingested_at', { useTz: true }).notNullable();
    // What the rollups group by, computed when stored.
    table.string('week', 10).notNullable();
    table.integer('lead_time_bucket').nullable();
    table.primary(['source', 'external_id']);
    table.index(['week'], 'gp_deployments_week_idx');
  });

  await knex.schema.createTable('golden_path_deployment_weekly', table => {
    table.comment('Deployments per week, owning team, path and production');
    table.string('week', 10).notNullable();
    table.string('team', 255).notNullable();
    table.string('path_id', 64).notNullable();
    table.integer('production').notNullable();
    table.integer('deployments').notNullable().defaultTo(0);
    table.integer('failures').notNullable().defaultTo(0);
    table.primary(['week', 'team', 'path_id', 'production']);
  });

  await knex.schema.createTable('golden_path_deployment_lead_times', table => {
    table.comment(
      'Histograms of commit-to-production time: h<n> deployments in duration bucket n',
    );
    table.string('week', 10).notNullable();
    table.string('team', 255).notNullable();
    table.string('path_id', 64).notNullable();
    for (let bucket = 0; bucket < DURATION_BUCKETS; bucket++) {
      table.integer(`h${bucket}`).notNullable().defaultTo(0);
    }
    table.primary(['week', 'team', 'path_id']);
  });

  await knex.schema.createTable('golden_path_deployed_services', table => {
    table.comment('Every service seen deploying, with or without an entity');
    table.string('service', 255).primary();
    table.string('entity_ref', 255).nullable();
    table.string('team', 255).notNullable();
    table.string('path_id', 64).nullable();
    table
      .timestamp('first_production_at', { useTz: true })
      .nullable()
      .comment('First successful production deployment');
    table
      .timestamp('first_attempt_at', { useTz: true })
      .nullable()
      .comment('First production deployment, whatever its outcome');
    table.timestamp('last_attempt_at', { useTz: true }).nullable();
    table.timestamp('last_deployed_at', { useTz: true }).notNullable();
    table.index(['entity_ref'], 'gp_deployed_services_entity_idx');
    table.index(['last_attempt_at'], 'gp_deployed_services_last_idx');
  });

  await knex.schema.createTable('golden_path_usage_events', table => {
    table.comment('Portal analytics events, kept for the usage retention');
    table.string('user_ref', 255).notNullable();
    table
      .string('event_id', 64)
      .notNullable()
      .comment(
        'Chosen by the sending browser: a replayed event is stored once',
      );
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('team', 255).notNullable();
    table.string('plugin_id', 100).notNullable();
    table.string('feature', 200).notNullable();
    table.string('action', 100).notNullable();
    table.string('subject', 500).notNullable();
    table.primary(['user_ref', 'event_id']);
    table.index(['at'], 'gp_usage_events_at_idx');
  });

  await knex.schema.createTable('golden_path_usage_daily', table => {
    table.comment(
      'Events per day, team, plugin and feature (page or extension)',
    );
    table.string('day', 10).notNullable();
    table.string('team', 255).notNullable();
    table.string('plugin_id', 100).notNullable();
    table.string('feature', 200).notNullable();
    table.integer('events').notNullable().defaultTo(0);
    table.primary(['day', 'team', 'plugin_id', 'feature']);
  });

  await knex.schema.createTable('golden_path_usage_active_users', table => {
    table.comment('Who used the portal on which day, and their team then');
    table.string('day', 10).notNullable();
    table.string('user_ref', 255).notNullable();
    table.string('week', 10).notNullable();
    table.string('team', 255).notNullable();
    table.primary(['day', 'user_ref']);
    table.index(['week'], 'gp_usage_active_users_week_idx');
  });

  await knex.schema.createTable('golden_path_usage_plugins', table => {
    table.comment('Plugins the portal reported as installed');
    table.string('plugin_id', 100).primary();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.timestamp('last_reported_at', { useTz: true }).notNullable();
  });

  await knex.schema.alterTable('golden_path_template_runs', table => {
    table.index(['entity_ref'], 'gp_template_runs_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('golden_path_template_runs', table => {
    table.dropIndex(['entity_ref'], 'gp_template_runs_entity_idx');
  });
  for (const table of [
    'golden_path_usage_plugins',
    'golden_path_usage_active_users',
    'golden_path_usage_daily',
    'golden_path_usage_events',
    'golden_path_deployed_services',
    'golden_path_deployment_lead_times',
    'golden_path_deployment_weekly',
    'golden_path_deployments',
  ]) {
    await knex.schema.dropTable(table);
  }
  await knex('golden_path_locks')
    .whereIn('name', ['deployments', 'deployment-rollups', 'usage'])
    .delete();
};
