import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { goldenPathPlugin } from '../plugin';
import { component } from '../__testUtils__/entities';
import { sampleSettings } from '../__testUtils__/settings';

function group(name: string, children: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children },
    // The in-memory catalog does not process entities: relations by hand.
    relations: children.map(child => ({
      type: 'parentOf',
      targetRef: `group:default/${child}`,
    })),
  };
}

const onNodePath = {
  'backstage.io/source-template': 'template:default/node-service',
  'backstage.io/template-version': '1.10.0',
};

const catalog: Entity[] = [
  group('engineering', ['payments', 'search']),
  group('payments', ['payments-ledger']),
  group('payments-ledger', []),
  group('search', []),
  component('payments-api', {
    annotations: onNodePath,
    spec: { owner: 'group:default/payments' },
  }),
  component('ledger', { spec: { owner: 'group:default/payments-ledger' } }),
  component('search-api', {
    annotations: onNodePath,
    spec: { owner: 'group:default/search' },
  }),
];

async function startBackend() {
  const scheduler = mockServices.scheduler.mock();
  const { server } = await startTestBackend({
    features: [
      goldenPathPlugin,
      catalogServiceMock.factory({ entities: catalog }),
      mockServices.rootConfig.factory({
        data: { goldenPath: { paths: sampleSettings.paths } } as any,
      }),
      scheduler.factory,
    ],
  });
  const [[task]] = scheduler.scheduleTask.mock.calls;
  await task.fn(new AbortController().signal);
  return server;
}

describe('group rollup and history', () => {
  it('rolls a group up over its nested sub-groups', async () => {
    const server = await startBackend();

    const response = await request(server).get(
      '/api/golden-path/groups/default/payments',
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      groupRef: 'group:default/payments',
      groups: ['group:default/payments', 'group:default/payments-ledger'],
      adoption: { eligible: 2, onPath: 1, ratio: 0.5 },
      averageScore: 75,
      levels: { bronze: 1 },
      truncated: false,
    });
    expect(
      response.body.entities.map((e: any) => [e.entityRef, e.pathId]),
    ).toEqual([
      ['component:default/ledger', null],
      ['component:default/payments-api', 'node-service'],
    ]);

    const top = await request(server).get(
      '/api/golden-path/groups/default/engineering',
    );
    expect(top.body.groups).toHaveLength(4);
    expect(top.body.adoption).toEqual({ eligible: 3, onPath: 2, ratio: 2 / 3 });
  });

  it('answers 404 for an unknown group', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      '/api/golden-path/groups/default/nobody',
    );
    expect(response.status).toBe(404);
  });

  it('serves a daily history for a path, optionally for a group', async () => {
    const server = await startBackend();
    const today = new Date().toISOString().slice(0, 10);

    const all = await request(server).get('/api/golden-path/history');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      pathId: '*',
      groupRef: null,
      points: [
        {
          day: today,
          eligible: 3,
          onPath: 2,
          ratio: 2 / 3,
          averageScore: null,
        },
      ],
    });

    const node = await request(server).get(
      '/api/golden-path/history?path=node-service&group=group:default/search',
    );
    expect(node.body.points).toEqual([
      { day: today, eligible: 1, onPath: 1, ratio: 1, averageScore: 75 },
    ]);
  });

  it.each([
    [
      'an unknown path',
      '?path=java-service',
      "path: 'java-service' is not a configured golden path",
    ],
    [
      'an unknown group',
      '?group=group:default/nobody',
      "group: 'group:default/nobody' is not in the catalog",
    ],
    [
      'a malformed date',
      '?from=yesterday',
      'request/query/from must match format "date"',
    ],
    [
      'a reversed range',
      '?from=2026-11-24&to=2026-11-01',
      'from: must not be after to',
    ],
    ['an unknown parameter', '?owner=x', "Unknown query parameter 'owner'"],
  ])('answers 400 for %s', async (_title, query, message) => {
    const server = await startBackend();
    const response = await request(server).get(
      `/api/golden-path/history${query}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
  });
});
