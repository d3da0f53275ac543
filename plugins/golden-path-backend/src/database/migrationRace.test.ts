import { TestDatabases } from '@backstage/backend-test-utils';
import { applyMigrations } from './createStores';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_17', 'MYSQL_8'] });

describe('applyMigrations', () => {
  it.each(databases.eachSupportedId())(
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
