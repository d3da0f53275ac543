import { TestDatabases } from '@backstage/backend-test-utils';
import { createStores } from './createStores';
import { EntityResultRecord, SnapshotRecord } from './ResultsStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const { results: store } = await createStores({
    getClient: async () => knex,
  });
  return { knex, store };
}

const evaluatedAt = new Date('2026-11-20T10:00:00.000Z');

function record(
  name: string,
  overrides: Partial<EntityResultRecord> = {},
): EntityResultRecord {
  return {
    entityRef: `component:default/${name}`,
    ownerRef: 'group:default/payments',
    eligible: true,
    eligibleFor: ['node-service'],
    pathId: null,
    provenance: null,
    drift: null,
    score: null,
    coverage: null,
    level: null,
    checks: [],
    unavailableSources: [],
    evaluatedAt,
    ...overrides,
  };
}

const onPath = record('payments-api', {
  pathId: 'node-service',
  provenance: {
    templateRef: 'template:default/node-service',
    templateVersion: '1.2.0',
    goldenPathId: 'node-service',
    source: 'golden-path-tag',
  },
  drift: { status: 'behind', by: 'minor', distance: 8 },
  score: 75,
  coverage: 0.8,
  level: 'bronze',
  checks: [
    { id: 'owned-by-team', verdict: 'pass' },
    { id: 'has-docs', verdict: 'fail' },
    { id: 'coverage', verdict: 'unknown' },
  ],
  unavailableSources: ['sonarqube'],
});

function snapshot(
  day: string,
  pathId: string,
  ownerRef: string,
  onPathCount: number,
): SnapshotRecord {
  return {
    day,
    pathId,
    ownerRef,
    eligible: 4,
    onPath: onPathCount,
    scored: onPathCount,
    scoreSum: 150.5,
    levels: { bronze: onPathCount },
    computedAt: evaluatedAt,
  };
}

