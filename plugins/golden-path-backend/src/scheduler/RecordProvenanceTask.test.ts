import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseProvenanceStore } from '../database/DatabaseProvenanceStore';
import { component, sampleCatalog } from '../__testUtils__/entities';
import { RecordProvenanceTask } from './RecordProvenanceTask';
import { ProvenanceResolver } from '@golden-path/plugin-golden-path-node';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(entities: Entity[], resolvers: ProvenanceResolver[] = []) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseProvenanceStore.create({
    database: { getClient: async () => knex },
  });
  const catalog = catalogServiceMock({ entities });
  const task = new RecordProvenanceTask({
    catalog,
    auth: mockServices.auth(),
    store,
    resolvers,
    logger: mockServices.logger.mock(),
  });
  return { task, store, catalog };
}

describe('RecordProvenanceTask', () => {
  it('records the template of every component and nothing for other kinds', async () => {
    const { task, store } = await setup(sampleCatalog);

    await expect(task.run()).resolves.toEqual({ recorded: 3, removed: 0 });

    expect(
      (await store.get('component:default/payments-api'))?.provenance,
    ).toEqual({
      templateRef: 'template:default/node-service',
      templateVersion: '1.2.0',
      goldenPathId: 'node-service',
      source: 'golden-path-tag',
    });
    expect(
      (await store.get('component:default/search-indexer'))?.provenance,
    ).toEqual({
      templateRef: 'template:default/python-service',
      source: 'scaffolded-from',
    });
    expect(
      (await store.get('component:default/legacy-billing'))?.provenance,
    ).toBeNull();
    await expect(store.get('system:default/payments')).resolves.toBeUndefined();
  });

  it('pages through a catalog larger than one page', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      component(`service-${i}`),
    );
    const { task, store } = await setup(many);

    await expect(task.run()).resolves.toEqual({ recorded: 450, removed: 0 });
    await expect(
      store.get('component:default/service-449'),
    ).resolves.toBeDefined();
  });

  it('removes records of entities that left the catalog on the next pass', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseProvenanceStore.create({
      database: { getClient: async () => knex },
    });
    const pass = (entities: Entity[]) =>
      new RecordProvenanceTask({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        store,
        resolvers: [],
        logger: mockServices.logger.mock(),
      }).run();

    await pass(sampleCatalog);
    await expect(pass(sampleCatalog.slice(1))).resolves.toEqual({
      recorded: 2,
      removed: 1,
    });
    await expect(
      store.get('component:default/payments-api'),
    ).resolves.toBeUndefined();
  });

  it('keeps the previous records when a pass is aborted half way', async () => {
    const { task, store } = await setup(sampleCatalog);
    await task.run();
    const before = await store.get('component:default/payments-api');

    const controller = new AbortController();
    controller.abort();
    await expect(task.run(controller.signal)).rejects.toThrow(/aborted/);

    await expect(store.get('component:default/payments-api')).resolves.toEqual(
      before,
    );
  });

  it('asks resolvers from modules only when the catalog names no template, isolating failures', async () => {
    const failing: ProvenanceResolver = {
      id: 'failing',
      resolve: jest.fn().mockRejectedValue(new Error('registry down')),
    };
    const registry: ProvenanceResolver = {
      id: 'registry',
      resolve: jest.fn(async entity =>
        entity.metadata.name === 'legacy-billing'
          ? { templateRef: 'template:default/java-service', source: 'registry' }
          : undefined,
      ),
    };
    const { task, store } = await setup(sampleCatalog, [failing, registry]);

    await task.run();

    expect(
      (await store.get('component:default/legacy-billing'))?.provenance,
    ).toEqual({
      templateRef: 'template:default/java-service',
      source: 'registry',
    });
    expect(registry.resolve).toHaveBeenCalledTimes(1);
    expect(
      (await store.get('component:default/payments-api'))?.provenance?.source,
    ).toBe('golden-path-tag');
  });
});
