import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const directory = resolvePackagePath(
  '@golden-path/plugin-golden-path-backend',
  'migrations',
);

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    'apply up and down cleanly on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory });
      await knex('golden_path_entity_results').insert({
        entity_ref: 'component:default/payments-api',
        owner_ref: 'group:default/payments',
        eligible: true,
        path_id: 'node-service',
        template_ref: 'template:default/node-service',
        template_version: '1.2.0',
        golden_path_tag: 'node-service',
        provenance_source: 'golden-path-tag',
        score: 87.5,
        coverage: 1,
        level: 'silver',
        drift: JSON.stringify({ status: 'current' }),
        checks: JSON.stringify([{ id: 'has-docs', verdict: 'pass' }]),
        unavailable_sources: '[]',
        run_id: '00000000-0000-0000-0000-000000000001',
        evaluated_at: new Date('2026-11-20T10:00:00.000Z'),
      });
      await knex('golden_path_daily_snapshots').insert({
        day: '2026-11-20',
        path_id: 'node-service',
        owner_ref: 'group:default/payments',
        eligible: 3,
        on_path: 2,
        scored: 2,
        score_sum: 175,
        levels: JSON.stringify({ silver: 2 }),
        computed_at: new Date('2026-11-20T10:00:00.000Z'),
      });
      const [row] = await knex('golden_path_entity_results').select(
        'score',
        'eligible',
      );
      expect(Number(row.score)).toBe(87.5);
      expect(Boolean(row.eligible)).toBe(true);
      await expect(
        knex('golden_path_daily_snapshots').count({ count: '*' }),
      ).resolves.toEqual([{ count: expect.anything() }]);

      await knex('golden_path_exemptions').insert({
        id: '00000000-0000-0000-0000-000000000002',
        entity_ref: 'component:default/payments-api',
        check_id: 'has-docs',
        reason: 'Docs live in the wiki',
        expires_at: new Date('2026-12-31T00:00:00.000Z'),
        granted_by: 'user:default/ada',
        granted_at: new Date('2026-11-24T00:00:00.000Z'),
      });

      await knex('golden_path_pushed_facts').insert({
        source_id: 'ci',
        entity_ref: 'component:default/payments-api',
        facts: JSON.stringify({ coverage: 91 }),
        pushed_at: new Date('2026-11-24T00:00:00.000Z'),
        pushed_by: 'service:external:ci',
      });

      await knex('golden_path_entity_history').insert({
        entity_ref: 'component:default/payments-api',
        day: '2026-11-20',
        path_id: 'node-service',
        score: 87.5,
        coverage: 1,
        level: 'silver',
        evaluated_at: new Date('2026-11-20T10:00:00.000Z'),
      });
      await knex('golden_path_entity_results').update({
        eligible_for: JSON.stringify(['node-service']),
      });

      await knex('golden_path_template_runs').insert({
        task_id: 'task-1',
        template_ref: 'template:default/node-service',
        template_version: '1.2.0',
        time_saved_seconds: 14400,
        run_by: 'user:default/jane',
        team: 'group:default/payments',
        status: 'completed',
        created_at: new Date('2026-11-20T10:00:00.000Z'),
        finished_at: new Date('2026-11-20T10:01:00.000Z'),
        duration_ms: 60000,
        entity_ref: 'component:default/payments-api',
        output_read: true,
        recorded_at: new Date('2026-11-20T10:02:00.000Z'),
      });

      await knex('golden_path_survey_campaigns').insert({
        id: '11111111-1111-1111-1111-111111111111',
        title: 'Q4 developer survey',
        questions: JSON.stringify([{ id: 'nps', type: 'nps', text: '?' }]),
        audience: JSON.stringify({ type: 'all' }),
        opens_at: new Date('2026-10-01T00:00:00.000Z'),
        closes_at: new Date('2026-12-31T00:00:00.000Z'),
        anonymous: true,
        created_by: 'user:default/admin',
        created_at: new Date('2026-10-01T00:00:00.000Z'),
        updated_at: new Date('2026-10-01T00:00:00.000Z'),
      });
      await knex('golden_path_tickets').insert({
        source: 'jira',
        external_id: 'PLAT-1',
        type: 'request',
        labels: '[]',
        components: '[]',
        status: 'open',
        team: 'group:default/payments',
        created_at: new Date('2026-11-20T10:00:00.000Z'),
        updated_at: new Date('2026-11-20T10:00:00.000Z'),
        ingested_at: new Date('2026-11-20T10:00:00.000Z'),
        created_week: '2026-11-16',
      });
      await knex('golden_path_deployments').insert({
        source: 'argocd',
        external_id: 'd1',
        service: 'component:default/payments-api',
        entity_ref: 'component:default/payments-api',
        environment: 'production',
        production: true,
        outcome: 'success',
        deployed_at: new Date('2026-11-20T10:00:00.000Z'),
        updated_at: new Date('2026-11-20T10:00:00.000Z'),
        team: 'group:default/payments',
        ingested_at: new Date('2026-11-20T10:00:00.000Z'),
        week: '2026-11-16',
      });
      await expect(
        knex('golden_path_locks').orderBy('name').pluck('name'),
      ).resolves.toEqual([
        'deployment-rollups',
        'deployments',
        'ratings',
        'ticket-rollups',
        'tickets',
        'usage',
      ]);

      // Down one: the marks lose the time they were first made.
      const firstMarked = () =>
        knex.schema.hasColumn('golden_path_rollup_marks', 'first_marked_at');
      await expect(firstMarked()).resolves.toBe(true);
      await knex.migrate.down({ directory });
      await expect(firstMarked()).resolves.toBe(false);

      // Down another: the weekly usage tables go, the daily ones come back.
      await knex.migrate.down({ directory });
      await expect(
        knex.schema.hasTable('golden_path_usage_weekly'),
      ).resolves.toBe(false);
      await expect(
        knex.schema.hasTable('golden_path_usage_daily'),
      ).resolves.toBe(true);

      // Down a third: the delivery and usage tables and their locks go, the
      // tickets stay.
      await knex.migrate.down({ directory });
      for (const table of [
        'golden_path_deployments',
        'golden_path_deployment_lead_times',
        'golden_path_usage_events',
        'golden_path_usage_active_users',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await expect(
        knex('golden_path_locks').orderBy('name').pluck('name'),
      ).resolves.toEqual(['ratings', 'ticket-rollups', 'tickets']);
      const [{ count: stillTickets }] = await knex('golden_path_tickets').count(
        { count: '*' },
      );
      expect(Number(stillTickets)).toBe(1);

      // Down another: the feedback tables go, the template runs stay.
      await knex.migrate.down({ directory });
      for (const table of [
        'golden_path_survey_campaigns',
        'golden_path_survey_responses',
        'golden_path_tickets',
        'golden_path_ticket_durations',
        'golden_path_locks',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      const [{ count: runs }] = await knex('golden_path_template_runs').count({
        count: '*',
      });
      expect(Number(runs)).toBe(1);

      // Down another: the template-run tables go, the results stay.
      await knex.migrate.down({ directory });
      await expect(
        knex.schema.hasTable('golden_path_template_runs'),
      ).resolves.toBe(false);
      await expect(
        knex.schema.hasTable('golden_path_template_versions'),
      ).resolves.toBe(false);

      // Down another: the run index comes back; down another: eligible_for
      // goes, the results stay.
      await knex.migrate.down({ directory });
      await knex.migrate.down({ directory });
      await expect(
        knex.schema.hasColumn('golden_path_entity_results', 'eligible_for'),
      ).resolves.toBe(false);
      await expect(
        knex('golden_path_entity_results').count({ count: '*' }),
      ).resolves.toEqual([{ count: expect.anything() }]);

      // Down another: the history goes, everything before it stays.
      await knex.migrate.down({ directory });
      await expect(
        knex.schema.hasTable('golden_path_entity_history'),
      ).resolves.toBe(false);
      await expect(
        knex.schema.hasTable('golden_path_pushed_facts'),
      ).resolves.toBe(true);
      const [{ count }] = await knex('golden_path_exemptions').count({
        count: '*',
      });
      expect(Number(count)).toBe(1);

      await knex.migrate.rollback({ directory }, true);
      for (const table of [
        'golden_path_entity_results',
        'golden_path_daily_snapshots',
        'golden_path_exemptions',
        'golden_path_pushed_facts',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }

      await knex.migrate.latest({ directory });
      for (const table of [
        'golden_path_entity_results',
        'golden_path_daily_snapshots',
        'golden_path_exemptions',
        'golden_path_pushed_facts',
        'golden_path_entity_history',
        'golden_path_survey_rollup',
        'golden_path_ticket_weekly',
        'golden_path_deployed_services',
        'golden_path_usage_weekly',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'fills the rollup totals and the weekly usage from the rows there were, and takes them back down, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await knex.migrate.down({ directory });
      await knex.migrate.down({ directory });
      const weekly = (team: string, pathId: string, opened: number) => ({
        week: '2026-11-16',
        team,
        path_id: pathId,
        opened,
        resolved: 1,
        requests: opened,
      });
      await knex('golden_path_ticket_weekly').insert([
        weekly('group:default/a', 'node-service', 2),
        weekly('group:default/b', 'node-service', 3),
        weekly('group:default/a', '', 1),
      ]);
      await knex('golden_path_ticket_durations').insert([
        {
          week: '2026-11-16',
          team: 'group:default/a',
          path_id: 'node-service',
          measure: 'resolution',
          h3: 2,
          h7: 0,
        },
        {
          week: '2026-11-16',
          team: 'group:default/b',
          path_id: 'node-service',
          measure: 'resolution',
          h3: 1,
          h7: 4,
        },
      ]);
      await knex('golden_path_deployment_weekly').insert([
        {
          week: '2026-11-16',
          team: 'group:default/a',
          path_id: '',
          production: 1,
          deployments: 5,
          failures: 1,
        },
      ]);
      // Two days of one week and a day of the next.
      const daily = (day: string, team: string, events: number) => ({
        day,
        team,
        plugin_id: 'catalog',
        feature: 'page:catalog',
        events,
      });
      await knex('golden_path_usage_daily').insert([
        daily('2026-11-17', 'group:default/a', 4),
        daily('2026-11-22', 'group:default/a', 6),
        daily('2026-11-23', 'group:default/a', 1),
      ]);
      const activeDay = (day: string, week: string, user: string) => ({
        day,
        week,
        user_ref: user,
        team: 'group:default/a',
      });
      await knex('golden_path_usage_active_users').insert([
        activeDay('2026-11-17', '2026-11-16', 'user:default/jane'),
        activeDay('2026-11-22', '2026-11-16', 'user:default/jane'),
        activeDay('2026-11-22', '2026-11-16', 'user:default/omar'),
        activeDay('2026-11-23', '2026-11-23', 'user:default/jane'),
      ]);

      await knex.migrate.latest({ directory });
      const opened = async (team: string, pathId: string) =>
        Number(
          (
            await knex('golden_path_ticket_weekly')
              .where({ team, path_id: pathId })
              .first()
          ).opened,
        );
      expect(await opened('*', 'node-service')).toBe(5);
      expect(await opened('group:default/a', '*')).toBe(3);
      expect(await opened('*', '')).toBe(1);
      expect(await opened('*', '*')).toBe(6);
      const total = await knex('golden_path_ticket_durations')
        .where({ team: '*', path_id: '*', measure: 'resolution' })
        .first();
      expect([Number(total.h3), Number(total.h7), Number(total.h0)]).toEqual([
        3, 4, 0,
      ]);
      const deployments = await knex('golden_path_deployment_weekly')
        .where({ team: '*', path_id: '*' })
        .first();
      expect(Number(deployments.deployments)).toBe(5);
      const usage = await knex('golden_path_usage_weekly')
        .orderBy('week')
        .select('week', 'events');
      expect(usage.map(u => [u.week, Number(u.events)])).toEqual([
        ['2026-11-16', 10],
        ['2026-11-23', 1],
      ]);
      const teams = await knex('golden_path_usage_weekly_teams')
        .orderBy('week')
        .select('week', 'users');
      expect(teams.map(t => [t.week, Number(t.users)])).toEqual([
        ['2026-11-16', 2],
        ['2026-11-23', 1],
      ]);
      await expect(
        knex.schema.hasTable('golden_path_usage_daily'),
      ).resolves.toBe(false);

      await knex.migrate.down({ directory });
      await knex.migrate.down({ directory });
      const [{ count }] = await knex('golden_path_ticket_weekly').count({
        count: '*',
      });
      expect(Number(count)).toBe(3);
    },
  );
});
