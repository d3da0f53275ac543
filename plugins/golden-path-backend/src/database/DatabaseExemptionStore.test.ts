import { TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@golden-path/plugin-golden-path-common';
import { createStores } from './createStores';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

function exemption(id: string, overrides: Partial<Exemption> = {}): Exemption {
  return {
    id,
    entityRef: 'component:default/payments-api',
    checkId: 'has-docs',
    reason: 'Docs live in the wiki until Q1',
    expiresAt: '2026-12-31T00:00:00.000Z',
    grantedBy: 'user:default/ada',
    grantedAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}

describe('DatabaseExemptionStore', () => {
  it.each(databases.eachSupportedId())(
    'creates, lists, finds active and deletes exemptions on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { exemptions } = await createStores({
        getClient: async () => knex,
      });

      await exemptions.create(exemption('e1'));
      await exemptions.create(
        exemption('e2', {
          checkId: 'in-a-system',
          expiresAt: '2026-11-01T00:00:00.000Z',
        }),
      );
      await exemptions.create(
        exemption('e3', { entityRef: 'component:default/checkout-web' }),
      );

      await expect(
        exemptions.list('Component:default/payments-api'),
      ).resolves.toEqual([
        exemption('e1'),
        exemption('e2', {
          checkId: 'in-a-system',
          expiresAt: '2026-11-01T00:00:00.000Z',
        }),
      ]);
      await expect(exemptions.list()).resolves.toHaveLength(3);

      const active = await exemptions.listActive(
        ['component:default/payments-api', 'component:default/other'],
        new Date('2026-11-24T12:00:00.000Z'),
      );
      expect(active.map(e => e.id)).toEqual(['e1']);

      await expect(exemptions.delete('e1')).resolves.toEqual(exemption('e1'));
      await expect(exemptions.delete('e1')).resolves.toBeUndefined();
      await expect(
        exemptions.list('component:default/payments-api'),
      ).resolves.toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a second exemption for the same entity and check on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { exemptions } = await createStores({
        getClient: async () => knex,
      });
      await exemptions.create(exemption('e1'));

      await expect(exemptions.create(exemption('e2'))).rejects.toMatchObject({
        name: 'ConflictError',
        message:
          "'component:default/payments-api' already has an exemption for check 'has-docs'; revoke it first",
      });
      await expect(exemptions.list()).resolves.toEqual([exemption('e1')]);
    },
  );
});
