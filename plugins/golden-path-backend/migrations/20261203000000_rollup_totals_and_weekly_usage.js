// @ts-check

// As in 20261201000000_feedback.js.
const DURATION_BUCKETS = 74;
const HISTOGRAM = Array.from({ length: DURATION_BUCKETS }, (_, b) => `h${b}`);
const ALL = '*';

// Each rollup keyed by week, team and path, with the other key columns it
// keeps and the counters it sums.
const TOTALLED = [
  {
    table: 'golden_path_ticket_weekly',
    keep: ['week'],
    counters: [
      'opened',
      'resolved',
      'reopened_resolved',
      'requests',
      'incidents',
      'bugs',
      'questions',
      'others',
    ],
  },
  {
    table: 'golden_path_ticket_durations',
    keep: ['week', 'measure'],
    counters: HISTOGRAM,
  },
  {
    table: 'golden_path_deployment_weekly',
    keep: ['week', 'production'],
    counters: ['deployments', 'failures'],
  },
  {
    table: 'golden_path_deployment_lead_times',
    keep: ['week'],
    counters: HISTOGRAM,
  },
];

/**
 * Figures that span every team read totals instead of every team's rows:
 *
 * - the weekly ticket and deployment rollups gain rows summed over all
 *   teams, all paths and both (team or path `*`), computed here from the
 *   rows there are and by every rebuild after, and an index that finds a
 *   slice's rows by team and path;
 * - portal usage is rolled up per week instead of per day: events per
 *   week, team, plugin and feature; each user's first team of the week;
 *   and active users per week and team. They are computed here from the
 *   daily rollups, which go.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const { table, keep, counters } of TOTALLED) {
    const sums = counters.map(c => knex.raw('SUM(??) AS ??', [c, c]));
    /**
     * @param {boolean} team summed over every team
     * @param {boolean} path summed over every path
     */
    const total = (team, path) =>
      knex(table)
        .whereNot('team', ALL)
        .whereNot('path_id', ALL)
        .groupBy([
          ...keep,
          ...(team ? [] : ['team']),
          ...(path ? [] : ['path_id']),
        ])
        .select([
          ...keep,
          team ? knex.raw('? AS team', [ALL]) : 'team',
          path ? knex.raw('? AS path_id', [ALL]) : 'path_id',
          ...sums,
        ]);
    for (const [team, path] of [
      [true, false],
      [false, true],
      [true, true],
    ]) {
      await knex
        .into(
          knex.raw('?? (??)', [
            table,
            [...keep, 'team', 'path_id', ...counters],
          ]),
        )
        .insert(total(team, path));
    }
    await knex.schema.alterTable(table, t => {
      t.index(
        ['team', 'path_id', 'week'],
        `${table.replace('golden_path_', 'gp_')}_slice_idx`,
      );
    });
  }

  await knex.schema.createTable('golden_path_usage_weekly', table => {
    table.comment(
      'Events per week, team, plugin and feature (page or extension)',
    );
    table.string('week', 10).notNullable();
    table.string('team', 255).notNullable();
    table.string('plugin_id', 100).notNullable();
    table.string('feature', 200).notNullable();
    table.integer('events').notNullable().defaultTo(0);
    table.primary(['week', 'team', 'plugin_id', 'feature']);
  });
  await knex.schema.createTable('golden_path_usage_weekly_users', table => {
    table.comment('Who used the portal in which week, and their team then');
    table.string('week', 10).notNullable();
    table.string('user_ref', 255).notNullable();
    table.string('team', 255).notNullable();
    table.primary(['week', 'user_ref']);
  });
  await knex.schema.createTable('golden_path_usage_weekly_teams', table => {
    table.comment('Active portal users per week and team');
    table.string('week', 10).notNullable();
    table.string('team', 255).notNullable();
    table.integer('users').notNullable().defaultTo(0);
    table.primary(['week', 'team']);
  });

  // A user's team of the week is the first one their days name: the
  // smallest, when a user moved teams within a week.
  await knex
    .into(
      knex.raw('?? (??)', [
        'golden_path_usage_weekly_users',
        ['week', 'user_ref', 'team'],
      ]),
    )
    .insert(
      knex('golden_path_usage_active_users')
        .groupBy('week', 'user_ref')
        .select(
          'week',
          'user_ref',
          knex.raw('MIN(??) AS ??', ['team', 'team']),
        ),
    );
  await knex
    .into(
      knex.raw('?? (??)', [
        'golden_path_usage_weekly_teams',
        ['week', 'team', 'users'],
      ]),
    )
    .insert(
      knex('golden_path_usage_weekly_users')
        .groupBy('week', 'team')
        .select('week', 'team', knex.raw('COUNT(*) AS ??', ['users'])),
    );
  const days = await knex('golden_path_usage_daily')
    .distinct('day')
    .pluck('day');
  const weeks = new Map();
  for (const day of days) {
    const at = new Date(`${day}T00:00:00Z`);
    at.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
    const week = at.toISOString().slice(0, 10);
    weeks.set(week, [...(weeks.get(week) ?? []), day]);
  }
  for (const [week, weekDays] of weeks) {
    await knex
      .into(
        knex.raw('?? (??)', [
          'golden_path_usage_weekly',
          ['week', 'team', 'plugin_id', 'feature', 'events'],
        ]),
      )
      .insert(
        knex('golden_path_usage_daily')
          .whereIn('day', weekDays)
          .groupBy('team', 'plugin_id', 'feature')
          .select(
            knex.raw('? AS week', [week]),
            'team',
            'plugin_id',
            'feature',
            knex.raw('SUM(??) AS ??', ['events', 'events']),
          ),
      );
  }
  await knex.schema.dropTable('golden_path_usage_active_users');
  await knex.schema.dropTable('golden_path_usage_daily');
};

/**
 * The totals go; the daily usage tables come back empty (a day cannot be
 * recovered from a week), to be filled by new events.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
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
  for (const table of [
    'golden_path_usage_weekly_teams',
    'golden_path_usage_weekly_users',
    'golden_path_usage_weekly',
  ]) {
    await knex.schema.dropTable(table);
  }
  for (const { table } of TOTALLED) {
    await knex.schema.alterTable(table, t => {
      t.dropIndex(
        ['team', 'path_id', 'week'],
        `${table.replace('golden_path_', 'gp_')}_slice_idx`,
      );
    });
    await knex(table).where('team', ALL).orWhere('path_id', ALL).delete();
  }
};
