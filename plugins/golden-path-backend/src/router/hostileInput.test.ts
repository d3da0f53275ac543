// Requests the fuzz proof (proof/fuzz.ts) found answered with a 500: each
// must be a 400 naming the part at fault, and store nothing.
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  group,
  startGoldenPathBackend,
  user,
} from '../__testUtils__/startGoldenPathBackend';
import { sampleCatalog } from '../__testUtils__/entities';
import { holdsUnstorableText } from './rejectUnstorableText';

jest.setTimeout(60_000);

const service = mockCredentials.service.header();
const jane = mockCredentials.user.header('user:default/jane');
const api = '/api/golden-path';
const at = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

const ticket = (overrides: Record<string, unknown> = {}) => ({
  id: 'T-1',
  title: 'VPN access',
  status: 'open',
  createdAt: at(-2),
  updatedAt: at(-1),
  ...overrides,
});

async function backend() {
  return (
    await startGoldenPathBackend({
      entities: [
        ...sampleCatalog,
        group('payments'),
        user('jane', ['payments']),
      ],
    })
  ).server;
}

const messageOf = (response: request.Response) =>
  response.body?.error?.message as string;

describe('hostile input', () => {
  it('finds NUL characters and unpaired surrogates however deep a body nests them', () => {
    const deep = (text: string) =>
      JSON.parse(`${'['.repeat(100_000)}"${text}"${']'.repeat(100_000)}`);
    expect(holdsUnstorableText(deep('a\\u0000'))).toBe(true);
    expect(holdsUnstorableText(deep('\\ud800'))).toBe(true);
    expect(holdsUnstorableText({ 'a\udfff': 1 })).toBe(true);
    expect(holdsUnstorableText({ a: ['b', { c: '😀 é' }] })).toBe(false);
  });

  it('rejects NUL in the path, the query or the body, and unpaired surrogates in the body, which PostgreSQL cannot store', async () => {
    const server = await backend();
    const answers = [
      await request(server)
        .get(`${api}/surveys/abc%00`)
        .set('Authorization', jane),
      await request(server)
        .get(`${api}/exemptions`)
        .query({ entityRef: 'component:default/a\u0000' })
        .set('Authorization', jane),
      await request(server)
        .post(`${api}/tickets`)
        .set('Authorization', service)
        .send({ source: 'jira', tickets: [ticket({ title: 'a\u0000b' })] }),
      // As JSON text: a JavaScript string cannot be serialized with one.
      await request(server)
        .post(`${api}/tickets`)
        .set('Authorization', service)
        .set('Content-Type', 'application/json')
        .send(
          JSON.stringify({ source: 'jira', tickets: [ticket()] }).replace(
            '"T-1"',
            '"T-\\ud800"',
          ),
        ),
    ];
    const problem = 'must not contain NUL (\\u0000) or unpaired surrogates';
    expect(answers.map(r => r.status)).toEqual([400, 400, 400, 400]);
    expect(answers.map(messageOf)).toEqual([
      `Invalid request path: ${problem}`,
      `Invalid request query: ${problem}`,
      `Invalid request body: ${problem}`,
      `Invalid request body: ${problem}`,
    ]);
    const stored = await request(server)
      .post(`${api}/tickets`)
      .set('Authorization', service)
      .send({ source: 'jira', tickets: [ticket()] });
    expect(stored.body).toMatchObject({ inserted: 1 });
  });

  it('takes no inherited property of the declared fields for a pushed fact', async () => {
    const { server } = await startGoldenPathBackend({
      entities: sampleCatalog,
      config: {
        factSources: [
          {
            id: 'ci',
            fields: { tier: { type: 'string', values: ['critical'] } },
          },
        ],
      },
    });
    const response = await request(server)
      .post(`${api}/facts/ci`)
      .set('Authorization', service)
      .send({
        items: [
          {
            entityRef: 'component:default/payments-api',
            facts: { constructor: 'x' },
          },
        ],
      });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(
      "Invalid facts: items.0.facts.constructor: not a declared field of 'ci' (declared: tier)",
    );
  });

  it('names a malformed group ref of a campaign audience', async () => {
    const server = await backend();
    const response = await request(server)
      .post(`${api}/surveys`)
      .set('Authorization', service)
      .send({
        title: 'Q1',
        questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }],
        audience: { type: 'groups', groups: ['component:default/'] },
        opensAt: at(0),
        closesAt: at(10),
        anonymous: true,
      });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toContain(
      "'component:default/' is not an entity ref",
    );
  });

  it('rejects webhook bodies whose lists are not lists, and survives deeply nested values', async () => {
    const server = await backend();
    const post = (path: string, body: string, event?: string) => {
      const req = request(server)
        .post(`${api}${path}`)
        .set('Authorization', service)
        .set('Content-Type', 'application/json');
      if (event) req.set('X-GitHub-Event', event);
      return req.send(body);
    };
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const jira = await post(
      '/tickets/webhooks/jira',
      JSON.stringify({
        webhookEvent: 'jira:issue_created',
        issue: {
          key: 'J-1',
          fields: { components: 'payments-api', created: at(-1) },
        },
      }),
    );
    const github = await post(
      '/tickets/webhooks/github',
      JSON.stringify({
        repository: { full_name: 'example/platform' },
        issue: { number: 1, labels: 'bug', created_at: at(-1) },
      }),
      'issues',
    );
    const deepEvent = await post(
      '/tickets/webhooks/jira',
      `{"webhookEvent":${deep}}`,
    );
    const deepIssueType = await post(
      '/tickets/webhooks/jira',
      `{"webhookEvent":"jira:issue_created","issue":{"key":"J-1","fields":{"issuetype":{"name":${deep}}}}}`,
    );
    const deepRepository = await post(
      '/tickets/webhooks/github',
      `{"repository":{"full_name":${deep}},"issue":{"number":1,"labels":[]}}`,
      'issues',
    );
    const deepState = await post(
      '/deployments/webhooks/github',
      `{"deployment_status":{"state":${deep}}}`,
      'deployment_status',
    );
    expect(
      [jira, github, deepEvent, deepIssueType, deepRepository, deepState].map(
        r => r.status,
      ),
    ).toEqual([400, 400, 202, 400, 400, 202]);
    expect(messageOf(jira)).toContain('components');
    expect(messageOf(github)).toContain('labels');
  });

  it('rejects an imported usage event whose user ref is longer than what is stored', async () => {
    const server = await backend();
    const response = await request(server)
      .post(`${api}/usage/import`)
      .set('Authorization', service)
      .send({
        events: [
          {
            id: 'e-1',
            userRef: `user:default/${'x'.repeat(300)}`,
            action: 'navigate',
            subject: '/catalog',
            at: at(0),
          },
        ],
      });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toContain('userRef');
  });

  it('rejects body times whose offset JavaScript cannot read (+25:00)', async () => {
    const server = await backend();
    const bad = '2026-12-01T00:00:00+25:00';
    const answers = [
      await request(server)
        .post(`${api}/tickets`)
        .set('Authorization', service)
        .send({ source: 'jira', tickets: [ticket({ updatedAt: bad })] }),
      await request(server)
        .post(`${api}/surveys`)
        .set('Authorization', service)
        .send({
          title: 'Q1',
          questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }],
          audience: { type: 'all' },
          opensAt: bad,
          closesAt: at(10),
          anonymous: true,
        }),
    ];
    expect(answers.map(r => r.status)).toEqual([400, 400]);
    expect(answers.map(messageOf)).toEqual([
      expect.stringContaining('updatedAt: must be an ISO 8601 date-time'),
      'Invalid campaign: opensAt: must be an ISO 8601 date-time',
    ]);
  });

  it('rejects query times JavaScript cannot hold or too far apart to compute', async () => {
    const server = await backend();
    const get = (path: string, query: Record<string, string>) =>
      request(server)
        .get(`${api}${path}`)
        .query(query)
        .set('Authorization', jane);
    const answers = [
      await get('/metrics', { to: '2026-12-31T23:59:60Z' }),
      await get('/metrics', { from: '0001-01-01T00:00:00Z' }),
      await get('/metrics', { from: '1980-01-01T00:00:00Z' }),
      await get('/tickets/figures', { to: '2026-12-31T23:59:60Z' }),
      await get('/templates', { from: '2026-12-31T23:59:60Z' }),
      await get('/usage/features', { to: '2026-12-31T23:59:60Z' }),
    ];
    expect(answers.map(r => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(messageOf(answers[2])).toBe(
      'Invalid query: from: the period may span at most 520 weeks',
    );
    expect((await get('/metrics', { from: at(-364) })).status).toBe(200);
  });
});
