import { HttpAuthService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { PlatformMetricsService } from '../service/PlatformMetricsService';
import {
  entityRefSchema,
  instantQuerySchema,
  parseInput,
} from '../validation/input';
import { ApiRouter } from './ApiRouter';

const metricsQuerySchema = z
  .object({
    from: instantQuerySchema.optional(),
    to: instantQuerySchema.optional(),
    group: entityRefSchema.optional(),
    path: z.string().optional(),
  })
  .strict();

/** The platform metrics, for every signed-in user and service. */
export function registerMetricsRoutes(
  router: ApiRouter,
  deps: { httpAuth: HttpAuthService; metrics: PlatformMetricsService },
) {
  router.get('/metrics', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseInput(metricsQuerySchema, req.query, 'query');
    res.json(await deps.metrics.metrics(query, credentials));
  });

  router.get('/metrics/teams', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { path: _path, ...query } = parseInput(
      metricsQuerySchema.omit({ path: true }),
      req.query,
      'query',
    ) as z.infer<typeof metricsQuerySchema>;
    res.json(await deps.metrics.teams(query, credentials));
  });
}
