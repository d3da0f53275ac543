import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FactProvider,
  ProvenanceResolver,
} from '@golden-path/plugin-golden-path-node';
import { createStores } from '../database/createStores';
import { ExemptionStore } from '../database/ExemptionStore';
import { ResultsStore } from '../database/ResultsStore';
import { catalogFactProvider } from '../scoring/catalogFactProvider';
import { component, sampleCatalog } from '../__testUtils__/entities';
import { sampleSettings } from '../__testUtils__/settings';
import { ScoringTask } from './ScoringTask';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

let exemptions: ExemptionStore;

async function createStore() {
  const knex = await databases.init('SQLITE_3');
  const stores = await createStores({ getClient: async () => knex });
  exemptions = stores.exemptions;
  return stores.results;
}

function scoringTask(
  store: ResultsStore,
  entities: Entity[],
  options: {
    factProviders?: FactProvider[];
    provenanceResolvers?: ProvenanceResolver[];
    onLevelDrops?: ScoringTaskOptions['onLevelDrops'];
    logger?: ScoringTaskOptions['logger'];
  } = {},
) {
  return new ScoringTask({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    store,
    exemptions,
    settings: sampleSettings,
    factProviders: [catalogFactProvider, ...(options.factProviders ?? [])],
    provenanceResolvers: options.provenanceResolvers ?? [],
    logger: options.logger ?? mockServices.logger.mock(),
    onLevelDrops: options.onLevelDrops,
  });
}

type ScoringTaskOptions = ConstructorParameters<typeof ScoringTask>[0];

/** Exempts payments-api from has-docs for an hour. */
const exemptPaymentsDocs = (id: string) =>
  exemptions.create({
    id,
    entityRef: 'component:default/payments-api',
    checkId: 'has-docs',
    reason: 'Migrating docs',
    expiresAt: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    grantedBy: 'user:default/ada',
    grantedAt: new Date().toISOString(),
  });

