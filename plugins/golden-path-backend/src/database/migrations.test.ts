import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const directory = resolvePackagePath(
  '@golden-path/plugin-golden-path-backend',
  'migrations',
);

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    'apply up and down cleanly on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory });
      await knex('golden_path_entity_provenance').insert({
        entity_ref: 'component:default/payments-api',
        template_ref: 'template:default/node-service',
        template_version: '1.2.0',
        golden_path_id: 'node-service',
        source: 'golden-path-tag',
        run_id: '00000000-0000-0000-0000-000000000001',
        evaluated_at: new Date('2026-11-20T10:00:00.000Z'),
      });
      await expect(
        knex('golden_path_entity_provenance').select('template_ref'),
      ).resolves.toEqual([{ template_ref: 'template:default/node-service' }]);

      await knex.migrate.rollback({ directory }, true);
      await expect(
        knex.schema.hasTable('golden_path_entity_provenance'),
      ).resolves.toBe(false);

      await knex.migrate.latest({ directory });
      await expect(
        knex.schema.hasTable('golden_path_entity_provenance'),
      ).resolves.toBe(true);
    },
  );
});
