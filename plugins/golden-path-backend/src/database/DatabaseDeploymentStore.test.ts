import { TestDatabases } from '@backstage/backend-test-utils';
import {
  durationBucket,
  weekStart,
} from '@golden-path/plugin-golden-path-common';
import { createStores } from './createStores';
import { DeploymentRecord } from './DeploymentStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const HOUR = 3_600_000;
const at = (day: number, hour = 9) =>
  new Date(Date.UTC(2026, 10, day, hour, 0, 0));
const RANGE = { fromWeek: '2026-10-26', toWeek: '2026-12-07' };
const TEAMS = ['group:default/payments', 'group:default/search'];

// 40 deployments over three weeks, two teams and a path or none; every
// third is a staging one, every fifth production one failed.
const deployments: DeploymentRecord[] = Array.from({ length: 40 }, (_, i) => {
  const production = i % 3 !== 0;
  return {
    source: 'ci',
    externalId: `D-${i}`,
    service: `service-${i % 4}`,
    entityRef: `component:default/service-${i % 4}`,
    environment: production ? 'production' : 'staging',
    production,
    outcome: production && i % 5 === 0 ? 'failure' : 'success',
    deployedAt: at(2 + (i % 3) * 7 + (i % 5)),
    updatedAt: at(2 + (i % 3) * 7 + (i % 5)),
    leadTimeMs: (1 + (i % 7)) * HOUR,
    team: TEAMS[i % 2],
    ...(i % 4 < 2 ? { pathId: 'node-service' } : {}),
  };
});

describe('DatabaseDeploymentStore', () => {
  it.each(databases.eachSupportedId())(
    'rebuilds the weekly counts and lead-time histograms as a recount of the deployments, with totals that equal their parts, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { deployments: store } = await createStores({
        getClient: async () => knex,
      });
      const { weeks, inserted } = await store.upsertDeployments(
        'ci',
        deployments,
      );
      expect(inserted).toBe(40);
      expect(weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
      expect(await store.counts(RANGE, 'all')).toEqual([]);
      expect(await store.rebuildMarked(100)).toBe(3);

      const expected = new Map<string, [number, number, number]>();
      const buckets = new Map<string, number>();
      for (const d of deployments) {
        const week = weekStart(d.deployedAt);
        const [production, failures, other] = expected.get(week) ?? [0, 0, 0];
        expected.set(
          week,
          d.production
            ? [
                production + 1,
                failures + (d.outcome === 'success' ? 0 : 1),
                other,
              ]
            : [production, failures, other + 1],
        );
        if (d.production && d.outcome === 'success') {
          const key = `${week}:${durationBucket(d.leadTimeMs!)}`;
          buckets.set(key, (buckets.get(key) ?? 0) + 1);
        }
      }
      const byWeek = await store.counts(RANGE, 'week');
      expect(
        Object.fromEntries(
          byWeek.map(r => [
            r.slice,
            [r.production, r.productionFailures, r.other],
          ]),
        ),
      ).toEqual(Object.fromEntries(expected));
      expect(
        Object.fromEntries(
          (await store.leadTimes(RANGE, 'week')).map(r => [
            `${r.slice}:${r.bucket}`,
            r.count,
          ]),
        ),
      ).toEqual(Object.fromEntries(buckets));

      const [all] = await store.counts(RANGE, 'all');
      expect(all).toEqual({
        slice: '',
        production: 26,
        productionFailures: 5,
        other: 14,
      });
      const byTeam = await store.counts(RANGE, 'team');
      expect(byTeam.map(r => r.slice).sort()).toEqual(TEAMS);
      for (const field of [
        'production',
        'productionFailures',
        'other',
      ] as const) {
        expect(byTeam.reduce((n, r) => n + r[field], 0)).toBe(all[field]);
      }
      const onPath = await store.counts(
        { ...RANGE, pathId: 'node-service' },
        'all',
      );
      const offPath = await store.counts({ ...RANGE, pathId: '' }, 'all');
      expect(onPath[0].production + offPath[0].production).toBe(all.production);
      expect(onPath[0].other + offPath[0].other).toBe(all.other);
      const payments = await store.counts(
        { ...RANGE, teams: [TEAMS[0]] },
        'all',
      );
      expect(payments[0].production).toBe(
        deployments.filter(d => d.team === TEAMS[0] && d.production).length,
      );

      // A rebuild of the same weeks replaces, never adds.
      await store.rebuildWeeks(weeks);
      expect(await store.counts(RANGE, 'all')).toEqual([all]);
      expect(
        (await store.leadTimes(RANGE, 'all')).reduce((n, r) => n + r.count, 0),
      ).toBe(21);
    },
  );
});
