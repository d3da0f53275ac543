import { Entity } from '@backstage/catalog-model';
import { readProvenance } from './readProvenance';

function component(
  annotations: Record<string, string> = {},
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', annotations },
    spec: {
      type: 'service',
      owner: 'team-a',
      lifecycle: 'production',
      ...spec,
    },
  };
}

describe('readProvenance', () => {
  it('returns undefined for an entity no source links to a template', () => {
    expect(readProvenance(component())).toBeUndefined();
  });

  it('reads the annotation written by catalog:write', () => {
    expect(
      readProvenance(
        component({
          'backstage.io/source-template': 'template:default/node-service',
          'backstage.io/template-version': '1.4.0',
        }),
      ),
    ).toEqual({
      templateRef: 'template:default/node-service',
      templateVersion: '1.4.0',
      source: 'source-template-annotation',
    });
  });

  it('reads spec.scaffoldedFrom and fills in the default kind and namespace', () => {
    expect(
      readProvenance(component({}, { scaffoldedFrom: 'python-service' })),
    ).toEqual({
      templateRef: 'template:default/python-service',
      source: 'scaffolded-from',
    });
  });

  it('prefers the annotation over spec.scaffoldedFrom when both are present', () => {
    expect(
      readProvenance(
        component(
          { 'backstage.io/source-template': 'template:platform/node-service' },
          { scaffoldedFrom: 'template:default/legacy' },
        ),
      )?.templateRef,
    ).toBe('template:platform/node-service');
  });

  it('marks entities tagged by golden-path:tag with their path id', () => {
    expect(
      readProvenance(
        component({
          'backstage.io/source-template': 'template:default/node-service',
          'golden-path.io/path': 'node-service',
        }),
      ),
    ).toEqual({
      templateRef: 'template:default/node-service',
      goldenPathId: 'node-service',
      source: 'golden-path-tag',
    });
  });

  it('normalises the case of the template ref', () => {
    expect(
      readProvenance(
        component({
          'backstage.io/source-template': 'Template:Default/Node-Service',
        }),
      )?.templateRef,
    ).toBe('template:default/node-service');
  });

  it('ignores a malformed ref and falls back to the next source', () => {
    expect(
      readProvenance(
        component(
          { 'backstage.io/source-template': 'template:default/' },
          { scaffoldedFrom: 'template:default/static-site' },
        ),
      ),
    ).toEqual({
      templateRef: 'template:default/static-site',
      source: 'scaffolded-from',
    });
  });

  it('ignores a path tag that names no template', () => {
    expect(
      readProvenance(component({ 'golden-path.io/path': 'node-service' })),
    ).toBeUndefined();
  });
});
