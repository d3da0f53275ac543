import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GoldenPathClient } from './GoldenPathClient';

const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://localhost:7007/api/golden-path';
const client = new GoldenPathClient({
  discoveryApi: { getBaseUrl: async () => baseUrl },
  fetchApi: { fetch: (input, init) => fetch(input, init) },
});

describe('GoldenPathClient', () => {
  it('fetches one entity from the backend path for it', async () => {
    server.use(
      http.get(`${baseUrl}/entities/Component/default/payments-api`, () =>
        HttpResponse.json({
          entityRef: 'component:default/payments-api',
          status: 'pending',
          provenance: null,
          evaluatedAt: null,
        }),
      ),
    );
    await expect(
      client.getEntityResults({
        kind: 'Component',
        namespace: 'default',
        name: 'payments-api',
      }),
    ).resolves.toMatchObject({ status: 'pending' });
  });

  it('turns an error response into a ResponseError carrying the backend message', async () => {
    server.use(
      http.get(`${baseUrl}/entities/Component/default/gone`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: "No entity 'component:default/gone' in the catalog",
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(
      client.getEntityResults({
        kind: 'Component',
        namespace: 'default',
        name: 'gone',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      body: {
        error: { message: "No entity 'component:default/gone' in the catalog" },
      },
    });
  });

  it('refreshes with a POST to the refresh path', async () => {
    server.use(
      http.post(
        `${baseUrl}/entities/component/default/payments-api/refresh`,
        () => HttpResponse.json({ status: 'recorded', score: 100 }),
      ),
    );
    await expect(
      client.refreshEntity({
        kind: 'component',
        namespace: 'default',
        name: 'payments-api',
      }),
    ).resolves.toMatchObject({ score: 100 });
  });

  it('asks for history with the range as query parameters', async () => {
    let url = '';
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/payments-api/history`,
        ({ request }) => {
          url = request.url;
          return HttpResponse.json({ points: [] });
        },
      ),
    );
    await client.getEntityHistory(
      { kind: 'component', namespace: 'default', name: 'payments-api' },
      { from: '2026-09-01' },
    );
    expect(new URL(url).search).toBe('?from=2026-09-01');
  });

  it('reads a group rollup by namespace and name', async () => {
    server.use(
      http.get(`${baseUrl}/groups/default/payments`, () =>
        HttpResponse.json({ groupRef: 'group:default/payments' }),
      ),
    );
    await expect(
      client.getGroupRollup({
        kind: 'group',
        namespace: 'default',
        name: 'payments',
      }),
    ).resolves.toEqual({ groupRef: 'group:default/payments' });
  });
  const template = {
    kind: 'Template',
    namespace: 'default',
    name: 'node service',
  };

  it('reads template figures by encoded namespace and name, with the range', async () => {
    let url = '';
    server.use(
      http.get(
        `${baseUrl}/templates/default/node%20service/figures`,
        ({ request }) => {
          url = request.url;
          return HttpResponse.json({ source: { state: 'never-read' } });
        },
      ),
    );
    await expect(
      client.getTemplateFigures(template, {
        from: '2026-08-26T00:00:00.000Z',
      }),
    ).resolves.toMatchObject({ source: { state: 'never-read' } });
    expect(new URL(url).searchParams.get('from')).toBe(
      '2026-08-26T00:00:00.000Z',
    );
    expect(new URL(url).searchParams.has('to')).toBe(false);
  });

  it('asks for template runs with only the filters and page given', async () => {
    let url = '';
    server.use(
      http.get(
        `${baseUrl}/templates/default/node%20service/runs`,
        ({ request }) => {
          url = request.url;
          return HttpResponse.json({ items: [], totalItems: 0 });
        },
      ),
    );
    await client.getTemplateRuns(template, {
      user: 'user:default/ada',
      status: 'failed',
      limit: 25,
      offset: 50,
    });
    expect(Object.fromEntries(new URL(url).searchParams)).toEqual({
      user: 'user:default/ada',
      status: 'failed',
      limit: '25',
      offset: '50',
    });
  });

  it('reads the entities created from a template', async () => {
    server.use(
      http.get(`${baseUrl}/templates/default/node%20service/entities`, () =>
        HttpResponse.json({ templateRef: 'template:default/node service' }),
      ),
    );
    await expect(client.getTemplateEntities(template)).resolves.toEqual({
      templateRef: 'template:default/node service',
    });
  });

  it('rejects a template request the backend forbids with its 403', async () => {
    server.use(
      http.get(`${baseUrl}/templates/default/node%20service/runs`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Forbidden' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.getTemplateRuns(template)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      cause: { name: 'NotAllowedError' },
    });
  });

  it('reads the configured golden paths', async () => {
    server.use(
      http.get(`${baseUrl}/paths`, () =>
        HttpResponse.json({ paths: [], computedAt: null }),
      ),
    );
    await expect(client.getPaths()).resolves.toEqual({
      paths: [],
      computedAt: null,
    });
  });

  describe('surveys', () => {
    const input = {
      title: 'Developer experience, Q4',
      questions: [{ id: 'nps', type: 'nps' as const, text: 'Recommend?' }],
      audience: { type: 'all' as const },
      opensAt: '2026-11-01T00:00:00.000Z',
      closesAt: '2026-11-15T00:00:00.000Z',
      anonymous: true,
    };

    it('creates a campaign by posting it as JSON', async () => {
      let sent: { body?: unknown; type?: string | null } = {};
      server.use(
        http.post(`${baseUrl}/surveys`, async ({ request }) => {
          sent = {
            body: await request.json(),
            type: request.headers.get('content-type'),
          };
          return HttpResponse.json({ id: 'c1', ...input }, { status: 201 });
        }),
      );
      await expect(client.createSurveyCampaign(input)).resolves.toMatchObject({
        id: 'c1',
      });
      expect(sent).toEqual({ body: input, type: 'application/json' });
    });

    it('replaces, closes and deletes a campaign by its encoded id', async () => {
      const calls: string[] = [];
      server.use(
        http.put(`${baseUrl}/surveys/q4%2F2026`, () => {
          calls.push('put');
          return HttpResponse.json({ id: 'q4/2026' });
        }),
        http.post(`${baseUrl}/surveys/q4%2F2026/close`, () => {
          calls.push('close');
          return HttpResponse.json({ id: 'q4/2026', state: 'closed' });
        }),
        http.delete(`${baseUrl}/surveys/q4%2F2026`, () => {
          calls.push('delete');
          return new HttpResponse(null, { status: 204 });
        }),
      );
      await client.updateSurveyCampaign('q4/2026', input);
      await expect(client.closeSurveyCampaign('q4/2026')).resolves.toEqual({
        id: 'q4/2026',
        state: 'closed',
      });
      await expect(
        client.deleteSurveyCampaign('q4/2026'),
      ).resolves.toBeUndefined();
      expect(calls).toEqual(['put', 'close', 'delete']);
    });

    it('turns an edit refused after responses into a ResponseError with the reason', async () => {
      server.use(
        http.put(`${baseUrl}/surveys/c1`, () =>
          HttpResponse.json(
            {
              error: {
                name: 'ConflictError',
                message:
                  "Survey campaign 'c1' has 3 responses: its questions can no longer change",
              },
              response: { statusCode: 409 },
            },
            { status: 409 },
          ),
        ),
      );
      await expect(
        client.updateSurveyCampaign('c1', input),
      ).rejects.toMatchObject({
        statusCode: 409,
        cause: { name: 'ConflictError' },
      });
    });

    it('reads the prompt, and posts answers and dismissals for it', async () => {
      let answers: unknown;
      let dismissed = false;
      server.use(
        http.get(`${baseUrl}/surveys/prompt`, () => HttpResponse.json({})),
        http.post(`${baseUrl}/surveys/c1/responses`, async ({ request }) => {
          answers = await request.json();
          return HttpResponse.json({ replaced: false }, { status: 201 });
        }),
        http.post(`${baseUrl}/surveys/c1/dismissal`, () => {
          dismissed = true;
          return new HttpResponse(null, { status: 204 });
        }),
      );
      await expect(client.getSurveyPrompt()).resolves.toEqual({});
      await expect(
        client.answerSurveyCampaign('c1', { nps: 9, why: 'Fast' }),
      ).resolves.toEqual({ replaced: false });
      expect(answers).toEqual({ answers: { nps: 9, why: 'Fast' } });
      await client.dismissSurveyCampaign('c1');
      expect(dismissed).toBe(true);
    });

    it('asks for a page of comments and the trend of a group', async () => {
      const urls: string[] = [];
      server.use(
        http.get(`${baseUrl}/surveys/c1/comments`, ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json({ items: [], totalItems: 0 });
        }),
        http.get(`${baseUrl}/surveys/trend`, ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json({ quarters: [], campaigns: [] });
        }),
      );
      await client.getSurveyComments('c1', { limit: 20, offset: 40 });
      await client.getSurveyTrend({ group: 'group:default/payments' });
      await client.getSurveyTrend();
      expect(urls.map(url => new URL(url).search)).toEqual([
        '?limit=20&offset=40',
        '?group=group%3Adefault%2Fpayments',
        '',
      ]);
    });

    it('exports a results table as the CSV text', async () => {
      server.use(
        http.get(`${baseUrl}/surveys/c1/export`, ({ request }) =>
          new URL(request.url).searchParams.get('table') === 'teams'
            ? new HttpResponse('team,responses\nunassigned,12\n', {
                headers: { 'Content-Type': 'text/csv' },
              })
            : new HttpResponse(null, { status: 404 }),
        ),
      );
      await expect(client.exportSurveyResults('c1', 'teams')).resolves.toBe(
        'team,responses\nunassigned,12\n',
      );
    });

    it('rates a path and dismisses a rating by task id', async () => {
      let rating: unknown;
      let dismissedTask = '';
      server.use(
        http.post(`${baseUrl}/ratings`, async ({ request }) => {
          rating = await request.json();
          return HttpResponse.json({ replaced: true }, { status: 201 });
        }),
        http.post(`${baseUrl}/ratings/:taskId/dismissal`, ({ params }) => {
          dismissedTask = String(params.taskId);
          return new HttpResponse(null, { status: 204 });
        }),
        http.get(`${baseUrl}/ratings`, () =>
          HttpResponse.json({ minGroupSize: 5, paths: [] }),
        ),
      );
      await expect(
        client.ratePath({ taskId: 't-1', rating: 4, comment: 'Smooth' }),
      ).resolves.toEqual({ replaced: true });
      expect(rating).toEqual({ taskId: 't-1', rating: 4, comment: 'Smooth' });
      await client.dismissPathRating('t-1');
      expect(dismissedTask).toBe('t-1');
      await expect(client.getPathRatings()).resolves.toMatchObject({
        minGroupSize: 5,
      });
    });
  });

  describe('tickets', () => {
    const query = {
      from: '2026-09-01T00:00:00.000Z',
      group: 'group:default/payments',
      path: 'node-service',
    };

    it('asks for figures and exports with only the filters given', async () => {
      const urls: string[] = [];
      server.use(
        http.get(`${baseUrl}/tickets/figures`, ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json({ weeks: [] });
        }),
        http.get(`${baseUrl}/tickets/export`, ({ request }) => {
          urls.push(request.url);
          return new HttpResponse('week,opened\n', {
            headers: { 'Content-Type': 'text/csv' },
          });
        }),
      );
      await client.getTicketFigures(query);
      await expect(client.exportTicketFigures('labels', query)).resolves.toBe(
        'week,opened\n',
      );
      await client.getTicketFigures();
      expect(
        urls.map(url => Object.fromEntries(new URL(url).searchParams)),
      ).toEqual([query, { ...query, table: 'labels' }, {}]);
    });

    it('previews an import by sending the file as text/csv', async () => {
      let sent: { search?: string; type?: string | null; body?: string } = {};
      server.use(
        http.post(`${baseUrl}/tickets/import`, async ({ request }) => {
          sent = {
            search: new URL(request.url).search,
            type: request.headers.get('content-type'),
            body: await request.text(),
          };
          return HttpResponse.json({
            dryRun: true,
            rows: 1,
            errors: [],
            preview: [],
          });
        }),
      );
      await expect(
        client.importTickets('id,status\nT-1,open\n', {
          source: 'jira',
          dryRun: true,
        }),
      ).resolves.toMatchObject({ dryRun: true, rows: 1 });
      expect(sent).toEqual({
        search: '?source=jira&dryRun=true',
        type: 'text/csv',
        body: 'id,status\nT-1,open\n',
      });
    });

    it('returns the row errors of a file the backend rejects', async () => {
      const errors = [{ line: 3, field: 'status', message: 'is not a status' }];
      server.use(
        http.post(`${baseUrl}/tickets/import`, () =>
          HttpResponse.json(
            {
              error: { name: 'InputError', message: 'Invalid CSV' },
              dryRun: false,
              rows: 2,
              errors,
              preview: [],
            },
            { status: 400 },
          ),
        ),
      );
      await expect(
        client.importTickets('id,status\n', { dryRun: false }),
      ).resolves.toMatchObject({ rows: 2, errors });
    });

    it('rejects an import refused for another reason', async () => {
      server.use(
        http.post(`${baseUrl}/tickets/import`, () =>
          HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message: 'Invalid query: source: Invalid',
              },
              response: { statusCode: 400 },
            },
            { status: 400 },
          ),
        ),
      );
      await expect(
        client.importTickets('id,status\n', { source: 'BAD', dryRun: true }),
      ).rejects.toMatchObject({
        name: 'ResponseError',
        cause: { message: 'Invalid query: source: Invalid' },
      });
    });
  });

  describe('platform metrics', () => {
    it('asks for the metrics with the filters given, and per team and feature usage without the path', async () => {
      const urls: string[] = [];
      const record =
        (body: object) =>
        ({ request }: { request: Request }) => {
          urls.push(request.url);
          return HttpResponse.json(body);
        };
      server.use(
        http.get(`${baseUrl}/metrics`, record({ metrics: [] })),
        http.get(`${baseUrl}/metrics/teams`, record({ teams: [] })),
        http.get(`${baseUrl}/usage/features`, record({ features: [] })),
      );
      const period = {
        from: '2026-09-01T00:00:00.000Z',
        group: 'group:default/payments',
      };
      const query = { ...period, path: 'node-service' };
      await expect(client.getPlatformMetrics(query)).resolves.toEqual({
        metrics: [],
      });
      await expect(client.getTeamMetrics(query)).resolves.toEqual({
        teams: [],
      });
      await expect(client.getFeatureUsage(query)).resolves.toEqual({
        features: [],
      });
      await client.getPlatformMetrics();
      expect(
        urls.map(url => {
          const { pathname, searchParams } = new URL(url);
          return [pathname, Object.fromEntries(searchParams)];
        }),
      ).toEqual([
        ['/api/golden-path/metrics', query],
        ['/api/golden-path/metrics/teams', period],
        ['/api/golden-path/usage/features', period],
        ['/api/golden-path/metrics', {}],
      ]);
    });

    it('rejects metrics the backend refuses with its reason', async () => {
      server.use(
        http.get(`${baseUrl}/metrics`, () =>
          HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message: 'Invalid query: from: must be an ISO 8601 date-time',
              },
              response: { statusCode: 400 },
            },
            { status: 400 },
          ),
        ),
      );
      await expect(
        client.getPlatformMetrics({ from: 'yesterday' }),
      ).rejects.toMatchObject({
        statusCode: 400,
        cause: {
          message: 'Invalid query: from: must be an ISO 8601 date-time',
        },
      });
    });
  });
});
