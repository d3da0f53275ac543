import { Entity } from '@backstage/catalog-model';

export function component(
  name: string,
  options: {
    annotations?: Record<string, string>;
    spec?: Record<string, unknown>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations: options.annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/payments',
      ...options.spec,
    },
  };
}

/** A small catalog: two components on paths, one off, and a non-component. */
export const sampleCatalog: Entity[] = [
  component('payments-api', {
    annotations: {
      'backstage.io/source-template': 'template:default/node-service',
      'backstage.io/template-version': '1.2.0',
      'golden-path.io/path': 'node-service',
    },
  }),
  component('search-indexer', {
    spec: { scaffoldedFrom: 'template:default/python-service' },
  }),
  component('legacy-billing'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { owner: 'group:default/payments' },
  },
];
