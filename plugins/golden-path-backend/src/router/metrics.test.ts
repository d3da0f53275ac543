import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { component, sampleCatalog } from '../__testUtils__/entities';
import { FakeScaffolder } from '../__testUtils__/FakeScaffolder';
import {
  group,
  startGoldenPathBackend,
  user,
} from '../__testUtils__/startGoldenPathBackend';
import { ScoringTask } from '../scheduler/ScoringTask';
import { TemplateRunTask } from '../scheduler/TemplateRunTask';

jest.setTimeout(60_000);

const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'node-service', namespace: 'default' },
  spec: { owner: 'group:default/platform', type: 'service', steps: [] },
};

const entities = [
  ...sampleCatalog,
  template,
  group('engineering', { children: ['payments', 'search'] }),
  group('payments', { parent: 'engineering' }),
  group('search', { parent: 'engineering' }),
  group('platform'),
  user('jane', ['payments'], 'jane@example.com'),
  user('omar', ['search'], 'omar@example.com'),
  user('ada', ['platform'], 'ada@example.com'),
  component('fresh-svc', {
    annotations: {
      'backstage.io/source-template': 'template:default/node-service',
      'backstage.io/template-version': '1.2.0',
    },
  }),
];

const HOUR = 3600_000;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);
const iso = (ms: number) => ago(ms).toISOString();
const service = mockCredentials.service.header();
const jane = mockCredentials.user.header('user:default/jane');

async function backend(scaffolder = new FakeScaffolder()) {
  const started = await startGoldenPathBackend({ entities, scaffolder });
  await started.runTask(ScoringTask.id);
  await started.runTask(TemplateRunTask.id);
  return started;
}

const post = (server: any, path: string, body: object) =>
  request(server)
    .post(`/api/golden-path${path}`)
    .set('Authorization', service)
    .send(body)
    .expect(res => {
      if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
    });

async function metrics(server: any, query: Record<string, string> = {}) {
  const res = await request(server)
    .get('/api/golden-path/metrics')
    .query(query)
    .set('Authorization', jane);
  if (res.status !== 200) throw new Error(res.text);
  return {
    ...res.body,
    byId: Object.fromEntries(res.body.metrics.map((m: any) => [m.id, m])),
  };
}

const ticket = (id: string, createdAgo: number, overrides = {}) => ({
  id,
  status: 'resolved',
  type: 'request',
  requester: 'jane@example.com',
  createdAt: iso(createdAgo),
  updatedAt: iso(createdAgo - 2 * HOUR),
  resolvedAt: iso(createdAgo - 2 * HOUR),
  ...overrides,
});

