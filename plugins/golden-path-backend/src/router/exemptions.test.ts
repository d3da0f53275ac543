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

async function startBackend(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const auditor = mockServices.auditor.mock();
  const events = { success: jest.fn(), fail: jest.fn() };
  auditor.createEvent.mockResolvedValue(events);
  const { server } = await startTestBackend({
    features: [
      goldenPathPlugin,
      catalogServiceMock.factory({ entities: sampleCatalog }),
      mockServices.rootConfig.factory({
        data: { goldenPath: { paths: sampleSettings.paths } } as any,
      }),
      mockServices.scheduler.mock().factory,
      mockServices.permissions.factory({ result: permission }),
      auditor.factory,
    ],
  });
  return { server, auditor, events };
}

const inAMonth = () =>
  new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString();

const validBody = () => ({
  entityRef: 'component:default/payments-api',
  checkId: 'has-docs',
  reason: 'Docs live in the wiki until the Q1 migration',
  expiresAt: inAMonth(),
});

async function checkVerdict(server: any, id: string) {
  const response = await request(server).get(
    '/api/golden-path/entities/component/default/payments-api',
  );
  return response.body.checks.find((c: any) => c.id === id);
}

describe('exemptions API', () => {
  it('grants an exemption, audits it, and the check counts as passing at once', async () => {
    const { server, auditor, events } = await startBackend();

    const created = await request(server)
      .post('/api/golden-path/exemptions')
      .send(validBody());

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      entityRef: 'component:default/payments-api',
      checkId: 'has-docs',
      grantedBy: mockCredentials.user().principal.userEntityRef,
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'exemption-grant',
        severityLevel: 'medium',
        meta: expect.objectContaining({ checkId: 'has-docs' }),
      }),
    );
    expect(events.success).toHaveBeenCalledWith({
      meta: { exemptionId: created.body.id },
    });

    expect(await checkVerdict(server, 'has-docs')).toMatchObject({
      verdict: 'exempt',
      exemption: {
        id: created.body.id,
        reason: 'Docs live in the wiki until the Q1 migration',
        grantedBy: 'user:default/mock',
      },
    });
    const list = await request(server).get(
      '/api/golden-path/exemptions?entityRef=component:default/payments-api',
    );
    expect(list.body.items).toHaveLength(1);
  });

  it('revokes an exemption, audited; the check fails again; a second revoke is 404', async () => {
    const { server, auditor } = await startBackend();
    const created = await request(server)
      .post('/api/golden-path/exemptions')
      .send(validBody());

    const revoked = await request(server).delete(
      `/api/golden-path/exemptions/${created.body.id}`,
    );
    expect(revoked.status).toBe(204);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'exemption-revoke' }),
    );
    expect((await checkVerdict(server, 'has-docs')).verdict).toBe('fail');

    const again = await request(server).delete(
      `/api/golden-path/exemptions/${created.body.id}`,
    );
    expect(again.status).toBe(404);
  });

  it('refuses callers without the admin permission with 403, writing nothing', async () => {
    const { server } = await startBackend(AuthorizeResult.DENY);

    const response = await request(server)
      .post('/api/golden-path/exemptions')
      .send(validBody());

    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain(
      'golden-path.exemption.manage',
    );
    const list = await request(server).get('/api/golden-path/exemptions');
    expect(list.body.items).toEqual([]);
  });

  it('refuses unauthenticated callers with 401', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .post('/api/golden-path/exemptions')
      .set('Authorization', mockCredentials.none.header())
      .send(validBody());
    expect(response.status).toBe(401);
  });

  it.each([
    ['no reason', { reason: '  ' }, 'reason: must say why'],
    ['a malformed entity ref', { entityRef: 'component:' }, 'entityRef:'],
    [
      'an entity not in the catalog',
      { entityRef: 'component:default/ghost' },
      "entityRef: 'component:default/ghost' is not in the catalog",
    ],
    [
      'a date that is not a date',
      { expiresAt: 'next week' },
      'expiresAt: must be an ISO 8601 date-time',
    ],
    [
      'an expiry in the past',
      { expiresAt: '2020-01-01T00:00:00Z' },
      'expiresAt: must be in the future',
    ],
    [
      'an expiry over a year away',
      { expiresAt: '2999-01-01T00:00:00Z' },
      'expiresAt: must be within 366 days',
    ],
    [
      'an unknown check',
      { checkId: 'has-wiki' },
      "checkId: 'has-wiki' is not a check of any golden path",
    ],
    [
      'an unexpected field',
      { grantedBy: 'user:default/someone-else' },
      'Unrecognized key',
    ],
  ])(
    'answers 400 naming the problem for %s, writing nothing',
    async (_title, change, message) => {
      const { server } = await startBackend();

      const response = await request(server)
        .post('/api/golden-path/exemptions')
        .send({ ...validBody(), ...change });

      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
      const list = await request(server).get('/api/golden-path/exemptions');
      expect(list.body.items).toEqual([]);
    },
  );

  it('answers 409 for a second exemption of the same check', async () => {
    const { server, events } = await startBackend();
    await request(server).post('/api/golden-path/exemptions').send(validBody());

    const second = await request(server)
      .post('/api/golden-path/exemptions')
      .send(validBody());

    expect(second.status).toBe(409);
    expect(events.fail).toHaveBeenCalled();
  });

  it('refreshes one entity on demand', async () => {
    const { server } = await startBackend();

    const response = await request(server).post(
      '/api/golden-path/entities/component/default/payments-api/refresh',
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'recorded', score: 75 });
    const unknown = await request(server).post(
      '/api/golden-path/entities/component/default/ghost/refresh',
    );
    expect(unknown.status).toBe(404);
  });
});
