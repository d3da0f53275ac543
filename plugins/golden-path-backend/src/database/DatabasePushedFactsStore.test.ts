import { TestDatabases } from '@backstage/backend-test-utils';
import { createStores } from './createStores';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

describe('DatabasePushedFactsStore', () => {
  it.each(databases.eachSupportedId())(
    'replaces a source’s facts per entity and lists the fresh ones on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { pushedFacts } = await createStores({
        getClient: async () => knex,
      });
      const push = (entityRef: string, facts: object, pushedAt: string) => ({
        sourceId: 'ci',
        entityRef,
        facts: facts as any,
        pushedAt: new Date(pushedAt),
        pushedBy: 'service:external:ci',
      });

      await pushedFacts.replace([
        push(
          'component:default/a',
          { coverage: 80 },
          '2026-11-01T00:00:00.000Z',
        ),
        push(
          'component:default/b',
          { coverage: 20 },
          '2026-11-01T00:00:00.000Z',
        ),
      ]);
      await pushedFacts.replace([
        push(
          'component:default/a',
          { coverage: 90, scanPassed: true },
          '2026-11-20T00:00:00.000Z',
        ),
      ]);

      const all = await pushedFacts.list('ci', [
        'component:default/a',
        'component:default/b',
        'component:default/c',
      ]);
      expect(all.map(f => [f.entityRef, f.facts]).sort()).toEqual([
        ['component:default/a', { coverage: 90, scanPassed: true }],
        ['component:default/b', { coverage: 20 }],
      ]);
      const fresh = await pushedFacts.list(
        'ci',
        ['component:default/a', 'component:default/b'],
        new Date('2026-11-10T00:00:00.000Z'),
      );
      expect(fresh.map(f => f.entityRef)).toEqual(['component:default/a']);
      await expect(
        pushedFacts.list('sonar', ['component:default/a']),
      ).resolves.toEqual([]);
    },
  );
});
