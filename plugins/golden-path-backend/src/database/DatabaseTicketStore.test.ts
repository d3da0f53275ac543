import { TestDatabases } from '@backstage/backend-test-utils';
import {
  durationBucket,
  weekStart,
} from '@golden-path/plugin-golden-path-common';
import { mergeTicket } from '../ingest/tickets/mergeTicket';
import { createStores } from './createStores';
import { isResolved } from './operations/ticketRollups';
import { TicketRecord, TicketStore } from './TicketStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const at = (day: number, hour = 9) =>
  new Date(Date.UTC(2026, 10, day, hour, 0, 0));
const RANGE = { fromWeek: '2026-10-26', toWeek: '2026-12-07' };

const ticket = (
  id: string,
  overrides: Partial<TicketRecord> = {},
): TicketRecord => ({
  source: 'jira',
  externalId: id,
  type: 'request',
  labels: ['access'],
  components: [],
  status: 'open',
  team: 'group:default/payments',
  pathId: 'node-service',
  createdAt: at(2),
  updatedAt: at(2),
  reopenCount: 0,
  ...overrides,
});

/** The figures counted from the stored tickets themselves, week by week. */
async function expectRollupsToBeARecount(store: TicketStore, ids: string[]) {
  const stored = await store.getTickets('jira', ids);
  const opened = new Map<string, number>();
  const resolved = new Map<string, number>();
  const buckets = new Map<string, number>();
  for (const t of stored) {
    const week = weekStart(t.createdAt);
    opened.set(week, (opened.get(week) ?? 0) + 1);
    if (isResolved(t) && t.resolvedAt) {
      const w = weekStart(t.resolvedAt);
      resolved.set(w, (resolved.get(w) ?? 0) + 1);
      const b = `${w}:${durationBucket(
        t.resolvedAt.getTime() - t.createdAt.getTime(),
      )}`;
      buckets.set(b, (buckets.get(b) ?? 0) + 1);
    }
  }
  const weeks = await store.counts(RANGE, 'week');
  expect(
    Object.fromEntries(
      weeks.filter(w => w.opened).map(w => [w.slice, w.opened]),
    ),
  ).toEqual(Object.fromEntries(opened));
  expect(
    Object.fromEntries(
      weeks.filter(w => w.resolved).map(w => [w.slice, w.resolved]),
    ),
  ).toEqual(Object.fromEntries(resolved));
  const durations = await store.durations(RANGE, 'week');
  expect(
    Object.fromEntries(
      durations
        .filter(d => d.measure === 'resolution')
        .map(d => [`${d.slice}:${d.bucket}`, d.count]),
    ),
  ).toEqual(Object.fromEntries(buckets));
}

/**
 * The totals rows each rebuild writes agree with the rows they sum: the
 * figure for everyone equals the sum over teams and the sum over paths.
 */
async function expectTotalsToMatchTheirParts(store: TicketStore) {
  const sum = (rows: Array<{ opened: number; resolved: number }>) => ({
    opened: rows.reduce((n, r) => n + r.opened, 0),
    resolved: rows.reduce((n, r) => n + r.resolved, 0),
  });
  const [all] = await store.counts(RANGE, 'all');
  expect(all.opened).toBeGreaterThan(0);
  for (const by of ['team', 'path', 'week'] as const) {
    expect(sum(await store.counts(RANGE, by))).toEqual({
      opened: all.opened,
      resolved: all.resolved,
    });
  }
  const buckets = async (by: 'team' | 'path' | 'all') => {
    const totals = new Map<string, number>();
    for (const row of await store.durations(RANGE, by)) {
      const key = `${row.measure}:${row.bucket}`;
      totals.set(key, (totals.get(key) ?? 0) + row.count);
    }
    return Object.fromEntries([...totals].sort());
  };
  const everyone = await buckets('all');
  expect(await buckets('team')).toEqual(everyone);
  expect(await buckets('path')).toEqual(everyone);
}

