// The golden paths the scoring benchmarks score generated Components
// against: two paths of six checks over the three levels.
import { ConfigReader } from '@backstage/config';
import {
  GoldenPathSettings,
  readGoldenPathConfig,
} from '../../plugins/golden-path-backend/src/config/readGoldenPathConfig';

const check = (id: string, level: string, predicate: any) => ({
  id,
  title: id,
  weight: 1,
  level,
  predicate,
});
export const checks = [
  check('owned-by-team', 'bronze', { 'facts.catalog.ownerIsGroup': true }),
  check('in-a-system', 'bronze', { 'facts.catalog.hasSystem': true }),
  check('has-description', 'bronze', { 'facts.catalog.hasDescription': true }),
  check('has-docs', 'silver', { 'facts.catalog.hasDocs': true }),
  check('has-links', 'silver', { 'metadata.links': { $exists: true } }),
  check('in-production', 'gold', { 'spec.lifecycle': 'production' }),
];
export const settings: GoldenPathSettings = {
  ...readGoldenPathConfig(new ConfigReader({})),
  levels: ['bronze', 'silver', 'gold'],
  historyRetentionDays: 400,
  factSources: [],
  notifyOnLevelDrop: false,
  notifyOnTemplateVersion: false,
  paths: ['node-service', 'python-service'].map(id => ({
    id,
    title: id,
    templates: [`template:default/${id}`],
    latestVersion: '1.11.0',
    appliesTo: { kind: 'component', 'spec.type': 'service' },
    checks,
  })),
};
