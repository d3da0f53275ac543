import { provenanceEvidence } from './provenanceEvidence';

describe('provenanceEvidence', () => {
  it('lists every source in order, with what the entity says there', () => {
    expect(
      provenanceEvidence({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'search-indexer',
          annotations: { 'backstage.io/template-version': ' 2.0.1 ' },
        },
        spec: { scaffoldedFrom: 'template:default/python-service' },
      }),
    ).toEqual([
      {
        field: 'metadata.annotations.golden-path.io/path',
        value: undefined,
        source: 'golden-path-tag',
      },
      {
        field: 'metadata.annotations.backstage.io/source-template',
        value: undefined,
        source: 'source-template-annotation',
      },
      {
        field: 'spec.scaffoldedFrom',
        value: 'template:default/python-service',
        source: 'scaffolded-from',
      },
      {
        field: 'metadata.annotations.backstage.io/template-version',
        value: '2.0.1',
      },
    ]);
  });
});
