import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scaffolderServiceRef } from '@backstage/plugin-scaffolder-node';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import request from 'supertest';
import { goldenPathPlugin } from '../plugin';
import { component } from '../__testUtils__/entities';
import { FakeScaffolder } from '../__testUtils__/FakeScaffolder';
import { sampleSettings } from '../__testUtils__/settings';
import { TemplateRunTask } from '../scheduler/TemplateRunTask';
import { ScoringTask } from '../scheduler/ScoringTask';

const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'node-service',
    namespace: 'default',
    annotations: { 'backstage.io/template-version': '1.10.0' },
  },
  spec: { owner: 'platform', type: 'service', steps: [] },
};

const user = (name: string, team: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [team] },
});

const catalog: Entity[] = [
  template,
  user('jane', 'payments'),
  user('omar', 'search'),
  component('checkout-api', {
    annotations: {
      'backstage.io/source-template': 'template:default/node-service',
      'backstage.io/template-version': '1.8.0',
    },
  }),
  component('ledger', {
    annotations: {
      'backstage.io/source-template': 'template:default/node-service',
      'backstage.io/template-version': '1.10.0',
    },
  }),
];

const now = Date.now();
const minutesAgo = (m: number) => new Date(now - m * 60_000);

async function startBackend(options: {
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  scaffolder?: FakeScaffolder;
  ownershipEntityRefs?: string[];
}) {
  const scheduler = mockServices.scheduler.mock();
  const scaffolder = options.scaffolder ?? new FakeScaffolder();
  const { server } = await startTestBackend({
    features: [
      goldenPathPlugin,
      catalogServiceMock.factory({ entities: catalog }),
      mockServices.rootConfig.factory({
        data: { goldenPath: { paths: sampleSettings.paths } } as any,
      }),
      mockServices.permissions.factory({ result: options.permission }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => ({
          userEntityRef: (credentials.principal as any).userEntityRef,
          ownershipEntityRefs: options.ownershipEntityRefs ?? [
            (credentials.principal as any).userEntityRef,
          ],
        }),
      }).factory,
      createServiceFactory({
        service: scaffolderServiceRef,
        deps: {},
        factory: () => scaffolder as any,
      }),
      scheduler.factory,
    ],
  });
  const task = (id: string) =>
    scheduler.scheduleTask.mock.calls.find(([t]) => t.id === id)![0];
  await task(ScoringTask.id).fn(new AbortController().signal);
  await task(TemplateRunTask.id).fn(new AbortController().signal);
  return server;
}

function sampleScaffolder() {
  const scaffolder = new FakeScaffolder();
  scaffolder.add({
    id: 'a',
    user: 'user:default/jane',
    version: '1.10.0',
    timeSaved: 'PT4H',
    createdAt: minutesAgo(30),
    durationMs: 60_000,
    output: { entityRef: 'component:default/ledger' },
  });
  scaffolder.add({
    id: 'b',
    user: 'user:default/jane',
    version: '1.8.0',
    timeSaved: 'PT4H',
    createdAt: minutesAgo(60 * 24 * 10),
    durationMs: 180_000,
    output: { entityRef: 'component:default/deleted-since' },
  });
  scaffolder.add({
    id: 'c',
    user: 'user:default/omar',
    status: 'failed',
    createdAt: minutesAgo(20),
  });
  return scaffolder;
}

