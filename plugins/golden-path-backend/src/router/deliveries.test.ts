import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  group,
  startGoldenPathBackend,
  user,
} from '../__testUtils__/startGoldenPathBackend';
import { component, sampleCatalog } from '../__testUtils__/entities';
import { ScoringTask } from '../scheduler/ScoringTask';

jest.setTimeout(60_000);

const entities = [
  ...sampleCatalog,
  group('payments'),
  user('jane', ['payments']),
  component('checkout-web', {
    annotations: {
      'golden-path.io/production-environments': 'prod-eu, prod-us',
    },
  }),
  component('billing', {
    annotations: {
      'github.com/project-slug': 'Acme/billing-service',
      'golden-path.io/production-environments': 'live',
    },
  }),
];

const service = mockCredentials.service.header();
const jane = mockCredentials.user.header('user:default/jane');
const now = Date.now();
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();

const deployment = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  service: 'payments-api',
  environment: 'production',
  deployedAt: minutesAgo(60),
  commitTimes: [minutesAgo(100), minutesAgo(90)],
  ...overrides,
});

async function backend() {
  const started = await startGoldenPathBackend({
    entities,
    allow: permission =>
      permission !== 'golden-path.deployments.write' &&
      permission !== 'golden-path.usage.import',
  });
  await started.runTask(ScoringTask.id);
  return started;
}

const metrics = async (server: any) =>
  (
    await request(server)
      .get('/api/golden-path/metrics')
      .set('Authorization', jane)
  ).body;

