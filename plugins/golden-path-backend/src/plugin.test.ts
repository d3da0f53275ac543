import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { goldenPathProvenanceExtensionPoint } from '@golden-path/plugin-golden-path-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { goldenPathPlugin } from './plugin';
import { sampleCatalog } from './__testUtils__/entities';
import { sampleSettings } from './__testUtils__/settings';

const goldenPathConfig = {
  levels: sampleSettings.levels,
  history: { retentionDays: sampleSettings.historyRetentionDays },
  paths: sampleSettings.paths,
};

async function startBackend(
  extraFeatures: any[] = [],
  goldenPath: unknown = goldenPathConfig,
) {
  const scheduler = mockServices.scheduler.mock();
  const { server } = await startTestBackend({
    features: [
      goldenPathPlugin,
      catalogServiceMock.factory({ entities: sampleCatalog }),
      mockServices.rootConfig.factory({ data: { goldenPath } as any }),
      scheduler.factory,
      ...extraFeatures,
    ],
  });
  const runPass = async () => {
    const [[task]] = scheduler.scheduleTask.mock.calls;
    await task.fn(new AbortController().signal);
  };
  return { server, scheduler, runPass };
}

describe('golden-path backend plugin', () => {
  it('schedules the catalog pass globally, once across replicas', async () => {
    const { scheduler } = await startBackend();
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'golden-path-scoring',
        scope: 'global',
        frequency: { minutes: 30 },
      }),
    );
  });

  it('serves what the scoring run recorded', async () => {
    const { server, runPass } = await startBackend();

    const before = await request(server).get(
      '/api/golden-path/entities/component/default/payments-api',
    );
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      status: 'pending',
      provenance: null,
      score: null,
      checks: [],
      evaluatedAt: null,
    });

    await runPass();

    const after = await request(server).get(
      '/api/golden-path/entities/Component/default/payments-api',
    );
    expect(after.status).toBe(200);
    expect(after.body).toEqual({
      entityRef: 'component:default/payments-api',
      status: 'recorded',
      eligible: true,
      path: {
        id: 'node-service',
        title: 'Node.js service',
        docsUrl: 'https://docs.example.com/node',
        latestVersion: '1.10.0',
      },
      suggestedPaths: [],
      provenance: {
        templateRef: 'template:default/node-service',
        templateVersion: '1.2.0',
        goldenPathId: 'node-service',
        source: 'golden-path-tag',
      },
      drift: { status: 'behind', by: 'minor', distance: 8 },
      score: 75,
      coverage: 0.8,
      level: 'bronze',
      levels: ['bronze', 'silver', 'gold'],
      // Failing first, then unknown, then passing; definitions from config.
      checks: [
        {
          id: 'has-docs',
          title: 'Has TechDocs',
          weight: 1,
          level: 'silver',
          remediation: {
            text: 'Add backstage.io/techdocs-ref',
            url: 'https://docs.example.com/docs',
          },
          verdict: 'fail',
          // What the check read, so the developer sees why it failed.
          inputs: { 'facts.catalog.hasDocs': false },
        },
        {
          id: 'coverage',
          title: 'Test coverage reported',
          weight: 1,
          level: 'gold',
          verdict: 'unknown',
          inputs: { 'facts.sonarqube.coverage': null },
        },
        {
          id: 'owned-by-team',
          title: 'Owned by a team',
          weight: 3,
          level: 'bronze',
          remediation: { text: 'Set spec.owner to a group' },
          verdict: 'pass',
          inputs: { 'facts.catalog.ownerIsGroup': true },
        },
      ],
      unavailableSources: ['sonarqube'],
      evaluatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const offPath = await request(server).get(
      '/api/golden-path/entities/component/default/legacy-billing',
    );
    expect(offPath.body).toMatchObject({
      status: 'recorded',
      provenance: null,
      path: null,
      // A service: both service paths apply, with their templates.
      suggestedPaths: [
        {
          id: 'node-service',
          title: 'Node.js service',
          docsUrl: 'https://docs.example.com/node',
          templates: ['template:default/node-service'],
        },
        {
          id: 'python-service',
          title: 'Python service',
          templates: ['template:default/python-service'],
        },
      ],
    });
  });

  it("serves an entity's score history, a point per change", async () => {
    const { server, runPass } = await startBackend();
    const path = '/api/golden-path/entities/component/default/payments-api';
    await runPass();
    // Nothing changed: the second run adds no point.
    await runPass();

    const response = await request(server).get(`${path}/history`);
    expect(response.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(response.body).toEqual({
      entityRef: 'component:default/payments-api',
      from: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      to: today,
      points: [
        {
          day: today,
          pathId: 'node-service',
          score: 75,
          coverage: 0.8,
          level: 'bronze',
          evaluatedAt: expect.stringMatching(new RegExp(`^${today}T`)),
        },
      ],
    });

    const bad = await request(server).get(`${path}/history?from=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('from');
    const reversed = await request(server).get(
      `${path}/history?from=2026-11-02&to=2026-11-01`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toBe(
      'Invalid query: from: must not be after to',
    );
    const missing = await request(server).get(
      '/api/golden-path/entities/component/default/no-such-service/history',
    );
    expect(missing.status).toBe(404);
  });

  it('hides the results of an entity the caller may not read in the catalog', async () => {
    const authorizeConditional = jest.fn(async (requests: unknown[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const { server, runPass } = await startBackend([
      mockServices.permissions.mock({ authorizeConditional } as any).factory,
    ]);
    await runPass();
    const response = await request(server).get(
      '/api/golden-path/entities/component/default/payments-api',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      "No entity 'component:default/payments-api' in the catalog",
    );
    expect(authorizeConditional).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
        },
      ],
      expect.anything(),
    );
  });

  it('answers not-eligible for kinds it does not evaluate', async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/golden-path/entities/system/default/payments',
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('not-eligible');
  });

  it('rejects requests without credentials with 401', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .get('/api/golden-path/entities/component/default/payments-api')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('accepts service credentials', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .get('/api/golden-path/entities/component/default/payments-api')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
  });

  it('answers 404 naming an entity the catalog does not have', async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/golden-path/entities/component/default/no-such-service',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      "No entity 'component:default/no-such-service' in the catalog",
    );
  });

  it.each([
    [
      'kind',
      '/api/golden-path/entities/com%20ponent/default/payments-api',
      "invalid kind 'com ponent'",
    ],
    [
      'namespace',
      '/api/golden-path/entities/component/default!/payments-api',
      "invalid namespace 'default!'",
    ],
    [
      'name',
      `/api/golden-path/entities/component/default/${'x'.repeat(64)}`,
      'invalid name',
    ],
  ])('answers 400 for a malformed %s', async (_part, path, message) => {
    const { server } = await startBackend();
    const response = await request(server).get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
  });

  it('consults provenance resolvers that modules add through the extension point', async () => {
    const registryModule = createBackendModule({
      pluginId: 'golden-path',
      moduleId: 'test-registry',
      register(env) {
        env.registerInit({
          deps: { provenance: goldenPathProvenanceExtensionPoint },
          async init({ provenance }) {
            provenance.addProvenanceResolver({
              id: 'registry',
              resolve: async entity =>
                entity.metadata.name === 'legacy-billing'
                  ? {
                      templateRef: 'template:default/python-service',
                      source: 'registry',
                    }
                  : undefined,
            });
          },
        });
      },
    });
    const { server, runPass } = await startBackend([registryModule]);
    await runPass();

    const response = await request(server).get(
      '/api/golden-path/entities/component/default/legacy-billing',
    );
    expect(response.body.provenance).toEqual({
      templateRef: 'template:default/python-service',
      source: 'registry',
    });
    expect(response.body.path.id).toBe('python-service');
  });
});
