import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  group,
  startGoldenPathBackend,
  user,
} from '../__testUtils__/startGoldenPathBackend';
import { FakeScaffolder } from '../__testUtils__/FakeScaffolder';
import { TemplateRunTask } from '../scheduler/TemplateRunTask';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const ADMIN = 'user:default/admin';
const entities = [
  group('engineering', { children: ['payments', 'search'] }),
  group('payments', { parent: 'engineering' }),
  group('search', { parent: 'engineering' }),
  group('sales'),
  user('admin', ['platform']),
  ...Array.from({ length: 6 }, (_, i) => user(`pay${i}`, ['payments'])),
  ...Array.from({ length: 2 }, (_, i) => user(`search${i}`, ['search'])),
  user('seller', ['sales']),
];

const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);
const adminOnly = (permission: string, credentials: any) =>
  permission !== 'golden-path.survey.manage' &&
  permission !== 'golden-path.survey.comments.read'
    ? true
    : credentials.principal?.type === 'service' ||
      credentials.principal?.userEntityRef === ADMIN;

const campaign = (overrides: Record<string, unknown> = {}) => ({
  title: 'Q4 developer survey',
  description: 'Ten seconds: how is the platform treating you?',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      text: 'How likely are you to recommend the platform?',
    },
    { id: 'why', type: 'text', text: 'What should we fix first?' },
    {
      id: 'node',
      type: 'path-rating',
      text: 'How good is the Node.js golden path?',
      pathId: 'node-service',
    },
  ],
  audience: { type: 'groups', groups: ['group:default/engineering'] },
  opensAt: new Date(Date.now() - 3600_000).toISOString(),
  closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
  anonymous: true,
  ...overrides,
});

async function withCampaign(overrides: Record<string, unknown> = {}) {
  const backend = await startGoldenPathBackend({ entities, allow: adminOnly });
  const created = await request(backend.server)
    .post('/api/golden-path/surveys')
    .set('Authorization', as('admin'))
    .send(campaign(overrides));
  expect(created.status).toBe(201);
  return { ...backend, id: created.body.id as string };
}

