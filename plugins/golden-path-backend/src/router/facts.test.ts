import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { goldenPathPlugin } from '../plugin';
import { sampleCatalog } from '../__testUtils__/entities';
import { sampleSettings } from '../__testUtils__/settings';

// The node-service path, with a check on a pushed CI fact.
const paths = [
  {
    ...sampleSettings.paths[0],
    checks: [
      ...sampleSettings.paths[0].checks.filter(c => c.id !== 'coverage'),
      {
        id: 'tested',
        title: 'Test coverage at least 80 %',
        weight: 1,
        predicate: { 'facts.ci.scanPassed': true },
      },
    ],
  },
];

async function startBackend(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      goldenPathPlugin,
      catalogServiceMock.factory({ entities: sampleCatalog }),
      mockServices.rootConfig.factory({
        data: {
          goldenPath: { paths, factSources: sampleSettings.factSources },
        } as any,
      }),
      mockServices.scheduler.mock().factory,
      mockServices.permissions.factory({ result: permission }),
    ],
  });
  return server;
}

const push = (server: any, body: unknown, source = 'ci') =>
  request(server)
    .post(`/api/golden-path/facts/${source}`)
    .set('Authorization', mockCredentials.service.header())
    .send(body as object);

const item = (
  facts: Record<string, unknown>,
  entityRef = 'component:default/payments-api',
) => ({
  entityRef,
  facts,
});

async function testedVerdict(server: any) {
  const response = await request(server).get(
    '/api/golden-path/entities/component/default/payments-api',
  );
  return response.body.checks.find((c: any) => c.id === 'tested')?.verdict;
}

describe('facts pushed from outside', () => {
  it('stores a CI push and re-scores the entity with it at once', async () => {
    const server = await startBackend();
    await request(server).post(
      '/api/golden-path/entities/component/default/payments-api/refresh',
    );
    expect(await testedVerdict(server)).toBe('unknown');

    const response = await push(server, {
      items: [item({ coverage: 91.5, scanPassed: true, tier: 'critical' })],
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ source: 'ci', accepted: 1 });
    expect(await testedVerdict(server)).toBe('pass');

    await push(server, { items: [item({ scanPassed: false })] });
    expect(await testedVerdict(server)).toBe('fail');
  });

  it('is idempotent: replaying the same push changes nothing', async () => {
    const server = await startBackend();
    const body = {
      items: [
        item({ scanPassed: true }),
        item({ scanPassed: false }, 'component:default/search-indexer'),
      ],
    };
    expect((await push(server, body)).body.accepted).toBe(2);
    expect((await push(server, body)).body.accepted).toBe(2);
    expect(await testedVerdict(server)).toBe('pass');
  });

  it.each([
    [
      'an undeclared field',
      { items: [item({ covrage: 80 })] },
      "items.0.facts.covrage: not a declared field of 'ci' (declared: coverage, scanPassed, tier)",
    ],
    [
      'a value of the wrong type',
      { items: [item({ coverage: '80' })] },
      'items.0.facts.coverage: must be a number',
    ],
    [
      'a value out of range',
      { items: [item({ coverage: 140 })] },
      'items.0.facts.coverage: must be at most 100',
    ],
    [
      'a value outside its set',
      { items: [item({ tier: 'gold' })] },
      'items.0.facts.tier: must be one of critical, standard',
    ],
    [
      'a malformed entity ref',
      { items: [item({}, 'component:')] },
      "items.0.entityRef: 'component:' is not an entity ref",
    ],
    [
      'an entity not in the catalog',
      {
        items: [
          item({ scanPassed: true }),
          item({}, 'component:default/ghost'),
        ],
      },
      "items.1.entityRef: 'component:default/ghost' is not in the catalog",
    ],
    [
      'an entity twice',
      { items: [item({}), item({})] },
      "items.1.entityRef: 'component:default/payments-api' appears twice",
    ],
    [
      'no items',
      { items: [] },
      'request/body/items must NOT have fewer than 1 items',
    ],
    [
      'an unexpected top-level key',
      { items: [item({})], source: 'x' },
      'Unrecognized key',
    ],
  ])(
    'rejects %s with 400 naming it, and writes nothing',
    async (_title, body, message) => {
      const server = await startBackend();

      const response = await push(server, body);

      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
      await request(server).post(
        '/api/golden-path/entities/component/default/payments-api/refresh',
      );
      expect(await testedVerdict(server)).toBe('unknown');
    },
  );

  it('answers 404 for a source that is not declared', async () => {
    const server = await startBackend();
    const response = await push(server, { items: [item({})] }, 'sonar');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain("No fact source 'sonar'");
  });

  it('needs credentials, and the permission for users', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const anonymous = await request(server)
      .post('/api/golden-path/facts/ci')
      .set('Authorization', mockCredentials.none.header())
      .send({ items: [item({ scanPassed: true })] });
    expect(anonymous.status).toBe(401);

    const user = await request(server)
      .post('/api/golden-path/facts/ci')
      .send({ items: [item({ scanPassed: true })] });
    expect(user.status).toBe(403);
    expect(user.body.error.message).toContain('golden-path.facts.push');

    // A service (CI with an external access token) needs no permission.
    expect(
      (await push(server, { items: [item({ scanPassed: true })] })).status,
    ).toBe(200);
  });
});
