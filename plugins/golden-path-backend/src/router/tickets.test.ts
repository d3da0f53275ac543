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
  group('engineering', { children: ['payments'] }),
  group('payments', { parent: 'engineering' }),
  group('search'),
  user('jane', ['payments'], 'jane@example.com'),
  user('omar', ['search'], 'Omar@Example.com'),
  component('checkout-web'),
];

const service = mockCredentials.service.header();
const jane = mockCredentials.user.header('user:default/jane');

const now = Date.now();
const hoursAgo = (h: number) => new Date(now - h * 3600_000).toISOString();

const ticket = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  title: `Ticket ${id}`,
  type: 'request',
  category: 'Access',
  labels: ['onboarding'],
  status: 'open',
  requester: 'jane@example.com',
  createdAt: hoursAgo(30),
  updatedAt: hoursAgo(30),
  ...overrides,
});

async function backend() {
  const started = await startGoldenPathBackend({
    entities,
    // Users may read figures but not send tickets; services may.
    allow: permission => permission !== 'golden-path.tickets.write',
  });
  await started.runTask(ScoringTask.id);
  return started;
}

const figures = (server: any, query: Record<string, string> = {}) =>
  request(server)
    .get('/api/golden-path/tickets/figures')
    .query(query)
    .set('Authorization', jane);

