// @ts-check

// The buckets of a duration histogram, as
// @golden-path/plugin-golden-path-common's DURATION_BUCKETS; fixed here so
// that the migration never changes with the code.
const DURATION_BUCKETS = 74;

/**
 * Feedback: survey campaigns and their responses, golden-path ratings after
 * template runs, prompts users dismissed, support tickets, and the rollups
 * their figures read (so that figures never scan every response or ticket).
 * Survey rollups are counters moved by each answer (serialized through the
 * campaign's row); ticket rollups are rebuilt per week from the tickets of
 * the weeks a change marked (`golden_path_rollup_marks`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_path_locks', table => {
    table.comment('Rows writers lock to serialize rollup updates');
    table.string('name', 64).primary();
  });
  await knex('golden_path_locks').insert([
    { name: 'tickets' },
    { name: 'ticket-rollups' },
    { name: 'ratings' },
  ]);

  await knex.schema.createTable('golden_path_rollup_marks', table => {
    table.comment('Weeks whose rollups must be rebuilt, and since when');
    table.string('rollup', 32).notNullable();
    table.string('week', 10).notNullable();
    table.timestamp('marked_at', { useTz: true }).notNullable();
    table.primary(['rollup', 'week']);
  });

  await knex.schema.createTable('golden_path_secrets', table => {
    table.comment('Keys generated once and shared by every replica');
    table.string('name', 64).primary();
    table.string('value', 255).notNullable();
  });

  await knex.schema.createTable('golden_path_survey_campaigns', table => {
    table.comment('Survey campaigns: NPS and optional extra questions');
    table.string('id', 36).primary();
    table.string('title', 200).notNullable();
    table.text('description').nullable();
    table.text('questions').notNullable();
    table.text('audience').notNullable();
    table.timestamp('opens_at', { useTz: true }).notNullable();
    table.timestamp('closes_at', { useTz: true }).notNullable();
    table.boolean('anonymous').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.integer('responses').notNullable().defaultTo(0);
    table.index(['opens_at', 'closes_at'], 'gp_survey_campaigns_open_idx');
  });

  await knex.schema.createTable('golden_path_survey_responses', table => {
    table.comment(
      'One row per respondent per campaign; a new answer replaces it',
    );
    table.string('campaign_id', 36).notNullable();
    table
      .string('respondent_key', 64)
      .notNullable()
      .comment('Keyed hash of campaign and user: one answer per user');
    table
      .string('user_ref', 255)
      .nullable()
      .comment('Null for anonymous campaigns');
    table.string('team', 255).notNullable();
    table.integer('nps').notNullable();
    table.text('answers').notNullable();
    table.boolean('has_comment').notNullable();
    table
      .timestamp('submitted_at', { useTz: true })
      .notNullable()
      .comment('Truncated to the day for anonymous campaigns');
    table.string('quarter', 7).notNullable();
    table.primary(['campaign_id', 'respondent_key']);
    table.index(
      ['campaign_id', 'has_comment', 'submitted_at'],
      'gp_survey_responses_comments_idx',
    );
  });

  await knex.schema.createTable('golden_path_survey_rollup', table => {
    table.comment('Answer counts per campaign, team and quarter');
    table.string('campaign_id', 36).notNullable();
    table.string('team', 255).notNullable();
    table.string('quarter', 7).notNullable();
    for (let answer = 0; answer <= 10; answer++) {
      table.integer(`a${answer}`).notNullable().defaultTo(0);
    }
    table.integer('comments').notNullable().defaultTo(0);
    table.primary(['campaign_id', 'team', 'quarter']);
  });

  await knex.schema.createTable('golden_path_path_ratings', table => {
    table.comment('A 1-5 rating of the golden path of a template run');
    table.string('task_id', 64).primary();
    table.string('user_ref', 255).notNullable();
    table.string('team', 255).notNullable();
    table.string('template_ref', 255).notNullable();
    table.string('template_version', 64).nullable();
    table.string('path_id', 64).notNullable();
    table.integer('rating').notNullable();
    table.text('comment').nullable();
    table.timestamp('rated_at', { useTz: true }).notNullable();
    table.string('quarter', 7).notNullable();
  });

  await knex.schema.createTable('golden_path_rating_rollup', table => {
    table.comment('Path rating counts per origin, version, team and quarter');
    table
      .string('origin', 64)
      .notNullable()
      .comment("'run' for ratings after template runs, else a campaign id");
    table.string('path_id', 64).notNullable();
    table.string('template_ref', 255).notNullable();
    table.string('template_version', 64).notNullable();
    table.string('team', 255).notNullable();
    table.string('quarter', 7).notNullable();
    for (let rating = 1; rating <= 5; rating++) {
      table.integer(`r${rating}`).notNullable().defaultTo(0);
    }
    table.primary([
      'origin',
      'path_id',
      'template_ref',
      'template_version',
      'team',
      'quarter',
    ]);
  });

  await knex.schema.createTable('golden_path_prompt_dismissals', table => {
    table.comment('Prompts a user dismissed, keyed like their answers');
    table.string('subject', 100).notNullable();
    table.string('respondent_key', 64).notNullable();
    table.timestamp('dismissed_at', { useTz: true }).notNullable();
    table.primary(['subject', 'respondent_key']);
  });

  await knex.schema.createTable('golden_path_tickets', table => {
    table.comment(
      'Support tickets from any tracker, upserted by source and id',
    );
    table.string('source', 64).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('title', 500).nullable();
    table.string('url', 1000).nullable();
    table.string('type', 16).notNullable();
    table.string('category', 100).nullable();
    table.text('labels').notNullable();
    table.text('components').notNullable();
    table.string('status', 16).notNullable();
    table.string('requester', 255).nullable();
    table.string('user_ref', 255).nullable();
    table
      .string('team', 255)
      .notNullable()
      .comment("Requester's team when first stored, or unassigned");
    table.string('entity_ref', 255).nullable();
    table.string('path_id', 64).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('first_response_at', { useTz: true }).nullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.integer('reopen_count').notNullable().defaultTo(0);
    table.timestamp('ingested_at', { useTz: true }).notNullable();
    // What the rollups group by, computed when stored.
    table.string('created_week', 10).notNullable();
    table.string('first_response_week', 10).nullable();
    table.integer('first_response_bucket').nullable();
    table.string('resolved_week', 10).nullable();
    table.integer('resolution_bucket').nullable();
    table.primary(['source', 'external_id']);
    table.index(['created_week'], 'gp_tickets_created_week_idx');
    table.index(['first_response_week'], 'gp_tickets_response_week_idx');
    table.index(['resolved_week'], 'gp_tickets_resolved_week_idx');
  });

  await knex.schema.createTable('golden_path_ticket_weekly', table => {
    table.comment('Ticket counts per week, team and path');
    table.string('week', 10).notNullable();
    table.string('team', 255).notNullable();
    table.string('path_id', 64).notNullable();
    table.integer('opened').notNullable().defaultTo(0);
    table.integer('resolved').notNullable().defaultTo(0);
    table.integer('reopened_resolved').notNullable().defaultTo(0);
    // Opened tickets by type.
    for (const type of [
      'requests',
      'incidents',
      'bugs',
      'questions',
      'others',
    ]) {
      table.integer(type).notNullable().defaultTo(0);
    }
    table.primary(['week', 'team', 'path_id']);
  });

  await knex.schema.createTable('golden_path_ticket_facets', table => {
    table.comment('Opened tickets per week, team, path and category or label');
    table.string('week', 10).notNullable();
    table.string('team', 255).notNullable();
    table.string('path_id', 64).notNullable();
    table.string('facet', 16).notNullable();
    table.string('value', 100).notNullable();
    table.integer('count').notNullable().defaultTo(0);
    table.primary(['week', 'team', 'path_id', 'facet', 'value']);
  });

  await knex.schema.createTable('golden_path_ticket_facets_by_path', table => {
    table.comment('Opened tickets per week, path and category or label');
    table.string('week', 10).notNullable();
    table.string('path_id', 64).notNullable();
    table.string('facet', 16).notNullable();
    table.string('value', 100).notNullable();
    table.integer('count').notNullable().defaultTo(0);
    table.primary(['week', 'path_id', 'facet', 'value']);
  });

  await knex.schema.createTable('golden_path_ticket_durations', table => {
    table.comment(
      'Histograms of time to first response and to resolution: h<n> tickets in duration bucket n',
    );
    table.string('week', 10).notNullable();
    table.string('team', 255).notNullable();
    table.string('path_id', 64).notNullable();
    table.string('measure', 16).notNullable();
    for (let bucket = 0; bucket < DURATION_BUCKETS; bucket++) {
      table.integer(`h${bucket}`).notNullable().defaultTo(0);
    }
    table.primary(['week', 'team', 'path_id', 'measure']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'golden_path_ticket_durations',
    'golden_path_ticket_facets_by_path',
    'golden_path_ticket_facets',
    'golden_path_ticket_weekly',
    'golden_path_tickets',
    'golden_path_prompt_dismissals',
    'golden_path_rating_rollup',
    'golden_path_path_ratings',
    'golden_path_survey_rollup',
    'golden_path_survey_responses',
    'golden_path_survey_campaigns',
    'golden_path_secrets',
    'golden_path_rollup_marks',
    'golden_path_locks',
  ]) {
    await knex.schema.dropTable(table);
  }
};