describe('DatabaseResultsStore', () => {
  it.each(databases.eachSupportedId())(
    'writes, replaces and reads entity results on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeBatch('run-1', [
        onPath,
        record('legacy-billing', { ownerRef: null }),
      ]);

      await expect(
        store.get('Component:default/payments-api'),
      ).resolves.toEqual(onPath);
      await expect(
        store.get('component:default/legacy-billing'),
      ).resolves.toEqual(record('legacy-billing', { ownerRef: null }));
      await expect(
        store.get('component:default/unknown'),
      ).resolves.toBeUndefined();

      const rescored = {
        ...onPath,
        score: 100,
        level: 'silver',
        evaluatedAt: new Date('2026-11-21T10:00:00.000Z'),
      };
      // The write reports what it replaced: the level before.
      await expect(store.writeBatch('run-2', [rescored])).resolves.toEqual(
        new Map([['component:default/payments-api', 'bronze']]),
      );
      await expect(
        store.get('component:default/payments-api'),
      ).resolves.toEqual(rescored);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes the results a completed run did not write on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const records = ['a', 'b', 'c'].map(name => record(name));
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
      await store.writeBatch(
        'run-1',
        Array.from({ length: 230 }, (_, i) => record(`service-${i}`)),
      );
      const [{ count }] = await knex('golden_path_entity_results').count({
        count: '*',
      });
      expect(Number(count)).toBe(230);
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces a day of aggregates, reads the latest day and expires old days on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(store.latestSnapshots()).resolves.toEqual([]);

      await store.replaceDaySnapshots('2026-11-20', [
        snapshot('2026-11-20', 'node-service', 'group:default/payments', 1),
      ]);
      await store.replaceDaySnapshots('2026-11-21', [
        snapshot('2026-11-21', 'node-service', 'group:default/payments', 2),
        snapshot('2026-11-21', 'node-service', 'group:default/search', 1),
      ]);
      // A second run on the same day replaces the first one whole.
      await store.replaceDaySnapshots('2026-11-21', [
        snapshot('2026-11-21', 'node-service', 'group:default/payments', 3),
      ]);

      await expect(store.latestSnapshots()).resolves.toEqual([
        snapshot('2026-11-21', 'node-service', 'group:default/payments', 3),
      ]);
      await expect(store.removeSnapshotsBefore('2026-11-21')).resolves.toBe(1);
      await expect(store.removeSnapshotsBefore('2026-11-21')).resolves.toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'sums daily series over owners and reads the latest of some owners on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceDaySnapshots('2026-11-20', [
        snapshot('2026-11-20', 'node-service', 'group:default/payments', 1),
        snapshot('2026-11-20', 'node-service', 'group:default/search', 2),
        snapshot('2026-11-20', '*', 'group:default/search', 2),
      ]);
      await store.replaceDaySnapshots('2026-11-21', [
        snapshot('2026-11-21', 'node-service', 'group:default/payments', 3),
      ]);

      await expect(
        store.snapshotSeries({
          pathId: 'node-service',
          from: '2026-11-01',
          to: '2026-11-30',
        }),
      ).resolves.toEqual([
        { day: '2026-11-20', eligible: 8, onPath: 3, scored: 3, scoreSum: 301 },
        {
          day: '2026-11-21',
          eligible: 4,
          onPath: 3,
          scored: 3,
          scoreSum: 150.5,
        },
      ]);
      await expect(
        store.snapshotSeries({
          pathId: 'node-service',
          ownerRefs: ['group:default/search'],
          from: '2026-11-20',
          to: '2026-11-20',
        }),
      ).resolves.toEqual([
        {
          day: '2026-11-20',
          eligible: 4,
          onPath: 2,
          scored: 2,
          scoreSum: 150.5,
        },
      ]);
      await expect(
        store.latestSnapshotsOf(['group:default/search']),
      ).resolves.toEqual([]);
      await expect(
        store.latestSnapshotsOf(['group:default/payments']),
      ).resolves.toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists results by owner, bounded on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeBatch('run-1', [
        record('b', { ownerRef: 'group:default/search' }),
        record('a', { ownerRef: 'group:default/search' }),
        record('c'),
      ]);
      const found = await store.listByOwners(['group:default/search'], 10);
      expect(found.map(r => r.entityRef)).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      await expect(
        store.listByOwners(['group:default/search'], 1),
      ).resolves.toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a history point per change, at most one per day, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const at = (
        iso: string,
        overrides: Partial<EntityResultRecord> = {},
      ) => ({ ...onPath, evaluatedAt: new Date(iso), ...overrides });

      await store.writeBatch('run-1', [at('2026-11-01T10:00:00.000Z')]);
      // Unchanged on later days: no new point.
      await store.writeBatch('run-2', [at('2026-11-02T10:00:00.000Z')]);
      await store.writeBatch('run-3', [at('2026-11-03T10:00:00.000Z')]);
      // Two changes the same day: the day keeps the last one.
      await store.writeBatch('run-4', [
        at('2026-11-04T09:00:00.000Z', { score: 80, level: 'silver' }),
      ]);
      await store.writeBatch('run-5', [
        at('2026-11-04T15:00:00.000Z', { score: 90, level: 'silver' }),
      ]);
      // A refresh records its change too.
      await store.writeRefreshed(
        at('2026-11-06T08:00:00.000Z', {
          score: 90,
          coverage: 1,
          level: 'silver',
        }),
      );

      const [{ count }] = await knex('golden_path_entity_history').count({
        count: '*',
      });
      expect(Number(count)).toBe(3);
      const history = await store.entityHistory({
        entityRef: 'Component:default/payments-api',
        from: '2026-11-01',
        to: '2026-11-30',
      });
      expect(
        history.map(p => [p.day, p.score, p.coverage, p.level, p.pathId]),
      ).toEqual([
        ['2026-11-01', 75, 0.8, 'bronze', 'node-service'],
        ['2026-11-04', 90, 0.8, 'silver', 'node-service'],
        ['2026-11-06', 90, 1, 'silver', 'node-service'],
      ]);
      expect(history[1].evaluatedAt).toEqual(
        new Date('2026-11-04T15:00:00.000Z'),
      );

      // A window starts with the point in force on its first day.
      const window = await store.entityHistory({
        entityRef: 'component:default/payments-api',
        from: '2026-11-05',
        to: '2026-11-05',
      });
      expect(window.map(p => p.day)).toEqual(['2026-11-04']);
    },
  );

  it.each(databases.eachSupportedId())(
    "expires history but keeps each entity's latest point, and drops the history of removed entities, on %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      const a = record('a', { score: 10 });
      const b = record('b', { score: 10 });
      await store.writeBatch('run-1', [
        { ...a, evaluatedAt: new Date('2026-10-01T00:00:00.000Z') },
        { ...b, evaluatedAt: new Date('2026-10-01T00:00:00.000Z') },
      ]);
      await store.writeBatch('run-2', [
        { ...a, score: 20, evaluatedAt: new Date('2026-10-02T00:00:00.000Z') },
        { ...b, evaluatedAt: new Date('2026-10-02T00:00:00.000Z') },
      ]);
      await store.writeBatch('run-3', [
        { ...a, score: 30, evaluatedAt: new Date('2026-11-20T00:00:00.000Z') },
        { ...b, evaluatedAt: new Date('2026-11-20T00:00:00.000Z') },
      ]);

      // a: 10-01 and 10-02 go; b: 10-01 is its latest and stays.
      await expect(store.removeEntityHistoryBefore('2026-11-01')).resolves.toBe(
        2,
      );
      const days = async (entityRef: string) =>
        (
          await store.entityHistory({
            entityRef,
            from: '2026-01-01',
            to: '2026-12-31',
          })
        ).map(p => [p.day, p.score]);
      await expect(days('component:default/a')).resolves.toEqual([
        ['2026-11-20', 30],
      ]);
      await expect(days('component:default/b')).resolves.toEqual([
        ['2026-10-01', 10],
      ]);

      await store.writeBatch('run-4', [
        { ...a, score: 30, evaluatedAt: new Date('2026-11-21T00:00:00.000Z') },
      ]);
      await expect(store.removeRecordsNotFromRun('run-4')).resolves.toBe(1);
      await expect(days('component:default/b')).resolves.toEqual([]);
      await expect(days('component:default/a')).resolves.toHaveLength(1);
    },
  );
});