describe('platform metrics API', () => {
  it('says there is no data for every metric of an empty platform, and that this is the anti-pattern', async () => {
    const { server } = await startGoldenPathBackend({ entities });
    const body = await metrics(server);
    expect(body.metrics).toHaveLength(9);
    for (const metric of body.metrics) {
      expect(metric.status).toBe('no-data');
      expect(metric.value).toBeUndefined();
    }
    expect(body.antiPatterns.map((a: any) => a.id)).toEqual([
      'no-adoption-metrics',
      'no-documentation',
    ]);
    expect(body.funnel).toEqual({
      runs: 0,
      succeeded: 0,
      inCatalog: 0,
      deployed: 0,
    });
  });

  it('keeps what it cannot compute as no data beside what it can, by path and period, against configured targets', async () => {
    const scaffolder = new FakeScaffolder();
    // jane's run created fresh-svc, which never deployed.
    scaffolder.add({
      id: 'r1',
      template: 'template:default/node-service',
      version: '1.2.0',
      user: 'user:default/jane',
      createdAt: ago(3 * HOUR),
      durationMs: 60_000,
      output: { entityRef: 'component:default/fresh-svc' },
    });
    const started = await startGoldenPathBackend({
      entities,
      scaffolder,
      config: {
        metrics: {
          targets: {
            adoption: 0.7,
            timeToResolution: 'PT1H',
            selfServiceRate: 0.4,
          },
        },
      },
    });
    await started.runTask(ScoringTask.id);
    await started.runTask(TemplateRunTask.id);
    const { server } = started;
    // payments-api went to staging only; search-indexer (python-service)
    // to production, without commit times.
    await post(server, '/deployments', {
      source: 'ci',
      deployments: [
        {
          id: 's1',
          service: 'payments-api',
          environment: 'staging',
          deployedAt: iso(2 * HOUR),
        },
        {
          id: 'p1',
          service: 'search-indexer',
          environment: 'production',
          deployedAt: iso(HOUR),
        },
      ],
    });
    // One request still open; one incident resolved in two hours, 30
    // weeks ago.
    await post(server, '/tickets', {
      source: 'jira',
      tickets: [
        ticket('OPEN', 5 * HOUR, {
          status: 'open',
          updatedAt: iso(5 * HOUR),
          resolvedAt: undefined,
        }),
        ticket('OLD', 30 * 7 * 24 * HOUR, { type: 'incident' }),
      ],
    });
    // Three answers: fewer than the minimum of five.
    const campaign = await post(server, '/surveys', {
      title: 'Q4',
      questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }],
      audience: { type: 'all' },
      opensAt: iso(10 * 24 * HOUR),
      closesAt: iso(-10 * 24 * HOUR),
      anonymous: true,
    });
    await post(server, `/surveys/${campaign.body.id}/responses/import`, {
      responses: [10, 9, 3].map((nps, i) => ({
        id: `row-${i}`,
        submittedAt: iso(24 * HOUR),
        team: 'group:default/payments',
        answers: { nps },
      })),
    });

    const body = await metrics(server);
    const m = body.byId;
    const weeks = m.ticketVolume.series.length;
    expect(m.onboardingTime).toMatchObject({
      status: 'no-data',
      population: { count: 0 },
    });
    expect(m.onboardingTime.value).toBeUndefined();
    expect(body.funnel).toEqual({
      runs: 1,
      succeeded: 1,
      inCatalog: 1,
      deployed: 0,
    });
    // One production deployment of one service; staging does not count.
    expect(m.deploymentFrequency.value).toBeCloseTo(1 / (weeks * 7), 9);
    expect(m.deploymentFrequency.details).toEqual({
      productionDeployments: 1,
      changeFailureRate: 0,
    });
    expect(body.catalogCoverage).toEqual({ services: 1, inCatalog: 1 });
    // No commit times: no lead time, whatever the deployments.
    expect(m.leadTime).toMatchObject({
      status: 'no-data',
      population: { count: 0 },
    });
    expect(m.ticketVolume).toMatchObject({
      value: 1 / weeks,
      population: { count: 1 },
    });
    // Nothing resolved in the period: no time to resolution, not zero.
    expect(m.timeToResolution).toMatchObject({
      status: 'no-data',
      target: { kind: 'below', value: HOUR },
      population: { count: 0 },
    });
    expect(m.timeToResolution.value).toBeUndefined();
    // One template run against one request ticket, target 40%.
    expect(m.selfServiceRate).toMatchObject({
      value: 0.5,
      status: 'met',
      target: { kind: 'above', value: 0.4 },
    });
    expect(m.developerNps.status).toBe('no-data');
    expect(m.developerNps.population).toMatchObject({ count: 0 });
    expect(m.developerNps.population.description).toContain(
      'fewer than 5: withheld',
    );
    expect(m.adoption).toMatchObject({
      value: 0.75,
      status: 'met',
      target: { kind: 'above', value: 0.7 },
    });

    // The python-service path: its production deployment, no runs and no
    // tickets of its own.
    const python = (await metrics(server, { path: 'python-service' })).byId;
    expect(python.deploymentFrequency.population.count).toBe(1);
    expect(python.ticketVolume.status).toBe('no-data');
    expect(python.selfServiceRate.status).toBe('no-data');
    // The node-service path: jane's run, and no production deployment.
    const node = (await metrics(server, { path: 'node-service' })).byId;
    expect(node.deploymentFrequency.status).toBe('no-data');
    expect(node.deploymentFrequency.details).toEqual({
      productionDeployments: 0,
    });
    expect(node.selfServiceRate.value).toBe(1);

    // Thirty weeks ago: only the old incident, two hours against one.
    const old = await metrics(server, {
      from: iso(32 * 7 * 24 * HOUR),
      to: iso(28 * 7 * 24 * HOUR),
    });
    expect(old.byId.ticketVolume.population.count).toBe(1);
    expect(old.byId.timeToResolution.status).toBe('missed');
    expect(
      Math.abs(old.byId.timeToResolution.value / (2 * HOUR) - 1),
    ).toBeLessThan(0.19);
    // No runs and no requests then: no self-service rate, not 0%.
    expect(old.byId.selfServiceRate.status).toBe('no-data');
    expect(old.byId.onboardingTime.status).toBe('no-data');
  });

  it('computes each metric from its sources against its target', async () => {
    const scaffolder = new FakeScaffolder();
    // jane ran the template three hours ago; it created fresh-svc.
    scaffolder.add({
      id: 'r1',
      template: 'template:default/node-service',
      version: '1.2.0',
      user: 'user:default/jane',
      createdAt: ago(3 * HOUR),
      durationMs: 60_000,
      output: { entityRef: 'component:default/fresh-svc' },
    });
    scaffolder.add({
      id: 'r2',
      template: 'template:default/node-service',
      user: 'user:default/omar',
      status: 'failed',
      createdAt: ago(4 * HOUR),
    });
    const { server } = await backend(scaffolder);

    // fresh-svc reached production an hour after its run; payments-api
    // deployed twice, once failing.
    const runFinished = 3 * HOUR - 60_000;
    await post(server, '/deployments', {
      source: 'ci',
      deployments: [
        {
          id: 'd1',
          service: 'fresh-svc',
          environment: 'production',
          deployedAt: iso(runFinished - HOUR),
          commitTimes: [iso(runFinished - HOUR + 30 * 60_000)],
        },
        {
          id: 'd2',
          service: 'payments-api',
          environment: 'production',
          deployedAt: iso(HOUR),
          commitTimes: [iso(2 * HOUR)],
        },
        {
          id: 'd3',
          service: 'payments-api',
          environment: 'production',
          deployedAt: iso(HOUR / 2),
          outcome: 'failure',
        },
      ],
    });
    // Four tickets this period, two of them requests; eight the period
    // before. Each resolved in two hours.
    await post(server, '/tickets', {
      source: 'jira',
      tickets: [
        ticket('T1', 30 * HOUR),
        ticket('T2', 40 * HOUR),
        ticket('T3', 50 * HOUR, { type: 'incident' }),
        ticket('T4', 60 * HOUR, { type: 'bug' }),
        ...Array.from({ length: 8 }, (_, i) =>
          ticket(`OLD-${i}`, (14 * 7 + 7) * 24 * HOUR + i * HOUR, {
            type: 'question',
          }),
        ),
      ],
    });
    // A survey: 3 promoters, 1 passive, 1 detractor: NPS 40.
    const campaign = await post(server, '/surveys', {
      title: 'Q4',
      questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }],
      audience: { type: 'all' },
      opensAt: iso(10 * 24 * HOUR),
      closesAt: iso(-10 * 24 * HOUR),
      anonymous: true,
    });
    await post(server, `/surveys/${campaign.body.id}/responses/import`, {
      responses: [10, 9, 9, 8, 2].map((nps, i) => ({
        id: `row-${i}`,
        submittedAt: iso(24 * HOUR),
        team: 'group:default/payments',
        answers: { nps },
      })),
    });
    // jane used the portal this week: one of three teams active.
    await request(server)
      .post('/api/golden-path/usage/events')
      .set('Authorization', jane)
      .send({
        events: [
          { id: 'u1', action: 'navigate', subject: '/', at: iso(60_000) },
        ],
      })
      .expect(202);

    const body = await metrics(server);
    const m = body.byId;
    expect(Math.abs(m.onboardingTime.value / HOUR - 1)).toBeLessThan(0.01);
    expect(m.onboardingTime).toMatchObject({
      status: 'missed',
      population: { count: 1 },
    });
    expect(m.activeTeams).toMatchObject({
      value: 1 / 3,
      status: 'missed',
      population: { count: 1, of: 3 },
    });
    // fresh-svc, payments-api and search-indexer are on paths; legacy-billing
    // is not.
    expect(m.adoption).toMatchObject({
      value: 0.75,
      status: 'at-risk',
      population: { count: 3, of: 4 },
    });
    expect(m.developerNps).toMatchObject({
      value: 40,
      status: 'at-risk',
      population: { count: 5 },
    });
    // The period: the 13 weeks before now, as whole weeks from a Monday.
    const weeks = m.ticketVolume.series.length;
    expect(weeks).toBe(14);
    expect(m.ticketVolume).toMatchObject({
      value: 4 / weeks,
      status: 'met',
      trend: { previous: 8 / weeks, direction: 'down', improving: true },
    });
    expect(Math.abs(m.timeToResolution.value / (2 * HOUR) - 1)).toBeLessThan(
      0.19,
    );
    expect(m.timeToResolution).toMatchObject({
      status: 'met',
      population: { count: 4 },
    });
    // Three production deployments of two services over the period.
    expect(m.deploymentFrequency.value).toBeCloseTo(3 / 2 / (weeks * 7), 6);
    expect(m.deploymentFrequency.details.changeFailureRate).toBeCloseTo(1 / 3);
    expect(m.deploymentFrequency.status).toBe('missed');
    // d1: 30 minutes; d2: an hour.
    expect(m.leadTime.population.count).toBe(2);
    expect(m.leadTime.status).toBe('met');
    // One completed run against two request tickets.
    expect(m.selfServiceRate).toMatchObject({
      value: 1 / 3,
      status: 'missed',
      population: { count: 3 },
    });
    expect(body.funnel).toEqual({
      runs: 2,
      succeeded: 1,
      inCatalog: 1,
      deployed: 1,
    });
    expect(body.catalogCoverage).toEqual({ services: 2, inCatalog: 2 });
    expect(body.antiPatterns.map((a: any) => a.id)).toEqual([
      'building-without-users',
      'no-documentation',
      'platform-as-gatekeeper',
    ]);
    // Every metric has a point per week of the period.
    for (const metric of body.metrics.filter(
      (x: any) => x.id !== 'developerNps',
    )) {
      expect(metric.series).toHaveLength(14);
    }

    // The payments team alone: its tickets, deployments and answers.
    const payments = await metrics(server, {
      group: 'group:default/payments',
    });
    expect(payments.byId.ticketVolume.population.count).toBe(4);
    expect(payments.byId.activeTeams.population).toMatchObject({
      count: 1,
      of: 1,
    });
    expect(payments.byId.developerNps.value).toBe(40);
    const search = await metrics(server, { group: 'group:default/search' });
    expect(search.byId.ticketVolume.status).toBe('no-data');
    expect(search.byId.developerNps.status).toBe('no-data');

    const teams = await request(server)
      .get('/api/golden-path/metrics/teams')
      .set('Authorization', jane);
    expect(teams.status).toBe(200);
    expect(teams.body.teams.map((t: any) => t.team)).toEqual([
      'group:default/payments',
      'group:default/platform',
      'group:default/search',
    ]);
    expect(teams.body.teams[0]).toMatchObject({
      adoption: { eligible: 4, onPath: 3 },
      tickets: { opened: 4, requests: 2 },
      deployments: { production: 3, failures: 1 },
      templateRuns: 1,
      activeUsers: 1,
      nps: 40,
      npsResponses: 5,
      npsSuppressed: false,
    });
    expect(teams.body.teams[2]).toMatchObject({
      tickets: { opened: 0 },
      templateRuns: 0,
      npsResponses: 0,
    });

    const unknownPath = await request(server)
      .get('/api/golden-path/metrics?path=cobol')
      .set('Authorization', jane);
    expect(unknownPath.status).toBe(400);
  });
});
