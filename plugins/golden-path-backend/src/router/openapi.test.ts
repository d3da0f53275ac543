import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { goldenPathPlugin } from '../plugin';
import { spec } from '../schema/openapi';
import { sampleCatalog } from '../__testUtils__/entities';
import { createRouter } from './createRouter';

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
};

describe('OpenAPI document', () => {
  it('describes exactly the routes the router serves', async () => {
    // Handlers never run here: only the routes they are registered on count.
    const router = await createRouter({} as any);
    const served = (router.stack as Layer[])
      .filter(layer => layer.route && layer.route.path !== '/openapi.json')
      .flatMap(layer =>
        Object.keys(layer.route!.methods).map(
          method =>
            `${method.toUpperCase()} ${layer.route!.path.replace(
              /:(\w+)/g,
              '{$1}',
            )}`,
        ),
      )
      .sort();
    const documented = Object.entries(spec.paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map(
          method => `${method.toUpperCase()} ${path}`,
        ),
      )
      .sort();
    expect(served).toEqual(documented);
  });

  it('is served by the plugin and validates requests against it', async () => {
    const { server } = await startTestBackend({
      features: [
        goldenPathPlugin,
        catalogServiceMock.factory({ entities: sampleCatalog }),
      ],
    });
    const document = await request(server).get('/api/golden-path/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.info.title).toBe('golden-path');
    expect(Object.keys(document.body.paths)).toContain(
      '/api/golden-path/entities/{kind}/{namespace}/{name}',
    );

    const invalid = await request(server)
      .post('/api/golden-path/exemptions')
      .send({ entityRef: 'component:default/payments-api' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toBe(
      "request/body must have required property 'checkId'",
    );
  });
});
