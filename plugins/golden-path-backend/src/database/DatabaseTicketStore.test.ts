import { TestDatabases } from '@backstage/backend-test-utils';
import { mergeTicket } from '../ingest/tickets/mergeTicket';
import { createStores } from './createStores';
import { countTicket, ticketDeltas } from './operations/ticketContributions';
import { TicketRecord, TicketStore } from './TicketStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const at = (day: number, hour = 9) =>
  new Date(Date.UTC(2026, 10, day, hour, 0, 0));

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

/** The rollups recomputed from the stored tickets, as the store keeps them. */
async function expectRollupsMatchTickets(
  knex: Awaited<ReturnType<typeof databases.init>>,
  store: TicketStore,
) {
  const ids = (await knex('golden_path_tickets').pluck('external_id')).sort();
  const deltas = ticketDeltas();
  for (const stored of await store.getTickets('jira', ids)) {
    countTicket(deltas, stored, 1);
  }
  const expected = (rows: Array<Record<string, string | number>>) =>
    rows
      .map(row =>
        Object.values(row)
          .map(v => String(v))
          .join('|'),
      )
      .sort();
  const actual = async (table: string, columns: string[]) =>
    (await knex(table).select(columns))
      .filter(row =>
        columns.some(
          c => typeof row[c] === 'number' && c !== 'bucket' && row[c] !== 0,
        ),
      )
      .map(row => columns.map(c => String(row[c])).join('|'))
      .sort();
  expect(
    await actual('golden_path_ticket_weekly', [
      'week',
      'team',
      'path_id',
      'opened',
      'resolved',
      'reopened_resolved',
      'requests',
      'incidents',
      'bugs',
      'questions',
      'others',
    ]),
  ).toEqual(expected(deltas.weekly.changedRows()));
  expect(
    await actual('golden_path_ticket_durations', [
      'week',
      'team',
      'path_id',
      'measure',
      'bucket',
      'count',
    ]),
  ).toEqual(expected(deltas.durations.changedRows()));
}

describe('DatabaseTicketStore', () => {
  it.each(databases.eachSupportedId())(
    'upserts by source and id, ignores older updates and moves the rollups by each change, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { tickets } = await createStores({ getClient: async () => knex });

      await expect(
        tickets.upsertTickets(
          'jira',
          [ticket('A'), ticket('B', { type: 'incident', labels: [] })],
          mergeTicket,
        ),
      ).resolves.toEqual({ inserted: 2, updated: 0, unchanged: 0, stale: 0 });

      const resolvedA = ticket('A', {
        status: 'resolved',
        updatedAt: at(4),
        firstResponseAt: at(2, 10),
        resolvedAt: at(4),
      });
      await expect(
        tickets.upsertTickets(
          'jira',
          [resolvedA, ticket('B', { updatedAt: at(1, 0) })],
          mergeTicket,
        ),
      ).resolves.toEqual({ inserted: 0, updated: 1, unchanged: 0, stale: 1 });

      // Replayed ten times: nothing changes.
      for (let i = 0; i < 10; i++) {
        await expect(
          tickets.upsertTickets('jira', [resolvedA], mergeTicket),
        ).resolves.toEqual({ inserted: 0, updated: 0, unchanged: 1, stale: 0 });
      }

      // Reopened: counted as a reopen, no longer resolved.
      await tickets.upsertTickets(
        'jira',
        [ticket('A', { status: 'open', updatedAt: at(9) })],
        mergeTicket,
      );
      const [a] = await tickets.getTickets('jira', ['A']);
      expect(a.reopenCount).toBe(1);
      expect(a.resolvedAt).toBeUndefined();
      expect(a.firstResponseAt).toEqual(at(2, 10));

      const range = { fromWeek: '2026-10-26', toWeek: '2026-12-07' };
      expect(await tickets.counts(range, 'all')).toEqual([
        {
          slice: '',
          opened: 2,
          resolved: 0,
          reopenedResolved: 0,
          types: { request: 1, incident: 1, bug: 0, question: 0, other: 0 },
        },
      ]);
      // Both opened, and A resolved then reopened, in the week of 2 November.
      expect(await tickets.counts(range, 'week')).toEqual([
        expect.objectContaining({
          slice: '2026-11-02',
          opened: 2,
          resolved: 0,
        }),
      ]);
      const facets = await tickets.facets({
        fromWeek: '2026-10-26',
        toWeek: '2026-12-07',
      });
      expect(facets).toEqual([{ facet: 'label', value: 'access', count: 1 }]);
      await expectRollupsMatchTickets(knex, tickets);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the rollups exact under concurrent overlapping batches, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { tickets } = await createStores({ getClient: async () => knex });
      const batch = (version: number) =>
        Array.from({ length: 60 }, (_, i) =>
          ticket(`T-${i}`, {
            team: `group:default/team-${i % 4}`,
            status: version % 2 === 0 ? 'resolved' : 'in-progress',
            updatedAt: at(3 + version),
            ...(version % 2 === 0 ? { resolvedAt: at(3 + version) } : {}),
            firstResponseAt: at(2, 9 + version),
          }),
        );
      await Promise.all(
        [0, 1, 2, 3, 4, 5, 0, 3].map(v =>
          tickets.upsertTickets('jira', batch(v), mergeTicket),
        ),
      );
      const stored = await tickets.getTickets('jira', ['T-0']);
      expect(stored[0].updatedAt).toEqual(at(8));
      await expectRollupsMatchTickets(knex, tickets);
    },
  );

  it.each(databases.eachSupportedId())(
    'sums duration histograms per team, per path and overall, and removes old tickets, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { tickets } = await createStores({ getClient: async () => knex });
      await tickets.upsertTickets('jira', [
        ticket('A', { status: 'resolved', resolvedAt: at(2, 13) }),
        ticket('B', {
          team: 'group:default/search',
          pathId: undefined,
          status: 'closed',
          resolvedAt: at(2, 11),
        }),
      ]);
      const query = { fromWeek: '2026-10-26', toWeek: '2026-12-07' };
      const byTeam = await tickets.durations(query, 'team');
      expect(byTeam.map(r => r.slice).sort()).toEqual([
        'group:default/payments',
        'group:default/search',
      ]);
      const byPath = await tickets.durations(query, 'path');
      expect(byPath.map(r => r.slice).sort()).toEqual(['', 'node-service']);
      const all = await tickets.durations(query, 'all');
      expect(all.reduce((sum, r) => sum + r.count, 0)).toBe(2);

      expect(await tickets.removeBefore(at(3))).toBe(2);
      expect(await tickets.counts(query, 'all')).toEqual([]);
    },
  );
});
