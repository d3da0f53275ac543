import { Entity } from '@backstage/catalog-model';
import {
  TemplateEntitiesResponse,
  TemplateFiguresResponse,
  TemplateRunsResponse,
} from '@golden-path/plugin-golden-path-common';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** The Template entity whose page the components render on. */
export const templateEntity: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'node-service', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/platform' },
};

/** 44 runs over two teams and three versions, read five minutes ago. */
export const figures: TemplateFiguresResponse = {
  from: ago(90 * 86_400_000),
  to: ago(0),
  figures: {
    templateRef: 'template:default/node-service',
    runs: 44,
    finished: 42,
    succeeded: 38,
    failed: 3,
    cancelled: 1,
    successRate: 38 / 42,
    medianDurationMs: 72_000,
    p90DurationMs: 195_000,
    timeSavedSeconds: 36 * 4 * 3600,
    runsWithoutTimeSaved: 2,
    teams: [
      {
        team: 'group:default/payments',
        runs: 30,
        finished: 29,
        succeeded: 27,
        failed: 2,
        cancelled: 0,
        successRate: 27 / 29,
        medianDurationMs: 65_000,
        p90DurationMs: 120_000,
        timeSavedSeconds: 27 * 4 * 3600,
        runsWithoutTimeSaved: 0,
      },
      {
        team: 'unassigned',
        runs: 14,
        finished: 13,
        succeeded: 11,
        failed: 1,
        cancelled: 1,
        successRate: 11 / 13,
        medianDurationMs: 90_000,
        p90DurationMs: 195_000,
        timeSavedSeconds: 9 * 4 * 3600,
        runsWithoutTimeSaved: 2,
      },
    ],
    versions: [
      { version: '1.4.0', runs: 30 },
      { version: '1.3.0', runs: 12 },
      { runs: 2 },
    ],
    entitiesCreated: 20,
    entitiesInCatalog: 17,
  },
  source: { state: 'ok', readAt: ago(5 * 60_000) },
};

/** The first page of those runs: one that created a service, one failed. */
export const runs: TemplateRunsResponse = {
  items: [
    {
      taskId: 'task-1',
      templateRef: 'template:default/node-service',
      templateVersion: '1.4.0',
      timeSavedSeconds: 4 * 3600,
      runBy: 'user:default/ada',
      team: 'group:default/payments',
      status: 'completed',
      createdAt: '2026-11-23T09:00:00.000Z',
      finishedAt: '2026-11-23T09:01:12.000Z',
      durationMs: 72_000,
      entityRef: 'component:default/checkout-api',
    },
    {
      taskId: 'task-2',
      templateRef: 'template:default/node-service',
      templateVersion: '1.3.0',
      runBy: 'user:default/grace',
      team: 'unassigned',
      status: 'failed',
      createdAt: '2026-11-22T15:30:00.000Z',
      finishedAt: '2026-11-22T15:30:20.000Z',
      durationMs: 20_000,
    },
  ],
  totalItems: 44,
  source: figures.source,
};

/** One entity current, one two minor versions behind, one unversioned. */
export const entities: TemplateEntitiesResponse = {
  templateRef: 'template:default/node-service',
  latestVersion: '1.4.0',
  items: [
    {
      entityRef: 'component:default/legacy-api',
      pathId: 'node-service',
      templateVersion: '1.2.0',
      drift: { status: 'behind', by: 'minor', distance: 2 },
      behindSince: ago(3 * 86_400_000),
      score: 61.5,
      level: 'bronze',
    },
    {
      entityRef: 'component:default/mystery-api',
      pathId: 'node-service',
      drift: { status: 'unknown', reason: 'no-version' },
      score: null,
      level: null,
    },
    {
      entityRef: 'component:default/checkout-api',
      pathId: 'node-service',
      templateVersion: '1.4.0',
      drift: { status: 'current' },
      score: 90,
      level: 'gold',
    },
  ],
};
