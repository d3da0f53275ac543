import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseProvenanceStore } from './DatabaseProvenanceStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const store = await DatabaseProvenanceStore.create({
    database: { getClient: async () => knex },
  });
  return { knex, store };
}

const evaluatedAt = new Date('2026-11-20T10:00:00.000Z');

describe('DatabaseProvenanceStore', () => {
  it.each(databases.eachSupportedId())(
    'writes, replaces and reads records on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeBatch('run-1', [
        {
          entityRef: 'component:default/payments-api',
          provenance: {
            templateRef: 'template:default/node-service',
            templateVersion: '1.2.0',
            goldenPathId: 'node-service',
            source: 'golden-path-tag',
          },
          evaluatedAt,
        },
        {
          entityRef: 'component:default/legacy',
          provenance: null,
          evaluatedAt,
        },
      ]);

      await expect(
        store.get('Component:default/payments-api'),
      ).resolves.toEqual({
        entityRef: 'component:default/payments-api',
        provenance: {
          templateRef: 'template:default/node-service',
          templateVersion: '1.2.0',
          goldenPathId: 'node-service',
          source: 'golden-path-tag',
        },
        evaluatedAt,
      });
      await expect(store.get('component:default/legacy')).resolves.toEqual({
        entityRef: 'component:default/legacy',
        provenance: null,
        evaluatedAt,
      });
      await expect(
        store.get('component:default/unknown'),
      ).resolves.toBeUndefined();

      const later = new Date('2026-11-21T10:00:00.000Z');
      await store.writeBatch('run-2', [
        {
          entityRef: 'component:default/legacy',
          provenance: {
            templateRef: 'template:default/python-service',
            source: 'scaffolded-from',
          },
          evaluatedAt: later,
        },
      ]);
      await expect(store.get('component:default/legacy')).resolves.toEqual({
        entityRef: 'component:default/legacy',
        provenance: {
          templateRef: 'template:default/python-service',
          source: 'scaffolded-from',
        },
        evaluatedAt: later,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'removes the records a completed run did not write on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const records = ['a', 'b', 'c'].map(name => ({
        entityRef: `component:default/${name}`,
        provenance: null,
        evaluatedAt,
      }));
      await store.writeBatch('run-1', records);
      await store.writeBatch('run-2', records.slice(0, 2));

      await expect(store.removeRecordsNotFromRun('run-2')).resolves.toBe(1);
      await expect(store.get('component:default/c')).resolves.toBeUndefined();
      await expect(store.get('component:default/a')).resolves.toBeDefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'writes a batch larger than one statement in one transaction on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const records = Array.from({ length: 250 }, (_, i) => ({
        entityRef: `component:default/service-${i}`,
        provenance: null,
        evaluatedAt,
      }));
      await store.writeBatch('run-1', records);
      const [{ count }] = await knex('golden_path_entity_provenance').count({
        count: '*',
      });
      expect(Number(count)).toBe(250);
    },
  );
});
