import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DAY_MS } from '@golden-path/plugin-golden-path-common';
import { readGoldenPathConfig } from '../config/readGoldenPathConfig';
import { createStores } from '../database/createStores';
import { RetentionTask } from './RetentionTask';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const now = new Date(Date.UTC(2026, 11, 2, 12));
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const count = async (knex: any, table: string) =>
  Number((await knex(table).count({ n: '*' }))[0].n);

describe('RetentionTask', () => {
  it.each(databases.eachSupportedId())(
    'removes tickets, deployments, usage events and daily usage past their configured retention, with their rollups, and keeps the rest, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const stores = await createStores({ getClient: async () => knex });
      const settings = readGoldenPathConfig(
        new ConfigReader({
          goldenPath: {
            tickets: { retentionDays: 100 },
            deployments: { retentionDays: 50 },
            usage: { retentionDays: 10, rollupRetentionDays: 30 },
          },
        }),
      );

      const ticket = (id: string, createdAt: Date) => ({
        source: 'jira',
        externalId: id,
        type: 'request' as const,
        labels: [],
        components: [],
        status: 'open' as const,
        team: 'group:default/payments',
        createdAt,
        updatedAt: createdAt,
        reopenCount: 0,
      });
      const { weeks } = await stores.tickets.upsertTickets('jira', [
        ticket('OLD', daysAgo(120)),
        ticket('NEW', daysAgo(20)),
      ]);
      await stores.tickets.rebuildWeeks(weeks);

      const deployment = (id: string, deployedAt: Date) => ({
        source: 'ci',
        externalId: id,
        service: `svc-${id}`,
        environment: 'production',
        production: true,
        outcome: 'success' as const,
        deployedAt,
        updatedAt: deployedAt,
        leadTimeMs: 600_000,
        team: 'group:default/payments',
      });
      const deployed = await stores.deployments.upsertDeployments('ci', [
        deployment('old', daysAgo(70)),
        deployment('new', daysAgo(5)),
      ]);
      await stores.deployments.rebuildWeeks(deployed.weeks);

      const event = (id: string, at: Date) => ({
        eventId: id,
        at,
        userRef: 'user:default/jane',
        team: 'group:default/payments',
        pluginId: 'catalog',
        feature: 'page:catalog',
        action: 'navigate',
        subject: '/catalog',
      });
      await stores.usage.recordEvents(
        [
          event('e-40', daysAgo(40)),
          event('e-20', daysAgo(20)),
          event('e-1', daysAgo(1)),
        ],
        [],
        now,
      );

      await new RetentionTask({
        ...stores,
        settings,
        logger: mockServices.logger.mock(),
      }).run(now);

      const stored = await stores.tickets.getTickets('jira', ['OLD', 'NEW']);
      expect(stored.map(t => t.externalId)).toEqual(['NEW']);
      const allWeeks = { fromWeek: '2000-01-03', toWeek: '2100-01-04' };
      expect(await stores.tickets.counts(allWeeks, 'all')).toEqual([
        expect.objectContaining({ opened: 1 }),
      ]);
      expect(
        await knex('golden_path_deployments').pluck('external_id'),
      ).toEqual(['new']);
      expect(await stores.deployments.counts(allWeeks, 'all')).toEqual([
        expect.objectContaining({ production: 1 }),
      ]);
      expect(
        await knex('golden_path_deployed_services').pluck('service'),
      ).toEqual(['svc-new']);
      // Raw events for 10 days; weekly figures of the weeks that began in
      // the last 30 days (the weeks of 20 and 1 days ago).
      expect(await knex('golden_path_usage_events').pluck('event_id')).toEqual([
        'e-1',
      ]);
      for (const table of [
        'golden_path_usage_weekly',
        'golden_path_usage_weekly_users',
        'golden_path_usage_weekly_teams',
      ]) {
        expect(await count(knex, table)).toBe(2);
      }
    },
  );
});
