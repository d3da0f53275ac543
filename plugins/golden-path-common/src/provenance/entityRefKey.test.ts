import { entityRefKey, templateRefKey } from './entityRefKey';

describe('entityRefKey', () => {
  it('lower-cases refs from strings, compound refs and entities', () => {
    expect(entityRefKey('Component:Default/Payments-API')).toBe(
      'component:default/payments-api',
    );
    expect(
      entityRefKey({ kind: 'Group', namespace: 'default', name: 'Payments' }),
    ).toBe('group:default/payments');
    expect(
      entityRefKey({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'A', namespace: 'Team' },
      }),
    ).toBe('component:team/a');
  });

  it('applies defaults and throws for a malformed ref', () => {
    expect(entityRefKey('payments', { defaultKind: 'group' })).toBe(
      'group:default/payments',
    );
    expect(() => entityRefKey('component:')).toThrow();
  });
});

describe('templateRefKey', () => {
  it('defaults kind and namespace', () => {
    expect(templateRefKey('Node-Service')).toBe(
      'template:default/node-service',
    );
    expect(templateRefKey('template:platform/x')).toBe('template:platform/x');
  });
});