describe('DatabaseTicketStore', () => {
  it.each(databases.eachSupportedId())(
    'upserts by source and id, ignores older updates, and rebuilds the weeks each change marks, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { tickets } = await createStores({ getClient: async () => knex });

      await expect(
        tickets.upsertTickets(
          'jira',
          [ticket('A'), ticket('B', { type: 'incident', labels: [] })],
          mergeTicket,
        ),
      ).resolves.toEqual({
        inserted: 2,
        updated: 0,
        unchanged: 0,
        stale: 0,
        weeks: ['2026-11-02'],
      });
      // Nothing counted until the marked week is rebuilt.
      expect(await tickets.counts(RANGE, 'all')).toEqual([]);
      expect(await tickets.rebuildMarked(100)).toBe(1);
      expect(await tickets.rebuildMarked(100)).toBe(0);

      const resolvedA = ticket('A', {
        status: 'resolved',
        category: 'Access',
        updatedAt: at(10),
        firstResponseAt: at(2, 10),
        resolvedAt: at(10),
      });
      const second = await tickets.upsertTickets(
        'jira',
        [resolvedA, ticket('B', { updatedAt: at(1, 0) })],
        mergeTicket,
      );
      expect(second).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 0,
        stale: 1,
        weeks: ['2026-11-02', '2026-11-09'],
      });
      for (let i = 0; i < 10; i++) {
        await expect(
          tickets.upsertTickets('jira', [resolvedA], mergeTicket),
        ).resolves.toMatchObject({ unchanged: 1, weeks: [] });
      }
      await tickets.rebuildWeeks(second.weeks);
      expect(await tickets.counts(RANGE, 'all')).toEqual([
        {
          slice: '',
          opened: 2,
          resolved: 1,
          reopenedResolved: 0,
          types: { request: 1, incident: 1, bug: 0, question: 0, other: 0 },
        },
      ]);
      expect(await tickets.facets(RANGE)).toEqual(
        expect.arrayContaining([
          { facet: 'label', value: 'access', count: 1 },
          { facet: 'category', value: 'Access', count: 1 },
        ]),
      );
      expect(
        await tickets.facets({ ...RANGE, teams: ['group:default/search'] }),
      ).toEqual([]);

      // Reopened: counted as a reopen, no longer resolved.
      const reopened = await tickets.upsertTickets(
        'jira',
        [ticket('A', { status: 'open', updatedAt: at(12) })],
        mergeTicket,
      );
      await tickets.rebuildWeeks(reopened.weeks);
      const [a] = await tickets.getTickets('jira', ['A']);
      expect(a.reopenCount).toBe(1);
      expect(a.resolvedAt).toBeUndefined();
      expect(a.firstResponseAt).toEqual(at(2, 10));
      expect((await tickets.counts(RANGE, 'all'))[0].resolved).toBe(0);
      await expectRollupsToBeARecount(tickets, ['A', 'B']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the newest version under concurrent overlapping batches, and the rebuilt rollups equal a recount, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { tickets } = await createStores({ getClient: async () => knex });
      const ids = Array.from({ length: 60 }, (_, i) => `T-${i}`);
      const batch = (version: number) =>
        ids.map((id, i) =>
          ticket(id, {
            team: `group:default/team-${i % 4}`,
            createdAt: at(2 + (i % 9)),
            status: version % 2 === 0 ? 'resolved' : 'in-progress',
            updatedAt: at(12 + version),
            ...(version % 2 === 0 ? { resolvedAt: at(12 + version) } : {}),
            firstResponseAt: at(12, version),
          }),
        );
      await Promise.all(
        [0, 1, 2, 3, 4, 5, 0, 3].map(v =>
          tickets.upsertTickets('jira', batch(v), mergeTicket),
        ),
      );
      const [first] = await tickets.getTickets('jira', ['T-0']);
      expect(first.updatedAt).toEqual(at(17));
      while ((await tickets.rebuildMarked(3)) > 0) {
        // a few weeks per call, as the rollup task does
      }
      await expectRollupsToBeARecount(tickets, ids);
      await expectTotalsToMatchTheirParts(tickets);
      // One team's figures read its own rows, not the totals.
      const [teamOne] = await tickets.counts(
        { ...RANGE, teams: ['group:default/team-1'] },
        'all',
      );
      expect(teamOne.opened).toBe(15);
    },
  );

  it.each(databases.eachSupportedId())(
    'sums duration histograms per team, per path, per week and overall, and removes old tickets, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { tickets } = await createStores({ getClient: async () => knex });
      const { weeks } = await tickets.upsertTickets('jira', [
        ticket('A', { status: 'resolved', resolvedAt: at(2, 13) }),
        ticket('B', {
          team: 'group:default/search',
          pathId: undefined,
          status: 'closed',
          resolvedAt: at(2, 11),
        }),
      ]);
      await tickets.rebuildWeeks(weeks);
      const byTeam = await tickets.durations(RANGE, 'team');
      expect(byTeam.map(r => r.slice).sort()).toEqual([
        'group:default/payments',
        'group:default/search',
      ]);
      const byPath = await tickets.durations(RANGE, 'path');
      expect(byPath.map(r => r.slice).sort()).toEqual(['', 'node-service']);
      const all = await tickets.durations(RANGE, 'all');
      expect(all).toEqual([
        {
          slice: '',
          measure: 'resolution',
          bucket: durationBucket(2 * 3600_000),
          count: 1,
        },
        {
          slice: '',
          measure: 'resolution',
          bucket: durationBucket(4 * 3600_000),
          count: 1,
        },
      ]);
      expect(await tickets.removeBefore(at(3))).toBe(2);
      expect(await tickets.counts(RANGE, 'all')).toEqual([]);
    },
  );
});
