import {
  AuditorService,
  AuthService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  goldenPathSurveyCommentsReadPermission,
  goldenPathSurveyManagePermission,
} from '@golden-path/plugin-golden-path-common';
import { Request, Response } from 'express';

// Routes type their params, query and body from the OpenAPI document.
type AnyRequest = Request<any, any, any, any>;
import { z } from 'zod';
import { SurveyCampaignService } from '../service/SurveyCampaignService';
import { SurveyResultsService } from '../service/SurveyResultsService';
import { entityRefSchema, parseInput } from '../validation/input';
import { audited, requirePermission } from './guards';
import { ApiRouter } from './ApiRouter';

const commentsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
const exportQuerySchema = z
  .object({ table: z.enum(['teams', 'quarters', 'paths', 'comments']) })
  .strict();
const trendQuerySchema = z
  .object({ group: entityRefSchema.optional() })
  .strict();

/** Sends a CSV file as a download. */
export function sendCsv(res: Response, name: string, body: string) {
  res
    .status(200)
    .type('text/csv')
    .setHeader('Content-Disposition', `attachment; filename="${name}.csv"`)
    .send(body);
}

/**
 * Survey campaigns and path ratings. Admin actions need the manage
 * permission and are audited; answers are not audited, so that the audit
 * log cannot say who answered an anonymous campaign.
 */
export function registerSurveyRoutes(
  router: ApiRouter,
  deps: {
    auth: AuthService;
    httpAuth: HttpAuthService;
    userInfo: UserInfoService;
    permissions: PermissionsService;
    auditor: AuditorService;
    campaigns: SurveyCampaignService;
    results: SurveyResultsService;
  },
) {
  const { auth, httpAuth, userInfo, permissions, auditor } = deps;
  const { campaigns, results } = deps;
  const anyCaller = (req: AnyRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const signedInUser = async (req: AnyRequest) =>
    userInfo.getUserInfo(await httpAuth.credentials(req, { allow: ['user'] }));
  // Users holding the permission, or services (automation calling with an
  // external access token), which the permission policy decides for too.
  const admin = async (req: AnyRequest) => {
    const credentials = await anyCaller(req);
    await requirePermission(
      permissions,
      goldenPathSurveyManagePermission,
      credentials,
      'Managing survey campaigns',
    );
    return auth.isPrincipal(credentials, 'user')
      ? (await userInfo.getUserInfo(credentials)).userEntityRef
      : `service:${(credentials.principal as { subject: string }).subject}`;
  };
  const event = (eventId: string, meta: Record<string, string>) => ({
    eventId,
    severityLevel: 'medium' as const,
    meta,
  });

  router.get('/surveys', async (req, res) => {
    await anyCaller(req);
    res.json({ items: await campaigns.list() });
  });

  router.post('/surveys', async (req, res) => {
    const createdBy = await admin(req);
    const campaign = await audited(
      auditor,
      req,
      event('survey-create', {
        title: String((req.body as { title?: unknown })?.title ?? ''),
      }),
      async () => {
        const created = await campaigns.create(req.body, createdBy);
        return { result: created, meta: { campaignId: created.id } };
      },
    );
    res.status(201).json(campaign);
  });

  router.get('/surveys/prompt', async (req, res) => {
    res.json(await campaigns.prompt(await signedInUser(req)));
  });

  router.get('/surveys/trend', async (req, res) => {
    const credentials = await anyCaller(req);
    const query = parseInput(trendQuerySchema, req.query, 'query');
    res.json(await results.trend(query.group, credentials));
  });

  router.get('/surveys/:id', async (req, res) => {
    await anyCaller(req);
    res.json(await campaigns.get(req.params.id));
  });

  router.put('/surveys/:id', async (req, res) => {
    await admin(req);
    const campaign = await audited(
      auditor,
      req,
      event('survey-update', { campaignId: req.params.id }),
      async () => ({
        result: await campaigns.update(req.params.id, req.body),
        meta: {},
      }),
    );
    res.json(campaign);
  });

  router.delete('/surveys/:id', async (req, res) => {
    await admin(req);
    await audited(
      auditor,
      req,
      event('survey-delete', { campaignId: req.params.id }),
      async () => {
        const removed = await campaigns.remove(req.params.id);
        return {
          result: removed,
          meta: { title: removed.title, responses: removed.responses },
        };
      },
    );
    res.status(204).end();
  });

  router.post('/surveys/:id/close', async (req, res) => {
    await admin(req);
    const campaign = await audited(
      auditor,
      req,
      event('survey-close', { campaignId: req.params.id }),
      async () => ({ result: await campaigns.close(req.params.id), meta: {} }),
    );
    res.json(campaign);
  });

  router.post('/surveys/:id/responses', async (req, res) => {
    const user = await signedInUser(req);
    res
      .status(201)
      .json(await campaigns.respond(req.params.id, req.body, user));
  });

  router.post('/surveys/:id/responses/import', async (req, res) => {
    await admin(req);
    const imported = await audited(
      auditor,
      req,
      event('survey-import', { campaignId: req.params.id }),
      async () => {
        const result = await campaigns.importResponses(req.params.id, req.body);
        return { result, meta: result };
      },
    );
    res.json(imported);
  });

  router.post('/surveys/:id/dismissal', async (req, res) => {
    await campaigns.dismissCampaign(req.params.id, await signedInUser(req));
    res.status(204).end();
  });

  router.get('/surveys/:id/results', async (req, res) => {
    const [decision] = await permissions.authorize(
      [{ permission: goldenPathSurveyCommentsReadPermission }],
      { credentials: await anyCaller(req) },
    );
    res.json(
      await results.results(
        req.params.id,
        decision.result === AuthorizeResult.ALLOW,
      ),
    );
  });

  router.get('/surveys/:id/comments', async (req, res) => {
    await requirePermission(
      permissions,
      goldenPathSurveyCommentsReadPermission,
      await anyCaller(req),
      'Reading survey comments',
    );
    const page = parseInput(commentsQuerySchema, req.query, 'query');
    res.json(await results.comments(req.params.id, page));
  });

  router.get('/surveys/:id/export', async (req, res) => {
    const { table } = parseInput(exportQuerySchema, req.query, 'query');
    const credentials = await anyCaller(req);
    if (table === 'comments') {
      await requirePermission(
        permissions,
        goldenPathSurveyCommentsReadPermission,
        credentials,
        'Exporting survey comments',
      );
    }
    sendCsv(
      res,
      `survey-${req.params.id}-${table}`,
      await results.exportCsv(req.params.id, table),
    );
  });

  router.get('/ratings', async (req, res) => {
    await anyCaller(req);
    res.json(await results.pathRatings());
  });

  router.post('/ratings', async (req, res) => {
    const user = await signedInUser(req);
    res.status(201).json(await campaigns.rate(req.body, user));
  });

  router.post('/ratings/:taskId/dismissal', async (req, res) => {
    await campaigns.dismissRating(req.params.taskId, await signedInUser(req));
    res.status(204).end();
  });
}
