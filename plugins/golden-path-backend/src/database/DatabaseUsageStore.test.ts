import { TestDatabases } from '@backstage/backend-test-utils';
import { createStores } from './createStores';
import { UsageEventRecord } from './UsageStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const now = new Date(Date.UTC(2026, 10, 20, 12));

const event = (userRef: string, eventId: string): UsageEventRecord => ({
  eventId,
  at: now,
  userRef,
  team: 'group:default/payments',
  pluginId: 'catalog',
  feature: 'page:catalog',
  action: 'navigate',
  subject: '/catalog',
});

describe('DatabaseUsageStore.recordEvents', () => {
  it.each(databases.eachSupportedId())(
    'stores each user’s event once however batches mix users and replays, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { usage } = await createStores({
        getClient: async () => knex,
      } as any);
      const jane = 'user:default/jane';
      const john = 'user:default/john';
      // One user's batch, as the forwarder sends it, then a larger history.
      const janes = Array.from({ length: 1200 }, (_, i) =>
        event(jane, `e${i}`),
      );
      await expect(
        usage.recordEvents(janes.slice(0, 700), [], now),
      ).resolves.toEqual({ stored: 700, duplicates: 0 });
      // The same ids from another user are that user's own events; jane's
      // replayed ids are duplicates, her new ones are not, and an id twice
      // in one batch counts once.
      const mixed = [
        ...janes.slice(600, 1200),
        ...Array.from({ length: 300 }, (_, i) => event(john, `e${i}`)),
        event(john, 'e0'),
      ];
      await expect(usage.recordEvents(mixed, [], now)).resolves.toEqual({
        stored: 800,
        duplicates: 101,
      });
      const [{ count }] = await knex('golden_path_usage_events').count({
        count: '*',
      });
      expect(Number(count)).toBe(1500);
    },
  );
});