describe('template runs API', () => {
  it('serves a template’s figures, per team and version, over a range', async () => {
    const server = await startBackend({
      permission: AuthorizeResult.ALLOW,
      scaffolder: sampleScaffolder(),
    });

    const response = await request(server)
      .get('/api/golden-path/templates/default/node-service/figures')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(response.body.source).toMatchObject({ state: 'ok' });
    expect(response.body.figures).toMatchObject({
      templateRef: 'template:default/node-service',
      runs: 3,
      finished: 3,
      succeeded: 2,
      failed: 1,
      successRate: 2 / 3,
      medianDurationMs: 120_000,
      timeSavedSeconds: 8 * 3600,
      entitiesCreated: 2,
      entitiesInCatalog: 1,
      versions: [
        { runs: 1, version: '1.10.0' },
        { runs: 1, version: '1.8.0' },
        { runs: 1 },
      ],
    });
    expect(
      response.body.figures.teams.map((t: any) => [t.team, t.runs]),
    ).toEqual([
      ['group:default/payments', 2],
      ['group:default/search', 1],
    ]);

    const lastWeek = await request(server)
      .get('/api/golden-path/templates/default/node-service/figures')
      .query({ from: minutesAgo(60 * 24 * 7).toISOString() })
      .set('Authorization', mockCredentials.user.header());
    expect(lastWeek.body.figures.runs).toBe(2);
  });

  it('lists runs newest first, filtered by user, status and time', async () => {
    const server = await startBackend({
      permission: AuthorizeResult.ALLOW,
      scaffolder: sampleScaffolder(),
    });
    const get = (query: object) =>
      request(server)
        .get('/api/golden-path/templates/default/node-service/runs')
        .query(query)
        .set('Authorization', mockCredentials.user.header());

    const all = await get({});
    expect(all.body.items.map((r: any) => r.taskId)).toEqual(['c', 'a', 'b']);
    expect(all.body.totalItems).toBe(3);

    const janes = await get({ user: 'user:default/jane', limit: 1 });
    expect(janes.body.items.map((r: any) => r.taskId)).toEqual(['a']);
    expect(janes.body.totalItems).toBe(2);

    const failed = await get({ status: 'failed' });
    expect(failed.body.items.map((r: any) => r.taskId)).toEqual(['c']);

    const bad = await get({ status: 'exploded' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status/);

    const badUser = await get({ user: 'not a ref:' });
    expect(badUser.status).toBe(400);
    expect(badUser.body.error.message).toContain('is not an entity ref');
  });

  it('lists the entities a template created, most drifted first', async () => {
    const server = await startBackend({ permission: AuthorizeResult.ALLOW });

    const response = await request(server)
      .get('/api/golden-path/templates/default/node-service/entities')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(response.body.latestVersion).toBe('1.10.0');
    expect(response.body.items.map((e: any) => [e.entityRef, e.drift])).toEqual(
      [
        [
          'component:default/checkout-api',
          { status: 'behind', by: 'minor', distance: 2 },
        ],
        ['component:default/ledger', { status: 'current' }],
      ],
    );
  });

  it('shows a template’s runs to its owners and to permission holders only', async () => {
    const owner = await startBackend({
      permission: AuthorizeResult.DENY,
      ownershipEntityRefs: ['user:default/jane', 'group:default/platform'],
    });
    const asOwner = await request(owner)
      .get('/api/golden-path/templates/default/node-service/runs')
      .set('Authorization', mockCredentials.user.header('user:default/jane'));
    expect(asOwner.status).toBe(200);

    const stranger = await startBackend({ permission: AuthorizeResult.DENY });
    const denied = await request(stranger)
      .get('/api/golden-path/templates/default/node-service/figures')
      .set('Authorization', mockCredentials.user.header('user:default/omar'));
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'The runs of template:default/node-service are visible to its owners and to holders of the golden-path.template-runs.read permission',
    );

    const all = await request(stranger)
      .get('/api/golden-path/templates')
      .set('Authorization', mockCredentials.user.header('user:default/omar'));
    expect(all.status).toBe(403);

    const anonymous = await request(stranger)
      .get('/api/golden-path/templates/default/node-service/runs')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });

  it('says there is no data when the scaffolder cannot be read', async () => {
    const scaffolder = new FakeScaffolder();
    scaffolder.failWith = new Error('Request failed with 404 Not Found');
    const server = await startBackend({
      permission: AuthorizeResult.ALLOW,
      scaffolder,
    });

    const response = await request(server)
      .get('/api/golden-path/templates')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      templates: [],
      source: {
        state: 'unavailable',
        message: 'Request failed with 404 Not Found',
      },
    });
  });
});
