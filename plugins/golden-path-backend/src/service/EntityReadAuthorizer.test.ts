import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EntityReadAuthorizer } from './EntityReadAuthorizer';

const ref = 'component:default/payments-api';

function permissionsAnswering(
  conditional: AuthorizeResult,
  definitive: AuthorizeResult = AuthorizeResult.ALLOW,
) {
  return mockServices.permissions.mock({
    authorizeConditional: jest.fn(async () => [
      conditional === AuthorizeResult.CONDITIONAL
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: { rule: 'IS_ENTITY_OWNER', params: {} },
          }
        : { result: conditional },
    ]) as any,
    authorize: jest.fn(async () => [{ result: definitive }]) as any,
  });
}

describe('EntityReadAuthorizer', () => {
  it('asks the policy once per principal while its decision is fresh', async () => {
    const permissions = permissionsAnswering(AuthorizeResult.ALLOW);
    const authorizer = new EntityReadAuthorizer(permissions);
    const user = mockCredentials.user('user:default/ada');

    await expect(authorizer.canRead(ref, user)).resolves.toBe(true);
    await expect(authorizer.canRead(ref, user)).resolves.toBe(true);
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).not.toHaveBeenCalled();

    // Another principal gets its own decision.
    await authorizer.canRead(ref, mockCredentials.user('user:default/bob'));
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
  });

  it('refuses on an unconditional deny', async () => {
    const authorizer = new EntityReadAuthorizer(
      permissionsAnswering(AuthorizeResult.DENY),
    );
    await expect(authorizer.canRead(ref, mockCredentials.user())).resolves.toBe(
      false,
    );
  });

  it('resolves a conditional decision for the entity, every time', async () => {
    const permissions = permissionsAnswering(
      AuthorizeResult.CONDITIONAL,
      AuthorizeResult.DENY,
    );
    const authorizer = new EntityReadAuthorizer(permissions);
    const user = mockCredentials.user();

    await expect(authorizer.canRead(ref, user)).resolves.toBe(false);
    await expect(authorizer.canRead(ref, user)).resolves.toBe(false);
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
          resourceRef: ref,
        },
      ],
      { credentials: user },
    );
  });

  it('asks again once the decision is stale', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T08:00:00Z') });
    try {
      const permissions = permissionsAnswering(AuthorizeResult.ALLOW);
      const authorizer = new EntityReadAuthorizer(permissions);
      const user = mockCredentials.user();
      await authorizer.canRead(ref, user);
      jest.setSystemTime(new Date('2026-11-24T08:00:11Z'));
      await authorizer.canRead(ref, user);
      expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
