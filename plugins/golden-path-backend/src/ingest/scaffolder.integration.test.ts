import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import goldenPathScaffolderModule from '@golden-path/plugin-scaffolder-backend-module-golden-path';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import request from 'supertest';
import { goldenPathPlugin } from '../plugin';
import { sampleSettings } from '../__testUtils__/settings';
import { TemplateRunTask } from '../scheduler/TemplateRunTask';

jest.setTimeout(60_000);

// A golden-path template as a template author writes it: build the entity
// with catalog:write, then the one step that tags its adoption.
const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'node-service',
    namespace: 'default',
    annotations: {
      'backstage.io/template-version': '1.10.0',
      'backstage.io/time-saved': 'PT2H',
    },
  },
  spec: {
    owner: 'group:default/platform',
    type: 'service',
    parameters: [
      {
        required: ['name'],
        properties: { name: { type: 'string' }, apiKey: { type: 'string' } },
      },
    ],
    steps: [
      {
        id: 'write',
        action: 'catalog:write',
        input: {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: '${{ parameters.name }}' },
            spec: {
              type: 'service',
              lifecycle: 'experimental',
              owner: 'group:default/payments',
            },
          },
        },
      },
      { id: 'tag', action: 'golden-path:tag' },
    ],
    output: { entityRef: '${{ steps.tag.output.entityRef }}' },
  },
};

const jane: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jane', namespace: 'default' },
  spec: { memberOf: ['payments'] },
};

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('a template run through the real scaffolder', () => {
  it('is recorded from the scaffolder’s task event, once, with what it created', async () => {
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        goldenPathScaffolderModule,
        goldenPathPlugin,
        catalogServiceMock.factory({ entities: [template, jane] }),
        mockServices.rootConfig.factory({
          data: { goldenPath: { paths: sampleSettings.paths } } as any,
        }),
        scheduler.factory,
        // The events service a real backend has, in place of the test mock
        // that delivers nothing.
        eventsServiceFactory,
      ],
    });
    const asJane = mockCredentials.user.header('user:default/jane');

    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', asJane)
      .send({
        templateRef: 'template:default/node-service',
        values: { name: 'checkout-api', apiKey: 'hunter2' },
      });
    expect(created.status).toBe(201);
    const taskId: string = created.body.id;

    const task = await eventually(async () => {
      const res = await request(server)
        .get(`/api/scaffolder/v2/tasks/${taskId}`)
        .set('Authorization', asJane);
      return ['completed', 'failed'].includes(res.body.status)
        ? res.body
        : undefined;
    }, 'the scaffolder to finish the task');
    expect(task.status).toBe('completed');

    // No scheduled pass has run: the task event alone records the run.
    const readRuns = () =>
      request(server)
        .get('/api/golden-path/templates/default/node-service/runs')
        .set('Authorization', asJane);
    const run = await eventually(async () => {
      const res = await readRuns();
      return res.body.items?.[0]?.entityRef ? res.body.items[0] : undefined;
    }, 'the run to be recorded from its event');
    expect(run).toMatchObject({
      taskId,
      templateRef: 'template:default/node-service',
      templateVersion: '1.10.0',
      timeSavedSeconds: 7200,
      runBy: 'user:default/jane',
      team: 'group:default/payments',
      status: 'completed',
      entityRef: 'component:default/checkout-api',
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);

    // The scheduled pass finds the same task and stores nothing twice.
    const pass = scheduler.scheduleTask.mock.calls.find(
      ([t]) => t.id === TemplateRunTask.id,
    )![0];
    await pass.fn(new AbortController().signal);
    const after = await readRuns();
    expect(after.body.totalItems).toBe(1);
    expect(after.body.source.state).toBe('ok');
    expect(JSON.stringify(after.body)).not.toContain('hunter2');

    const figures = await request(server)
      .get('/api/golden-path/templates/default/node-service/figures')
      .set('Authorization', asJane);
    expect(figures.body.figures).toMatchObject({
      runs: 1,
      succeeded: 1,
      successRate: 1,
      timeSavedSeconds: 7200,
      entitiesCreated: 1,
    });
  });
});
