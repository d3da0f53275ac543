import { NONE, serverDatabases } from '../__testUtils__/serverDatabases';
import { applyMigrations } from './createStores';

jest.setTimeout(60_000);

const { databases, ids } = serverDatabases();
const onEachServer = ids.length > 0 ? it.each(ids) : it.skip.each(NONE);

describe('applyMigrations', () => {
  onEachServer(
    'migrates once when several replicas start together on an empty database, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const replicas = await Promise.allSettled(
        Array.from({ length: 4 }, () => applyMigrations(knex)),
      );
      const refusals = replicas.flatMap(r =>
        r.status === 'rejected' ? [String(r.reason?.stack ?? r.reason)] : [],
      );
      expect(refusals).toEqual([]);
      const migrations = await knex('knex_migrations').count({ count: '*' });
      const files = await knex('knex_migrations').distinct('name');
      expect(Number(migrations[0].count)).toBe(files.length);
      await expect(knex.schema.hasTable('golden_path_tickets')).resolves.toBe(
        true,
      );
    },
  );
});
