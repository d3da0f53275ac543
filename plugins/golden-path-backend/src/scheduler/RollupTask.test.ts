import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DAY_MS } from '@golden-path/plugin-golden-path-common';
import { createStores } from '../database/createStores';
import { mergeTicket } from '../ingest/tickets/mergeTicket';
import { TicketRecord } from '../database/TicketStore';
import { RollupTask } from './RollupTask';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const SECOND = 1000;
const RANGE = { fromWeek: '2025-01-01', toWeek: '2027-01-01' };

// Ten tickets a week apart: more weeks than a write rebuilds itself.
const history = (version: number): TicketRecord[] =>
  Array.from({ length: 10 }, (_, i) => {
    const createdAt = new Date(Date.UTC(2026, 8, 1) + i * 7 * DAY_MS);
    return {
      source: 'jira',
      externalId: `H-${i}`,
      type: 'request',
      labels: [],
      components: [],
      status: 'open',
      team: 'group:default/payments',
      createdAt,
      updatedAt: new Date(createdAt.getTime() + version * SECOND),
      reopenCount: 0,
    };
  });

describe('RollupTask', () => {
  it.each(databases.eachSupportedId())(
    'rebuilds an import of history once its writes pause, or when its first mark has waited five minutes, not while it runs, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { tickets, deployments } = await createStores({
        getClient: async () => knex,
      });
      const task = new RollupTask({
        stores: [
          { name: 'ticket', store: tickets },
          { name: 'deployment', store: deployments },
        ],
        logger: mockServices.logger.mock(),
      });
      const opened = async () =>
        (await tickets.counts(RANGE, 'all'))[0]?.opened ?? 0;

      expect(await tickets.pendingMarks()).toBeUndefined();
      const first = await tickets.upsertTickets(
        'jira',
        history(1),
        mergeTicket,
      );
      expect(first.weeks).toHaveLength(10);
      const { firstMarkedAt } = (await tickets.pendingMarks())!;
      // Marked again by the next batch: the first mark's time stays.
      await tickets.upsertTickets('jira', history(2), mergeTicket);
      const pending = (await tickets.pendingMarks())!;
      expect(pending.firstMarkedAt).toEqual(firstMarkedAt);
      expect(pending.lastMarkedAt.getTime()).toBeGreaterThanOrEqual(
        firstMarkedAt.getTime(),
      );

      // Writes arrived a second ago: nothing rebuilt yet.
      await task.run(new Date(pending.lastMarkedAt.getTime() + SECOND));
      expect(await opened()).toBe(0);
      expect(await tickets.pendingMarks()).toBeDefined();

      // Still writing, but the first mark has waited five minutes.
      await knex('golden_path_rollup_marks').update({
        first_marked_at: new Date(
          pending.lastMarkedAt.getTime() - 300 * SECOND,
        ),
      });
      await task.run(new Date(pending.lastMarkedAt.getTime() + SECOND));
      expect(await opened()).toBe(10);
      expect(await tickets.pendingMarks()).toBeUndefined();

      // Paused for ten seconds: rebuilt.
      await tickets.upsertTickets(
        'jira',
        history(3).map(t => ({
          ...t,
          type: 'incident',
        })),
        mergeTicket,
      );
      const again = (await tickets.pendingMarks())!;
      await task.run(new Date(again.lastMarkedAt.getTime() + 5 * SECOND));
      expect((await tickets.counts(RANGE, 'all'))[0].types.incident).toBe(0);
      await task.run(new Date(again.lastMarkedAt.getTime() + 11 * SECOND));
      expect((await tickets.counts(RANGE, 'all'))[0].types.incident).toBe(10);
      expect(await tickets.pendingMarks()).toBeUndefined();
    },
  );
});