describe('ScoringTask', () => {
  it('scores an entity on a path: checks, score, level, coverage and drift', async () => {
    const store = await createStore();
    await expect(scoringTask(store, sampleCatalog).run()).resolves.toEqual({
      evaluated: 3,
      removed: 0,
    });

    expect(await store.get('component:default/payments-api')).toMatchObject({
      ownerRef: 'group:default/payments',
      eligible: true,
      pathId: 'node-service',
      // owned-by-team (3) passes, has-docs (1) fails, coverage (1) is unknown:
      // no sonarqube facts.
      score: 75,
      coverage: 0.8,
      level: 'bronze',
      drift: { status: 'behind', by: 'minor', distance: 8 },
      checks: [
        { id: 'owned-by-team', verdict: 'pass' },
        { id: 'has-docs', verdict: 'fail' },
        { id: 'coverage', verdict: 'unknown' },
      ],
      unavailableSources: ['sonarqube'],
    });
  });

  it('puts an entity on the path of the template it came from', async () => {
    const store = await createStore();
    await scoringTask(store, sampleCatalog).run();

    expect(await store.get('component:default/search-indexer')).toMatchObject({
      pathId: 'python-service',
      score: 100,
      level: null,
      drift: { status: 'unknown', reason: 'no-version' },
    });
  });

  it('records an eligible entity on no path without a score, and skips other kinds', async () => {
    const store = await createStore();
    await scoringTask(store, sampleCatalog).run();

    expect(await store.get('component:default/legacy-billing')).toMatchObject({
      eligible: true,
      pathId: null,
      provenance: null,
      score: null,
      coverage: null,
      checks: [],
    });
    await expect(store.get('system:default/payments')).resolves.toBeUndefined();
  });

  it('writes the day’s adoption per path and owner', async () => {
    const store = await createStore();
    await scoringTask(store, sampleCatalog).run();

    const snapshots = await store.latestSnapshots();
    const row = (pathId: string) =>
      snapshots.find(
        s => s.pathId === pathId && s.ownerRef === 'group:default/payments',
      );
    // Three services are eligible for both paths; one is on each.
    expect(row('node-service')).toMatchObject({
      eligible: 3,
      onPath: 1,
      scored: 1,
      scoreSum: 75,
      levels: { bronze: 1 },
    });
    expect(row('python-service')).toMatchObject({
      eligible: 3,
      onPath: 1,
      levels: { none: 1 },
    });
    expect(row('*')).toMatchObject({ eligible: 3, onPath: 2 });
    expect(snapshots[0].day).toBe(new Date().toISOString().slice(0, 10));
  });

  it('pages through a catalog larger than one page', async () => {
    const store = await createStore();
    const many = Array.from({ length: 1100 }, (_, i) =>
      component(`service-${i}`),
    );
    await expect(scoringTask(store, many).run()).resolves.toEqual({
      evaluated: 1100,
      removed: 0,
    });
    await expect(
      store.get('component:default/service-1099'),
    ).resolves.toBeDefined();
  });

  it('removes results of entities that left the catalog on the next run', async () => {
    const store = await createStore();
    await scoringTask(store, sampleCatalog).run();
    await expect(
      scoringTask(store, sampleCatalog.slice(1)).run(),
    ).resolves.toEqual({
      evaluated: 2,
      removed: 1,
    });
    await expect(
      store.get('component:default/payments-api'),
    ).resolves.toBeUndefined();
  });

  it('keeps the previous results when a run is aborted half way', async () => {
    const store = await createStore();
    await scoringTask(store, sampleCatalog).run();
    const before = await store.get('component:default/payments-api');

    const controller = new AbortController();
    controller.abort();
    await expect(
      scoringTask(store, sampleCatalog.slice(1)).run(controller.signal),
    ).rejects.toThrow(/aborted/);

    await expect(store.get('component:default/payments-api')).resolves.toEqual(
      before,
    );
  });

  it('evaluates facts from a module-added provider, and marks them unknown when it fails', async () => {
    const sonarqube: FactProvider = {
      id: 'sonarqube',
      getFacts: async entities =>
        new Map(
          entities.map(e => [
            `component:default/${e.metadata.name}`,
            { coverage: 81 },
          ]),
        ),
    };
    const store = await createStore();
    await scoringTask(store, sampleCatalog, {
      factProviders: [sonarqube],
    }).run();
    expect(await store.get('component:default/payments-api')).toMatchObject({
      score: 80,
      coverage: 1,
      unavailableSources: [],
    });

    const broken: FactProvider = {
      id: 'sonarqube',
      getFacts: jest.fn().mockRejectedValue(new Error('503')),
    };
    await scoringTask(store, sampleCatalog, { factProviders: [broken] }).run();
    expect(await store.get('component:default/payments-api')).toMatchObject({
      score: 75,
      coverage: 0.8,
      unavailableSources: ['sonarqube'],
    });
  });

  it('asks provenance resolvers only when the catalog names no template, isolating failures', async () => {
    const failing: ProvenanceResolver = {
      id: 'failing',
      resolve: jest.fn().mockRejectedValue(new Error('registry down')),
    };
    const registry: ProvenanceResolver = {
      id: 'registry',
      resolve: jest.fn(async entity =>
        entity.metadata.name === 'legacy-billing'
          ? { templateRef: 'template:default/node-service', source: 'registry' }
          : undefined,
      ),
    };
    const store = await createStore();
    await scoringTask(store, sampleCatalog, {
      provenanceResolvers: [failing, registry],
    }).run();

    expect(await store.get('component:default/legacy-billing')).toMatchObject({
      pathId: 'node-service',
      provenance: {
        templateRef: 'template:default/node-service',
        source: 'registry',
      },
    });
    expect(registry.resolve).toHaveBeenCalledTimes(1);
  });

  it('counts an exempt check as passing until the exemption expires', async () => {
    const store = await createStore();
    const grant = (id: string, expiresAt: string) =>
      exemptions.create({
        id,
        entityRef: 'component:default/payments-api',
        checkId: 'has-docs',
        reason: 'Docs live in the wiki until Q1',
        expiresAt,
        grantedBy: 'user:default/ada',
        grantedAt: '2026-11-01T00:00:00.000Z',
      });

    await grant('e1', '2999-01-01T00:00:00.000Z');
    await scoringTask(store, sampleCatalog).run();
    expect(await store.get('component:default/payments-api')).toMatchObject({
      score: 100,
      level: 'silver',
      checks: expect.arrayContaining([
        expect.objectContaining({ id: 'has-docs', verdict: 'exempt' }),
      ]),
    });

    await exemptions.delete('e1');
    await grant('e2', '2020-01-01T00:00:00.000Z');
    await scoringTask(store, sampleCatalog).run();
    expect(await store.get('component:default/payments-api')).toMatchObject({
      score: 75,
      level: 'bronze',
      checks: expect.arrayContaining([
        expect.objectContaining({ id: 'has-docs', verdict: 'fail' }),
      ]),
    });
  });

  it('refreshes one entity on demand without disturbing the run ids of others', async () => {
    const store = await createStore();
    const task = scoringTask(store, sampleCatalog);
    await task.run();
    await exemptions.create({
      id: 'e1',
      entityRef: 'component:default/payments-api',
      checkId: 'has-docs',
      reason: 'Migrating docs',
      expiresAt: '2999-01-01T00:00:00.000Z',
      grantedBy: 'user:default/ada',
      grantedAt: '2026-11-01T00:00:00.000Z',
    });

    await expect(task.refresh('component:default/payments-api')).resolves.toBe(
      true,
    );
    expect((await store.get('component:default/payments-api'))?.score).toBe(
      100,
    );
    await expect(task.refresh('component:default/nope')).resolves.toBe(false);
    await expect(task.refresh('system:default/payments')).resolves.toBe(false);

    // The refreshed row still belongs to the last run: nothing is removed.
    await expect(store.removeRecordsNotFromRun('another-run')).resolves.toBe(3);
  });

  it('reports level drops seen by the run, and only those', async () => {
    const store = await createStore();
    const onLevelDrops = jest.fn().mockResolvedValue(undefined);
    const task = scoringTask(store, sampleCatalog, { onLevelDrops });
    await exemptPaymentsDocs('e1');
    await task.run();
    expect(onLevelDrops).not.toHaveBeenCalled();

    await exemptions.delete('e1');
    await task.run();

    expect(onLevelDrops).toHaveBeenCalledTimes(1);
    expect(onLevelDrops).toHaveBeenCalledWith([
      {
        entityRef: 'component:default/payments-api',
        from: 'silver',
        to: 'bronze',
      },
    ]);
  });

  it('keeps scoring when reporting a level drop fails', async () => {
    const store = await createStore();
    const logger = mockServices.logger.mock();
    const child = mockServices.logger.mock();
    logger.child.mockReturnValue(child);
    const task = scoringTask(store, sampleCatalog, {
      logger,
      onLevelDrops: jest
        .fn()
        .mockRejectedValue(new Error('notifications down')),
    });
    await exemptPaymentsDocs('e1');
    await task.run();
    await exemptions.delete('e1');

    await expect(task.run()).resolves.toEqual({ evaluated: 3, removed: 0 });
    expect(child.warn).toHaveBeenCalledWith(
      'Could not report 1 level drops: notifications down',
    );
  });
});