describe('surveys API', () => {
  it('lets only admins create campaigns, and names what is wrong with one', async () => {
    const { server } = await startGoldenPathBackend({
      entities,
      allow: adminOnly,
    });
    const denied = await request(server)
      .post('/api/golden-path/surveys')
      .set('Authorization', as('pay0'))
      .send(campaign());
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('golden-path.survey.manage');

    const noNps = await request(server)
      .post('/api/golden-path/surveys')
      .set('Authorization', as('admin'))
      .send(
        campaign({ questions: [{ id: 'why', type: 'text', text: 'Why?' }] }),
      );
    expect(noNps.status).toBe(400);
    expect(noNps.body.error.message).toBe(
      'Invalid campaign: questions: must hold exactly one nps question, found 0',
    );

    const unknownPath = await request(server)
      .post('/api/golden-path/surveys')
      .set('Authorization', as('admin'))
      .send(
        campaign({
          questions: [
            { id: 'nps', type: 'nps', text: '?' },
            { id: 'x', type: 'path-rating', text: '?', pathId: 'cobol' },
          ],
        }),
      );
    expect(unknownPath.status).toBe(400);
    expect(unknownPath.body.error.message).toContain(
      "questions.1.pathId: unknown golden path 'cobol'",
    );

    const backwards = await request(server)
      .post('/api/golden-path/surveys')
      .set('Authorization', as('admin'))
      .send(campaign({ closesAt: '2020-01-01T00:00:00Z' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe(
      'Invalid campaign: closesAt: must be after opensAt',
    );

    const unauthenticated = await request(server)
      .get('/api/golden-path/surveys')
      .set('Authorization', mockCredentials.none.header());
    expect(unauthenticated.status).toBe(401);

    const list = await request(server)
      .get('/api/golden-path/surveys')
      .set('Authorization', as('pay0'));
    expect(list.body.items).toEqual([]);
  });

  it('prompts the audience once, takes one answer per user from their credentials, and forgets nobody', async () => {
    const { server, id } = await withCampaign();

    const prompt = await request(server)
      .get('/api/golden-path/surveys/prompt')
      .set('Authorization', as('pay0'));
    expect(prompt.body.prompt).toMatchObject({
      kind: 'campaign',
      campaign: { id, title: 'Q4 developer survey', anonymous: true },
    });
    // Outside the audience: no prompt, and no answer.
    const seller = await request(server)
      .get('/api/golden-path/surveys/prompt')
      .set('Authorization', as('seller'));
    expect(seller.body).toEqual({});
    const refused = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('seller'))
      .send({ answers: { nps: 10 } });
    expect(refused.status).toBe(403);

    const first = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('pay0'))
      .send({ answers: { nps: 2, why: 'Builds take 40 minutes', node: 2 } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ replaced: false });
    const again = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('pay0'))
      .send({ answers: { nps: 9 } });
    expect(again.body).toEqual({ replaced: true });

    const answered = await request(server)
      .get('/api/golden-path/surveys/prompt')
      .set('Authorization', as('pay0'));
    expect(answered.body).toEqual({});

    // A body cannot say who answers.
    const spoof = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('pay1'))
      .send({ answers: { nps: 0 }, user: 'user:default/pay0' });
    expect(spoof.status).toBe(400);
    expect(spoof.body.error.message).toContain(
      "Unrecognized key(s) in object: 'user'",
    );

    const badScore = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('pay1'))
      .send({ answers: { nps: 11 } });
    expect(badScore.status).toBe(400);
    expect(badScore.body.error.message).toBe(
      'Invalid response: answers.nps: must be a whole number from 0 to 10',
    );
    const missing = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('pay1'))
      .send({ answers: { why: 'no score' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('answers.nps: is required');

    const results = await request(server)
      .get(`/api/golden-path/surveys/${id}/results`)
      .set('Authorization', as('pay1'));
    expect(results.body.overall).toEqual({ responses: 1, suppressed: true });
    expect(results.body.audienceSize).toBe(8);
  });

  it('withholds teams below the minimum group size, and shows the rest with NPS', async () => {
    const { server, id } = await withCampaign();
    const answers = [10, 10, 9, 8, 3, 10];
    await Promise.all(
      answers.map((nps, i) =>
        request(server)
          .post(`/api/golden-path/surveys/${id}/responses`)
          .set('Authorization', as(`pay${i}`))
          .send({
            answers: { nps, ...(i === 4 ? { why: 'Flaky deploys' } : {}) },
          })
          .expect(201),
      ),
    );
    await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('search0'))
      .send({ answers: { nps: 0, why: 'Nobody answers tickets' } })
      .expect(201);

    const results = await request(server)
      .get(`/api/golden-path/surveys/${id}/results`)
      .set('Authorization', as('pay0'));
    expect(results.status).toBe(200);
    // 4 promoters, 1 passive, 2 detractors of 7.
    expect(results.body.overall.nps).toEqual({
      responses: 7,
      promoters: 4,
      passives: 1,
      detractors: 2,
      score: expect.closeTo(200 / 7),
    });
    expect(results.body.responseRate).toBeCloseTo(7 / 8);
    // search has 1 response: withheld; payments alone could then be
    // subtracted from the total... but search's one response is what the
    // subtraction would reveal, so payments is withheld too.
    expect(results.body.teams).toEqual([
      { team: 'group:default/payments', responses: 6, suppressed: true },
      { team: 'group:default/search', responses: 1, suppressed: true },
    ]);
    expect(results.body.comments).toEqual({ count: 2, readable: false });

    const comments = await request(server)
      .get(`/api/golden-path/surveys/${id}/comments`)
      .set('Authorization', as('pay0'));
    expect(comments.status).toBe(403);
    const adminComments = await request(server)
      .get(`/api/golden-path/surveys/${id}/comments`)
      .set('Authorization', as('admin'));
    expect(adminComments.body.totalItems).toBe(2);
    for (const item of adminComments.body.items) {
      // Anonymous: a quarter, never a day, user or withheld team.
      expect(item.when).toMatch(/^\d{4}-Q[1-4]$/);
      expect(item.userRef).toBeUndefined();
      expect(item.team).toBeUndefined();
    }

    const csv = await request(server)
      .get(`/api/golden-path/surveys/${id}/export?table=teams`)
      .set('Authorization', as('pay0'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe(
      'team,responses,nps,promoters,passives,detractors,suppressed',
    );
    expect(csv.text).toContain('group:default/payments,6,,,,,true');
  });

  it('never lets one group be subtracted from another to read a withheld team', async () => {
    const { server } = await startGoldenPathBackend({
      entities,
      allow: adminOnly,
    });
    const created = await request(server)
      .post('/api/golden-path/surveys')
      .set('Authorization', as('admin'))
      .send(campaign({ audience: { type: 'all' } }));
    const id = created.body.id;
    // payments 6 answers, sales 5, search 1: search is withheld, and sales
    // with it, so that the total minus payments cannot be read either.
    const answers = [
      ...[10, 10, 9, 8, 3, 10].map(nps => ['payments', nps] as const),
      ...[9, 9, 9, 9, 9].map(nps => ['sales', nps] as const),
      ['search', 0] as const,
    ];
    await request(server)
      .post(`/api/golden-path/surveys/${id}/responses/import`)
      .set('Authorization', as('admin'))
      .send({
        responses: answers.map(([team, nps], i) => ({
          id: `row-${i}`,
          submittedAt: new Date(Date.now() - 60_000).toISOString(),
          team,
          answers: { nps },
        })),
      })
      .expect(200);
    const results = await request(server)
      .get(`/api/golden-path/surveys/${id}/results`)
      .set('Authorization', as('pay0'));
    expect(results.body.teams.map((t: any) => [t.team, t.suppressed])).toEqual([
      ['group:default/payments', false],
      ['group:default/sales', true],
      ['group:default/search', true],
    ]);
    const payments = results.body.teams[0].nps;

    // engineering is payments and search: its figure counts payments only,
    // so engineering minus payments reveals nothing of search.
    const trend = async (groupRef: string) => {
      const res = await request(server)
        .get('/api/golden-path/surveys/trend')
        .query({ group: groupRef })
        .set('Authorization', as('pay0'));
      expect(res.status).toBe(200);
      return res.body.campaigns.find((c: any) => c.id === id);
    };
    expect(await trend('group:default/engineering')).toMatchObject({
      responses: 6,
      suppressed: false,
      nps: payments,
    });
    expect(await trend('group:default/search')).toMatchObject({
      responses: 0,
    });
    expect((await trend('group:default/search')).nps).toBeUndefined();

    const metrics = await request(server)
      .get('/api/golden-path/metrics')
      .query({ group: 'group:default/engineering' })
      .set('Authorization', as('pay0'));
    const nps = metrics.body.metrics.find((m: any) => m.id === 'developerNps');
    expect(nps.value).toBeCloseTo(payments.score);
    expect(nps.population.count).toBe(6);
  });

  it('stores no user for an anonymous answer, only a keyed hash that differs per campaign', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startGoldenPathBackend({
      entities,
      allow: adminOnly,
      knex,
    });
    const ids: string[] = [];
    for (const title of ['Q3', 'Q4']) {
      const created = await request(server)
        .post('/api/golden-path/surveys')
        .set('Authorization', as('admin'))
        .send(campaign({ title }));
      ids.push(created.body.id);
      await request(server)
        .post(`/api/golden-path/surveys/${created.body.id}/responses`)
        .set('Authorization', as('pay0'))
        .send({ answers: { nps: 9, why: 'Fast builds' } })
        .expect(201);
    }
    const rows = await knex('golden_path_survey_responses').select();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.user_ref).toBeNull();
      expect(row.respondent_key).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain('pay0');
    }
    expect(rows[0].respondent_key).not.toBe(rows[1].respondent_key);
  });

  it('keeps identified answers with their user, and lets admins edit, close and delete, audited', async () => {
    const { server, id, auditedEvents, audits } = await withCampaign({
      anonymous: false,
    });
    for (const denied of [
      request(server).put(`/api/golden-path/surveys/${id}`).send(campaign()),
      request(server).post(`/api/golden-path/surveys/${id}/close`),
      request(server).delete(`/api/golden-path/surveys/${id}`),
    ]) {
      const res = await denied.set('Authorization', as('pay0'));
      expect(res.status).toBe(403);
    }
    await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('pay0'))
      .send({ answers: { nps: 7, why: 'Docs are thin' } })
      .expect(201);
    const comments = await request(server)
      .get(`/api/golden-path/surveys/${id}/comments`)
      .set('Authorization', as('admin'));
    expect(comments.body.items).toEqual([
      {
        text: 'Docs are thin',
        nps: 7,
        team: 'group:default/payments',
        userRef: 'user:default/pay0',
        when: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);

    const changedQuestions = await request(server)
      .put(`/api/golden-path/surveys/${id}`)
      .set('Authorization', as('admin'))
      .send(
        campaign({
          anonymous: false,
          questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }],
        }),
      );
    expect(changedQuestions.status).toBe(409);
    const retitled = await request(server)
      .put(`/api/golden-path/surveys/${id}`)
      .set('Authorization', as('admin'))
      .send(campaign({ anonymous: false, title: 'Q4 survey (extended)' }));
    expect(retitled.status).toBe(200);
    expect(retitled.body.title).toBe('Q4 survey (extended)');

    const closed = await request(server)
      .post(`/api/golden-path/surveys/${id}/close`)
      .set('Authorization', as('admin'));
    expect(closed.body.state).toBe('closed');
    const late = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', as('pay1'))
      .send({ answers: { nps: 10 } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('is closed: it takes no answers');

    const notAdmin = await request(server)
      .delete(`/api/golden-path/surveys/${id}`)
      .set('Authorization', as('pay0'));
    expect(notAdmin.status).toBe(403);
    await request(server)
      .delete(`/api/golden-path/surveys/${id}`)
      .set('Authorization', as('admin'))
      .expect(204);
    const gone = await request(server)
      .get(`/api/golden-path/surveys/${id}`)
      .set('Authorization', as('admin'));
    expect(gone.status).toBe(404);
    // Every change by an admin is audited, the refused edit as a failure;
    // the callers refused a permission changed nothing.
    expect(auditedEvents()).toEqual([
      'survey-create',
      'survey-update',
      'survey-update',
      'survey-close',
      'survey-delete',
    ]);
    expect(audits.fail).toHaveBeenCalledTimes(1);
    expect(audits.success).toHaveBeenCalledTimes(4);
  });

  it('remembers a dismissal on the server, and asks guests missing from the catalog too', async () => {
    const { server, id } = await withCampaign({ audience: { type: 'all' } });
    await request(server)
      .post(`/api/golden-path/surveys/${id}/dismissal`)
      .set('Authorization', as('pay0'))
      .expect(204);
    const after = await request(server)
      .get('/api/golden-path/surveys/prompt')
      .set('Authorization', as('pay0'));
    expect(after.body).toEqual({});

    const guest = mockCredentials.user.header('user:development/guest');
    const prompt = await request(server)
      .get('/api/golden-path/surveys/prompt')
      .set('Authorization', guest);
    expect(prompt.body.prompt.campaign.id).toBe(id);
    await request(server)
      .post(`/api/golden-path/surveys/${id}/responses`)
      .set('Authorization', guest)
      .send({ answers: { nps: 6 } })
      .expect(201);
    const trend = await request(server)
      .get('/api/golden-path/surveys/trend')
      .set('Authorization', as('admin'));
    expect(trend.body.campaigns[0]).toMatchObject({ id, responses: 1 });
  });

  it('asks a runner to rate the golden path of a template they just ran, once', async () => {
    const scaffolder = new FakeScaffolder();
    scaffolder.add({
      id: 'task-1',
      template: 'template:default/node-service',
      version: '1.2.0',
      user: 'user:default/pay0',
      createdAt: new Date(Date.now() - 10 * 60_000),
    });
    const { server, runTask } = await startGoldenPathBackend({
      entities,
      scaffolder,
    });
    await runTask(TemplateRunTask.id);

    const prompt = await request(server)
      .get('/api/golden-path/surveys/prompt')
      .set('Authorization', as('pay0'));
    expect(prompt.body.prompt).toMatchObject({
      kind: 'template-rating',
      run: {
        taskId: 'task-1',
        templateRef: 'template:default/node-service',
        templateVersion: '1.2.0',
        pathId: 'node-service',
      },
    });
    const someoneElse = await request(server)
      .post('/api/golden-path/ratings')
      .set('Authorization', as('pay1'))
      .send({ taskId: 'task-1', rating: 1 });
    expect(someoneElse.status).toBe(404);
    const outOfRange = await request(server)
      .post('/api/golden-path/ratings')
      .set('Authorization', as('pay0'))
      .send({ taskId: 'task-1', rating: 6 });
    expect(outOfRange.status).toBe(400);
    await request(server)
      .post('/api/golden-path/ratings')
      .set('Authorization', as('pay0'))
      .send({ taskId: 'task-1', rating: 4, comment: 'Smooth' })
      .expect(201);
    const after = await request(server)
      .get('/api/golden-path/surveys/prompt')
      .set('Authorization', as('pay0'));
    expect(after.body).toEqual({});

    const ratings = await request(server)
      .get('/api/golden-path/ratings')
      .set('Authorization', as('admin'));
    const node = ratings.body.paths.find(
      (p: any) => p.pathId === 'node-service',
    );
    // One rating is below the minimum group size: withheld.
    expect(node).toMatchObject({ ratings: 1, suppressed: true });
    expect(node.average).toBeUndefined();
  });

  it('imports answers collected elsewhere, replacing them on a re-import, within the window only', async () => {
    const { server, id } = await withCampaign({ anonymous: false });
    const rows = Array.from({ length: 6 }, (_, i) => ({
      id: `sheet-row-${i + 2}`,
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
      team: 'payments',
      answers: {
        nps: i < 4 ? 10 : 6,
        ...(i === 0 ? { why: 'Great docs' } : {}),
      },
    }));
    const notAdmin = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses/import`)
      .set('Authorization', as('pay0'))
      .send({ responses: rows });
    expect(notAdmin.status).toBe(403);
    const first = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses/import`)
      .set('Authorization', mockCredentials.service.header())
      .send({ responses: rows });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ inserted: 6, replaced: 0 });
    const again = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses/import`)
      .set('Authorization', as('admin'))
      .send({ responses: rows });
    expect(again.body).toEqual({ inserted: 0, replaced: 6 });

    const early = await request(server)
      .post(`/api/golden-path/surveys/${id}/responses/import`)
      .set('Authorization', as('admin'))
      .send({
        responses: [{ ...rows[0], submittedAt: '2020-01-01T00:00:00Z' }],
      });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe(
      "Invalid import: responses.0.submittedAt: 2020-01-01T00:00:00Z is outside the campaign's window",
    );

    const results = await request(server)
      .get(`/api/golden-path/surveys/${id}/results`)
      .set('Authorization', as('admin'));
    expect(results.body.teams).toEqual([
      expect.objectContaining({
        team: 'group:default/payments',
        responses: 6,
        suppressed: false,
        nps: expect.objectContaining({
          score: expect.closeTo((100 * (4 - 2)) / 6),
        }),
      }),
    ]);
    const comments = await request(server)
      .get(`/api/golden-path/surveys/${id}/comments`)
      .set('Authorization', as('admin'));
    // Imported answers carry no user, even in an identified campaign.
    expect(comments.body.items).toEqual([
      expect.not.objectContaining({ userRef: expect.anything() }),
    ]);
  });
});
