import { ConfigReader } from '@backstage/config';
import {
  GoldenPathSettings,
  readGoldenPathConfig,
} from '../config/readGoldenPathConfig';

/** Two paths over the sample catalog: node services and python services. */
export const sampleSettings: GoldenPathSettings = {
  ...readGoldenPathConfig(new ConfigReader({})),
  levels: ['bronze', 'silver', 'gold'],
  historyRetentionDays: 30,
  notifyOnLevelDrop: false,
  notifyOnTemplateVersion: false,
  factSources: [
    {
      id: 'ci',
      maxAgeDays: 30,
      fields: {
        coverage: { type: 'number', min: 0, max: 100 },
        scanPassed: { type: 'boolean' },
        tier: { type: 'string', values: ['critical', 'standard'] },
      },
    },
  ],
  paths: [
    {
      id: 'node-service',
      title: 'Node.js service',
      docsUrl: 'https://docs.example.com/node',
      templates: ['template:default/node-service'],
      latestVersion: '1.10.0',
      appliesTo: { kind: 'component', 'spec.type': 'service' },
      checks: [
        {
          id: 'owned-by-team',
          title: 'Owned by a team',
          weight: 3,
          level: 'bronze',
          remediation: { text: 'Set spec.owner to a group' },
          predicate: { 'facts.catalog.ownerIsGroup': true },
        },
        {
          id: 'has-docs',
          title: 'Has TechDocs',
          weight: 1,
          level: 'silver',
          remediation: {
            text: 'Add backstage.io/techdocs-ref',
            url: 'https://docs.example.com/docs',
          },
          predicate: { 'facts.catalog.hasDocs': true },
        },
        {
          id: 'coverage',
          title: 'Test coverage reported',
          weight: 1,
          level: 'gold',
          predicate: { 'facts.sonarqube.coverage': { $exists: true } },
        },
      ],
    },
    {
      id: 'python-service',
      title: 'Python service',
      templates: ['template:default/python-service'],
      latestVersion: '2.0.0',
      appliesTo: { kind: 'component', 'spec.type': 'service' },
      checks: [
        {
          id: 'production',
          title: 'In production',
          weight: 1,
          predicate: { 'spec.lifecycle': 'production' },
        },
      ],
    },
  ],
};