describe('deployments and usage API', () => {
  it('stores deployments attributed to their entity, team, path and production, and replays them ten times storing nothing twice', async () => {
    const { server } = await backend();
    const batch = {
      source: 'argocd',
      deployments: [
        deployment('d1'),
        deployment('d2', { environment: 'staging' }),
        deployment('d3', {
          service: undefined,
          entityRef: 'component:default/checkout-web',
          environment: 'PROD-EU',
          outcome: 'failure',
        }),
        deployment('d4', { service: 'shadow-it-service' }),
      ],
    };
    const first = await request(server)
      .post('/api/golden-path/deployments')
      .set('Authorization', service)
      .send(batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      source: 'argocd',
      received: 4,
      inserted: 4,
      updated: 0,
      unchanged: 0,
      stale: 0,
      expired: 0,
      withoutEntity: 1,
    });
    for (let i = 0; i < 10; i++) {
      const replay = await request(server)
        .post('/api/golden-path/deployments')
        .set('Authorization', service)
        .send(batch);
      expect(replay.body).toMatchObject({ inserted: 0, unchanged: 4 });
    }

    const body = await metrics(server);
    const frequency = body.metrics.find(
      (m: any) => m.id === 'deploymentFrequency',
    );
    // Production: d1 (payments-api), d3 (checkout-web, its own production
    // environment, failed) and d4 (unknown service): 3 services.
    expect(frequency.population.count).toBe(3);
    expect(frequency.details).toEqual({
      productionDeployments: 3,
      changeFailureRate: 1 / 3,
    });
    const days = frequency.series.length * 7;
    expect(frequency.value).toBeCloseTo(3 / 3 / days, 6);
    expect(body.catalogCoverage).toEqual({ services: 3, inCatalog: 2 });
    const leadTime = body.metrics.find((m: any) => m.id === 'leadTime');
    // d1: 40 minutes from its first commit; d4 too; d3 failed.
    expect(leadTime.population.count).toBe(2);
    expect(Math.abs(leadTime.value / 2_400_000 - 1)).toBeLessThan(0.09);
  });

  it('rejects a bad batch whole, keeps newer statuses, and lets only services and permitted users push', async () => {
    const { server } = await backend();
    const bad = await request(server)
      .post('/api/golden-path/deployments')
      .set('Authorization', service)
      .send({
        source: 'argocd',
        deployments: [
          deployment('a'),
          deployment('b', { commitTimes: [minutesAgo(10)] }),
          { id: 'c', environment: 'production', deployedAt: minutesAgo(5) },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Invalid deployments: deployments[1].commitTimes.0: must not be after deployedAt; deployments[2].service: give the service name, its repository or its entityRef. Nothing was stored.',
    );
    expect((await metrics(server)).catalogCoverage.services).toBe(0);

    const send = (d: Record<string, unknown>) =>
      request(server)
        .post('/api/golden-path/deployments')
        .set('Authorization', service)
        .send({ source: 'argocd', deployments: [d] });
    await send(
      deployment('x', { outcome: 'failure', updatedAt: minutesAgo(30) }),
    ).expect(200);
    const stale = await send(
      deployment('x', { outcome: 'success', updatedAt: minutesAgo(50) }),
    );
    expect(stale.body).toMatchObject({ stale: 1 });

    const asUser = await request(server)
      .post('/api/golden-path/deployments')
      .set('Authorization', jane)
      .send({ source: 'argocd', deployments: [deployment('y')] });
    expect(asUser.status).toBe(403);
    const anonymous = await request(server)
      .post('/api/golden-path/deployments')
      .set('Authorization', mockCredentials.none.header())
      .send({ source: 'argocd', deployments: [deployment('y')] });
    expect(anonymous.status).toBe(401);
  });

  it('receives GitHub deployment statuses, ignoring those that are not final, and finds the entity by its project-slug annotation before its name', async () => {
    const { server } = await backend();
    const event = (
      state: string,
      repository = { full_name: 'acme/payments-api', name: 'payments-api' },
      environment = 'production',
    ) => ({
      deployment_status: { state, created_at: minutesAgo(5) },
      deployment: {
        id: 7,
        environment,
        created_at: minutesAgo(10),
        sha: 'abc123',
        payload: { commitTimes: [minutesAgo(70)] },
      },
      repository,
    });
    const send = (body: object) =>
      request(server)
        .post('/api/golden-path/deployments/webhooks/github')
        .set('Authorization', service)
        .set('X-GitHub-Event', 'deployment_status')
        .send(body);
    const pending = await send(event('in_progress'));
    expect(pending.status).toBe(202);
    const done = await send(event('success'));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ source: 'github', inserted: 1 });
    expect((await metrics(server)).catalogCoverage).toEqual({
      services: 1,
      inCatalog: 1,
    });

    // No component is named billing-service: the annotation finds billing,
    // whose own production environment is "live".
    const annotated = await send(
      event(
        'success',
        { full_name: 'acme/billing-service', name: 'billing-service' },
        'live',
      ),
    );
    expect(annotated.status).toBe(200);
    const unknown = await send(
      event('failure', { full_name: 'acme/legacy-cron', name: 'legacy-cron' }),
    );
    expect(unknown.status).toBe(200);
    const body = await metrics(server);
    expect(body.catalogCoverage).toEqual({ services: 3, inCatalog: 2 });
    const frequency = body.metrics.find(
      (m: any) => m.id === 'deploymentFrequency',
    );
    // "live" counts as production only for billing, by its annotation.
    expect(frequency.details.productionDeployments).toBe(3);
    expect(frequency.details.changeFailureRate).toBeCloseTo(1 / 3, 6);
  });

  it("records the signed-in user's portal events once, and shows which plugins are used and which are ignored", async () => {
    const { server } = await backend();
    const events = [
      {
        id: 'e1',
        action: 'navigate',
        subject: '/catalog',
        at: minutesAgo(3),
        pluginId: 'catalog',
        extensionId: 'page:catalog',
      },
      {
        id: 'e2',
        action: 'click',
        subject: 'Create',
        at: minutesAgo(2),
        pluginId: 'scaffolder',
      },
    ];
    const first = await request(server)
      .post('/api/golden-path/usage/events')
      .set('Authorization', jane)
      .send({
        events,
        installedPlugins: ['catalog', 'scaffolder', 'kubernetes'],
      });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ received: 2, stored: 2, duplicates: 0 });
    const replay = await request(server)
      .post('/api/golden-path/usage/events')
      .set('Authorization', jane)
      .send({ events });
    expect(replay.body).toEqual({ received: 2, stored: 0, duplicates: 2 });

    const asService = await request(server)
      .post('/api/golden-path/usage/events')
      .set('Authorization', service)
      .send({ events });
    expect(asService.status).toBe(403);
    const badEvent = await request(server)
      .post('/api/golden-path/usage/events')
      .set('Authorization', jane)
      .send({ events: [{ ...events[0], at: 'now' }] });
    expect(badEvent.status).toBe(400);

    const features = await request(server)
      .get('/api/golden-path/usage/features')
      .set('Authorization', jane);
    expect(features.body).toMatchObject({
      activeUsers: 1,
      ignoredPlugins: ['kubernetes'],
      features: expect.arrayContaining([
        { pluginId: 'catalog', feature: 'page:catalog', events: 1, teams: 1 },
        { pluginId: 'scaffolder', feature: 'scaffolder', events: 1, teams: 1 },
      ]),
    });
    const active = (await metrics(server)).metrics.find(
      (m: any) => m.id === 'activeTeams',
    );
    // jane's team, payments, is the only team users belong to.
    expect(active).toMatchObject({
      value: 1,
      population: { count: 1, of: 1 },
      status: 'met',
    });
  });

  it('imports usage recorded elsewhere for services and permitted users only', async () => {
    const { server } = await backend();
    const body = {
      events: [
        {
          id: 'ga-1',
          userRef: 'user:default/jane',
          action: 'navigate',
          subject: '/docs',
          at: minutesAgo(60 * 24),
          pluginId: 'techdocs',
        },
      ],
    };
    const asUser = await request(server)
      .post('/api/golden-path/usage/import')
      .set('Authorization', jane)
      .send(body);
    expect(asUser.status).toBe(403);
    const imported = await request(server)
      .post('/api/golden-path/usage/import')
      .set('Authorization', service)
      .send(body);
    expect(imported.body).toEqual({ received: 1, stored: 1, duplicates: 0 });
  });
});