describe('tickets API', () => {
  it('stores a batch, attributing requester, team, entity and path, and replays it ten times storing nothing twice', async () => {
    const { server } = await backend();
    const batch = {
      source: 'jira',
      tickets: [
        ticket('PLAT-1', { components: ['payments-api'] }),
        ticket('PLAT-2', {
          type: 'incident',
          category: 'Deploys',
          requester: 'omar@example.com',
          labels: ['node-service', 'ci'],
          status: 'resolved',
          firstResponseAt: hoursAgo(29),
          resolvedAt: hoursAgo(26),
        }),
        ticket('PLAT-3', { requester: 'ghost@example.com', labels: [] }),
      ],
    };
    const first = await request(server)
      .post('/api/golden-path/tickets')
      .set('Authorization', service)
      .send(batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      source: 'jira',
      received: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      stale: 0,
      expired: 0,
    });
    for (let i = 0; i < 10; i++) {
      const replay = await request(server)
        .post('/api/golden-path/tickets')
        .set('Authorization', service)
        .send(batch);
      expect(replay.body).toMatchObject({ inserted: 0, unchanged: 3 });
    }

    const result = await figures(server);
    expect(result.status).toBe(200);
    expect(result.body.totals).toMatchObject({
      opened: 3,
      resolved: 1,
      requests: 2,
      reopenRate: 0,
      firstResponse: { count: 1 },
      resolution: { count: 1 },
    });
    // 4 h to resolve, read from the histogram: within a bucket (9%).
    const resolution = result.body.totals.resolution.medianMs / 3600_000;
    expect(Math.abs(resolution - 4) / 4).toBeLessThan(0.09);
    expect(
      result.body.teams.map((t: any) => [t.team, t.opened]).sort(),
    ).toEqual([
      ['group:default/payments', 1],
      ['group:default/search', 1],
      ['unassigned', 1],
    ]);
    // PLAT-1 names payments-api, which is on node-service; PLAT-2 carries
    // the path as a label; PLAT-3 has neither.
    expect(result.body.paths).toEqual([
      expect.objectContaining({ pathId: 'node-service', opened: 2 }),
    ]);
    expect(result.body.unattributed).toEqual({ noPath: 1, noTeam: 1 });
    expect(result.body.categories).toEqual([
      { category: 'Access', count: 2 },
      { category: 'Deploys', count: 1 },
    ]);
    expect(result.body.types).toEqual(
      expect.arrayContaining([{ type: 'request', count: 2 }]),
    );

    const team = await figures(server, { group: 'group:default/engineering' });
    expect(team.body.totals.opened).toBe(1);
    const path = await figures(server, { path: 'node-service' });
    expect(path.body.totals.opened).toBe(2);
  });

  it('gives median and p90 times, and the volume and resolution trends against the previous period', async () => {
    const { server } = await backend();
    const HOUR = 3_600_000;
    const resolvedAfter = (
      id: string,
      createdHoursAgo: number,
      hours: number,
    ) =>
      ticket(id, {
        status: 'resolved',
        createdAt: hoursAgo(createdHoursAgo),
        updatedAt: hoursAgo(createdHoursAgo - hours),
        firstResponseAt: hoursAgo(createdHoursAgo - hours / 2),
        resolvedAt: hoursAgo(createdHoursAgo - hours),
      });
    // This period: ten tickets resolved after 1 to 10 hours. The one before
    // (15 weeks ago): five, each resolved after 20 hours.
    const tickets = [
      ...Array.from({ length: 10 }, (_, i) =>
        resolvedAfter(`NOW-${i}`, 48, i + 1),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        resolvedAfter(`THEN-${i}`, 15 * 7 * 24, 20),
      ),
    ];
    const stored = await request(server)
      .post('/api/golden-path/tickets')
      .set('Authorization', service)
      .send({ source: 'jira', tickets });
    expect(stored.body).toMatchObject({ inserted: 15 });

    const { body } = await figures(server).expect(200);
    const near = (value: number, expected: number) =>
      // Durations are read from histogram buckets a quarter of a doubling wide.
      expect(Math.abs(value / expected - 1)).toBeLessThan(0.2);
    expect(body.totals).toMatchObject({ opened: 10, resolved: 10 });
    expect(body.totals.resolution.count).toBe(10);
    near(body.totals.resolution.medianMs, 5.5 * HOUR);
    near(body.totals.resolution.p90Ms, 9.1 * HOUR);
    near(body.totals.firstResponse.medianMs, 2.75 * HOUR);
    expect(body.totals.resolution.p90Ms).toBeGreaterThan(
      body.totals.resolution.medianMs,
    );
    expect(body.previousTotals).toMatchObject({ opened: 5, resolved: 5 });
    near(body.previousTotals.resolution.medianMs, 20 * HOUR);

    // Twice the tickets: worse. Resolved in about a quarter of the time:
    // better.
    expect(body.openedPerWeek).toBeCloseTo(10 / body.weeks.length, 6);
    expect(body.volumeTrend).toMatchObject({
      direction: 'up',
      improving: false,
    });
    expect(body.volumeTrend.relativeChange).toBeCloseTo(1, 6);
    expect(body.resolutionTrend).toMatchObject({
      direction: 'down',
      improving: true,
    });
    expect(body.resolutionTrend.relativeChange).toBeLessThan(-0.6);
  });

  it('rejects a batch with one bad ticket whole, naming the row and field', async () => {
    const { server } = await backend();
    const response = await request(server)
      .post('/api/golden-path/tickets')
      .set('Authorization', service)
      .send({
        source: 'jira',
        tickets: [
          ticket('A'),
          ticket('B'),
          ticket('C', { resolvedAt: hoursAgo(31) }),
          ticket('A'),
        ],
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      "Invalid tickets: tickets[2].resolvedAt: must not be before createdAt; tickets[3].id: 'A' appears twice in the batch (also at 0). Nothing was stored.",
    );
    const result = await figures(server);
    expect(result.body.totals.opened).toBe(0);

    for (const [body, message] of [
      [
        { source: 'jira', tickets: [ticket('A', { createdAt: 'yesterday' })] },
        'request/body/tickets/0/createdAt must match format "date-time"',
      ],
      [{ source: 'Jira!', tickets: [ticket('A')] }, 'source'],
      [{ source: 'jira', tickets: [] }, 'tickets'],
      [
        { source: 'jira', tickets: [ticket('A', { pathId: 'cobol' })] },
        'pathId',
      ],
      [
        {
          source: 'jira',
          tickets: [ticket('A', { entityRef: 'component:default/' })],
        },
        'entityRef',
      ],
    ] as const) {
      const bad = await request(server)
        .post('/api/golden-path/tickets')
        .set('Authorization', service)
        .send(body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain(message);
    }
  });

  it('never lets an older update overwrite a newer one, and counts reopens', async () => {
    const { server } = await backend();
    const send = (t: Record<string, unknown>) =>
      request(server)
        .post('/api/golden-path/tickets')
        .set('Authorization', service)
        .send({ source: 'jira', tickets: [t] });
    await send(
      ticket('A', {
        status: 'resolved',
        updatedAt: hoursAgo(10),
        resolvedAt: hoursAgo(10),
      }),
    ).expect(200);
    const stale = await send(ticket('A', { updatedAt: hoursAgo(20) }));
    expect(stale.body).toMatchObject({ stale: 1, updated: 0 });
    await send(ticket('A', { status: 'open', updatedAt: hoursAgo(5) }));
    await send(
      ticket('A', {
        status: 'resolved',
        updatedAt: hoursAgo(2),
        resolvedAt: hoursAgo(2),
      }),
    );
    const result = await figures(server);
    expect(result.body.totals).toMatchObject({
      opened: 1,
      resolved: 1,
      reopenRate: 1,
    });
  });

  it('lets services and permitted users send tickets, and nobody unauthenticated', async () => {
    const { server } = await backend();
    const body = { source: 'jira', tickets: [ticket('A')] };
    const asUser = await request(server)
      .post('/api/golden-path/tickets')
      .set('Authorization', jane)
      .send(body);
    expect(asUser.status).toBe(403);
    expect(asUser.body.error.message).toContain('golden-path.tickets.write');
    const anonymous = await request(server)
      .post('/api/golden-path/tickets')
      .set('Authorization', mockCredentials.none.header())
      .send(body);
    expect(anonymous.status).toBe(401);
    const result = await figures(server);
    expect(result.body.totals.opened).toBe(0);
  });

  it('previews a CSV file with its row errors, and imports it only when every row is valid', async () => {
    const { server } = await backend();
    const csv = [
      'Key,Summary,Type,Status,Reporter,Created,Updated,Resolved,Labels',
      `OPS-1,Need a database,request,Resolved,jane@example.com,${hoursAgo(
        50,
      )},${hoursAgo(40)},${hoursAgo(40)},db;access`,
      `OPS-2,Build broken,incident,open,omar@example.com,2026-11-20 10:00,not a date,,`,
      `OPS-3,"Quoted, with a comma",question,in progress,jane,${hoursAgo(
        5,
      )},${hoursAgo(5)},,`,
    ].join('\n');
    const preview = await request(server)
      .post('/api/golden-path/tickets/import?source=ops&dryRun=true')
      .set('Authorization', service)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, rows: 3 });
    expect(preview.body.errors).toEqual([
      { line: 3, field: 'updatedAt', message: 'must be an ISO 8601 date-time' },
    ]);
    expect(preview.body.preview.map((t: any) => t.id)).toEqual([
      'OPS-1',
      'OPS-3',
    ]);
    expect(preview.body.preview[1]).toMatchObject({
      title: 'Quoted, with a comma',
      status: 'in-progress',
      type: 'question',
    });

    const rejected = await request(server)
      .post('/api/golden-path/tickets/import?source=ops')
      .set('Authorization', service)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.message).toContain('first at line 3');
    expect((await figures(server)).body.totals.opened).toBe(0);

    const fixed = csv.replace('not a date', hoursAgo(1));
    const imported = await request(server)
      .post('/api/golden-path/tickets/import?source=ops')
      .set('Authorization', service)
      .set('Content-Type', 'text/csv')
      .send(fixed);
    expect(imported.status).toBe(200);
    expect(imported.body.result).toMatchObject({ inserted: 3 });
    const result = await figures(server, {
      from: new Date(now - 30 * 86400_000).toISOString(),
    });
    expect(result.body.labels).toEqual(
      expect.arrayContaining([{ label: 'db', count: 1 }]),
    );

    const unknownColumn = await request(server)
      .post('/api/golden-path/tickets/import?dryRun=true')
      .set('Authorization', service)
      .set('Content-Type', 'text/csv')
      .send('id,status,created,updated,priority\n');
    expect(unknownColumn.body.errors[0]).toEqual({
      line: 1,
      message: expect.stringContaining("unknown column 'priority'"),
    });
  });

  it('receives Jira and GitHub webhooks, and acknowledges events it does not use', async () => {
    const { server } = await backend();
    const jira = await request(server)
      .post('/api/golden-path/tickets/webhooks/jira')
      .set('Authorization', service)
      .send({
        webhookEvent: 'jira:issue_updated',
        issue: {
          key: 'HELP-7',
          self: 'https://jira.example.com/rest/api/2/issue/10007',
          fields: {
            summary: 'Cannot deploy checkout-web',
            issuetype: { name: 'Incident' },
            status: { name: 'Done', statusCategory: { key: 'done' } },
            created: '2026-11-30T08:00:00.000+0000',
            updated: '2026-11-30T12:00:00.000+0000',
            resolutiondate: '2026-11-30T12:00:00.000+0000',
            reporter: { emailAddress: 'jane@example.com' },
            labels: ['deploys'],
            components: [{ name: 'checkout-web' }],
            customfield_10030: {
              name: 'Time to first response',
              completedCycles: [
                { stopTime: { iso8601: '2026-11-30T08:30:00+0000' } },
              ],
            },
          },
        },
      });
    expect(jira.status).toBe(200);
    expect(jira.body).toMatchObject({ source: 'jira', inserted: 1 });

    const issue = {
      number: 42,
      title: 'Template fails on Python 3.13',
      state: 'open',
      html_url: 'https://github.com/acme/platform/issues/42',
      user: { login: 'omar' },
      labels: [{ name: 'bug' }, { name: 'component:search-indexer' }],
      created_at: hoursAgo(6),
      updated_at: hoursAgo(6),
    };
    const opened = await request(server)
      .post('/api/golden-path/tickets/webhooks/github')
      .set('Authorization', service)
      .set('X-GitHub-Event', 'issues')
      .send({
        action: 'opened',
        issue,
        repository: { full_name: 'acme/platform' },
      });
    expect(opened.body).toMatchObject({ source: 'github', inserted: 1 });
    const commented = await request(server)
      .post('/api/golden-path/tickets/webhooks/github')
      .set('Authorization', service)
      .set('X-GitHub-Event', 'issue_comment')
      .send({
        action: 'created',
        issue: { ...issue, updated_at: hoursAgo(5) },
        comment: { user: { login: 'platform-bot' }, created_at: hoursAgo(5) },
        repository: { full_name: 'acme/platform' },
      });
    expect(commented.body).toMatchObject({ updated: 1 });
    const ping = await request(server)
      .post('/api/golden-path/tickets/webhooks/github')
      .set('Authorization', service)
      .set('X-GitHub-Event', 'ping')
      .send({ zen: 'Keep it logically awesome.' });
    expect(ping.status).toBe(202);
    expect(ping.body.ignored).toContain("'ping'");
    const broken = await request(server)
      .post('/api/golden-path/tickets/webhooks/jira')
      .set('Authorization', service)
      .send({ webhookEvent: 'jira:issue_created', issue: { fields: {} } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain('jira ticket[0].id');

    const result = await figures(server, {
      from: new Date(now - 30 * 86400_000).toISOString(),
    });
    expect(result.body.totals).toMatchObject({
      opened: 2,
      firstResponse: { count: 2 },
    });
    expect(result.body.types).toEqual(
      expect.arrayContaining([
        { type: 'incident', count: 1 },
        { type: 'bug', count: 1 },
      ]),
    );
    expect(result.body.paths).toEqual([
      expect.objectContaining({ pathId: 'python-service', opened: 1 }),
    ]);

    const csv = await request(server)
      .get('/api/golden-path/tickets/export?table=teams')
      .set('Authorization', jane);
    expect(csv.text.split('\n')[0]).toBe(
      'team,opened,resolved,requests,reopen_rate,median_first_response_ms,median_resolution_ms,p90_resolution_ms',
    );
  });
});
