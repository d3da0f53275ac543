import { Knex } from 'knex';
import { NONE, serverDatabases } from '../../__testUtils__/serverDatabases';
import { createStores } from '../createStores';
import { clearMarks, markedWeeks, markWeeks } from './rollupMarks';

jest.setTimeout(60_000);

const { databases, ids } = serverDatabases();
const onEachServer = ids.length > 0 ? it.each(ids) : it.skip.each(NONE);

const EARLY = '2026-11-02';
const LATE = '2026-11-09';
const before = new Date('2026-11-20T00:00:00Z');
const after = new Date('2026-11-21T00:00:00Z');
// Long enough for the second transaction to reach the row it waits on.
const waitForLock = () => new Promise(resolve => setTimeout(resolve, 500));

async function markedBoth(knex: Knex) {
  await createStores({ getClient: async () => knex });
  await markWeeks(knex, 'tickets', [EARLY, LATE], before);
}

// A write marking weeks and a rebuild clearing them lock the same rows:
// taken in different orders they deadlock, and one of them fails.
describe('rollup marks under concurrent writes and rebuilds', () => {
  onEachServer(
    'a write listing weeks out of order waits for a rebuild instead of deadlocking with it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await markedBoth(knex);
      const rebuild = await knex.transaction();
      await clearMarks(rebuild, 'tickets', [{ week: EARLY, markedAt: before }]);
      const write = knex.transaction(tx =>
        markWeeks(tx, 'tickets', [LATE, EARLY], after),
      );
      await waitForLock();
      await clearMarks(rebuild, 'tickets', [{ week: LATE, markedAt: before }]);
      await rebuild.commit();
      await write;
      expect(await markedWeeks(knex, 'tickets', 10)).toEqual([
        { week: EARLY, markedAt: after },
        { week: LATE, markedAt: after },
      ]);
    },
  );

  onEachServer(
    'a rebuild given marks out of order waits for a write instead of deadlocking with it, and keeps the marks made again, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await markedBoth(knex);
      const write = await knex.transaction();
      await markWeeks(write, 'tickets', [EARLY], after);
      const rebuild = knex.transaction(tx =>
        clearMarks(tx, 'tickets', [
          { week: LATE, markedAt: before },
          { week: EARLY, markedAt: before },
        ]),
      );
      await waitForLock();
      await markWeeks(write, 'tickets', [LATE], after);
      await write.commit();
      await rebuild;
      expect(await markedWeeks(knex, 'tickets', 10)).toEqual([
        { week: EARLY, markedAt: after },
        { week: LATE, markedAt: after },
      ]);
    },
  );
});
