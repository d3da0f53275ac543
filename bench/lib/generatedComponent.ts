import { Entity } from '@backstage/catalog-model';

const owners = Array.from({ length: 40 }, (_, i) => `group:default/team-${i}`);

/**
 * The i-th Component of a generated catalog: a mix of template provenance,
 * versions, docs, links, types, lifecycles, owners and systems, so that
 * every check and path sees both outcomes. Deterministic in `i`.
 */
export function generatedComponent(i: number): Entity {
  const template = ['node-service', 'python-service', undefined][i % 3];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      namespace: 'default',
      ...(i % 4 ? { description: `Service ${i}` } : {}),
      annotations: {
        ...(template
          ? {
              'backstage.io/source-template': `template:default/${template}`,
              'backstage.io/template-version': `1.${i % 12}.0`,
            }
          : {}),
        ...(i % 2 ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
      },
      ...(i % 5 ? { links: [{ url: 'https://runbook.example.com' }] } : {}),
    },
    spec: {
      type: i % 7 ? 'service' : 'website',
      lifecycle: i % 3 ? 'production' : 'experimental',
      owner: owners[i % owners.length],
      ...(i % 6 ? { system: 'payments' } : {}),
    },
  };
}
