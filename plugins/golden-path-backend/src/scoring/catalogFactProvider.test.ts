import { Entity } from '@backstage/catalog-model';
import { catalogFacts } from './catalogFactProvider';

const base: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    description: 'Payments',
    annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
    links: [{ url: 'https://runbook' }],
    tags: ['java'],
  },
  spec: {
    type: 'service',
    owner: 'payments',
    lifecycle: 'production',
    system: 'payments',
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/payments' },
    { type: 'dependsOn', targetRef: 'resource:default/db' },
    { type: 'providesApi', targetRef: 'api:default/payments' },
  ],
};

describe('catalogFacts', () => {
  it('reads the facts every catalog has', () => {
    expect(catalogFacts(base)).toEqual({
      hasOwner: true,
      ownerIsGroup: true,
      hasSystem: true,
      hasDescription: true,
      hasDocs: true,
      hasSourceLocation: false,
      lifecycle: 'production',
      linkCount: 1,
      tagCount: 1,
      relationCount: 3,
      dependsOnCount: 1,
      providesApiCount: 1,
      consumesApiCount: 0,
    });
  });

  it('tells a user owner from a group owner, from relations or spec.owner', () => {
    expect(
      catalogFacts({
        ...base,
        relations: [{ type: 'ownedBy', targetRef: 'user:default/ada' }],
      }),
    ).toMatchObject({
      hasOwner: true,
      ownerIsGroup: false,
    });
    expect(catalogFacts({ ...base, relations: undefined })).toMatchObject({
      ownerIsGroup: true,
    });
    expect(
      catalogFacts({
        ...base,
        relations: undefined,
        spec: { ...base.spec, owner: undefined },
      }),
    ).toMatchObject({ hasOwner: false, ownerIsGroup: false });
  });
});
