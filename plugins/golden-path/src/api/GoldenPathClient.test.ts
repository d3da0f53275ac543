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
});
