import { EntityResultsResponse } from '@golden-path/plugin-golden-path-common';

/** A service on a path: one failing, one exempt, one passing check. */
export const recorded: EntityResultsResponse = {
  entityRef: 'component:default/payments-api',
  status: 'recorded',
  eligible: true,
  path: {
    id: 'node-service',
    title: 'Node.js service',
    docsUrl: 'https://docs.example.com/node',
    latestVersion: '1.2.0',
  },
  suggestedPaths: [],
  provenance: {
    templateRef: 'template:default/node-service',
    templateVersion: '1.2.0',
    goldenPathId: 'node-service',
    source: 'golden-path-tag',
  },
  drift: { status: 'current' },
  score: 75,
  coverage: 1,
  level: 'bronze',
  levels: ['bronze', 'silver', 'gold'],
  checks: [
    {
      id: 'has-docs',
      title: 'Has TechDocs',
      description: 'Docs live next to the code.',
      weight: 1,
      level: 'silver',
      remediation: {
        text: 'Add backstage.io/techdocs-ref',
        url: 'https://docs.example.com/docs',
      },
      verdict: 'fail',
      inputs: { 'facts.catalog.hasDocs': false },
    },
    {
      id: 'in-a-system',
      title: 'Part of a system',
      weight: 1,
      level: 'bronze',
      verdict: 'exempt',
      exemption: {
        id: 'e1',
        reason: 'Being split out of the monolith',
        expiresAt: '2027-01-31T00:00:00.000Z',
        grantedBy: 'user:default/ada',
      },
      inputs: { 'spec.system': null },
    },
    {
      id: 'owned-by-team',
      title: 'Owned by a team',
      weight: 3,
      level: 'bronze',
      verdict: 'pass',
      inputs: { 'facts.catalog.ownerIsGroup': true },
    },
  ],
  unavailableSources: [],
  evaluatedAt: '2026-11-24T08:00:00.000Z',
};

/** A service on no path, with the paths that would apply. */
export const offPath: EntityResultsResponse = {
  ...recorded,
  path: null,
  suggestedPaths: [
    {
      id: 'node-service',
      title: 'Node.js service',
      docsUrl: 'https://docs.example.com/node',
      templates: ['template:default/node-service'],
    },
  ],
  provenance: null,
  drift: null,
  score: null,
  coverage: null,
  level: null,
  checks: [],
};
