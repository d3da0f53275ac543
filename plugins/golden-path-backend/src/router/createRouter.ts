import {
  AuditorService,
  AuthService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  entityRefKey,
  goldenPathExemptionManagePermission,
  goldenPathFactsPushPermission,
  goldenPathTemplateRunsReadPermission,
} from '@golden-path/plugin-golden-path-common';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express, { Request } from 'express';
import { ExemptionStore } from '../database/ExemptionStore';
import { ScoringTask } from '../scheduler/ScoringTask';
import { ExemptionService } from '../service/ExemptionService';
import { FactPushService } from '../service/FactPushService';
import { ResultsService } from '../service/ResultsService';
import { TemplateRunsService } from '../service/TemplateRunsService';
import { spec } from '../schema/openapi';
import { audited, requirePermission } from './guards';
import { parseEntityRouteParams } from './parseEntityRouteParams';
import { rejectUnstorableText } from './rejectUnstorableText';
import {
  createExemptionSchema,
  entityHistoryQuerySchema,
  historyQuerySchema,
  listExemptionsQuerySchema,
  templateRangeQuerySchema,
  templateRunsQuerySchema,
} from './validation';
import { parseInput } from '../validation/input';
import { SurveyCampaignService } from '../service/SurveyCampaignService';
import { SurveyResultsService } from '../service/SurveyResultsService';
import { TicketService } from '../service/TicketService';
import { registerSurveyRoutes } from './surveyRoutes';
import { registerTicketRoutes } from './ticketRoutes';
import { registerDeliveryRoutes } from './deliveryRoutes';
import { registerMetricsRoutes } from './metricsRoutes';
import { DeploymentService } from '../service/DeploymentService';
import { UsageService } from '../service/UsageService';
import { PlatformMetricsService } from '../service/PlatformMetricsService';

// A fact push carries up to 1000 entities' facts, a ticket batch up to
// 1000 tickets; express' default 100 kB would cut a legitimate batch short.
const BODY_LIMIT = '2mb';
// A CSV import holds up to 10,000 tickets.
const CSV_LIMIT = '10mb';

/**
 * The REST API: validates each request against the OpenAPI document,
 * authenticates, checks permissions and audits, then hands it to one
 * service method.
 */
export async function createRouter(options: {
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  exemptions: ExemptionStore;
  task: Pick<ScoringTask, 'refresh'>;
  results: ResultsService;
  exemptionService: ExemptionService;
  factPush: FactPushService;
  templateRuns: TemplateRunsService;
  campaigns: SurveyCampaignService;
  surveyResults: SurveyResultsService;
  tickets: TicketService;
  deployments: DeploymentService;
  usage: UsageService;
  metrics: PlatformMetricsService;
}): Promise<express.Router> {
  const { auth, httpAuth, userInfo, permissions, auditor } = options;
  const { results, exemptionService } = options;
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [
      express.json({ limit: BODY_LIMIT }),
      express.text({ type: 'text/csv', limit: CSV_LIMIT }),
      rejectUnstorableText,
    ],
    // Credentials are the httpAuth service's to check: tokens, cookies and
    // the policies plugins add, not a header the document could describe.
    validatorOptions: { validateSecurity: false },
  });

  const credentialsOf = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  // Granting and revoking: signed-in users holding the admin permission.
  const exemptionAdmin = async (req: Request) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requirePermission(
      permissions,
      goldenPathExemptionManagePermission,
      credentials,
      'Managing exemptions',
    );
    return credentials;
  };

  const entityOfPath = (
    req: Request,
    credentials: Awaited<ReturnType<typeof credentialsOf>>,
  ) => results.visibleEntity(parseEntityRouteParams(req.params), credentials);

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const ref = parseEntityRouteParams(req.params);
    res.json(await results.readableEntityResults(ref, credentials));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const entity = await entityOfPath(req, await credentialsOf(req));
    await options.task.refresh(entity.entityRef);
    res.json(await results.entityResults(entity));
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const entity = await entityOfPath(req, await credentialsOf(req));
    const query = parseInput(entityHistoryQuerySchema, req.query, 'query');
    res.json(await results.entityHistory(entity, query));
  });

  router.get('/paths', async (req, res) => {
    await credentialsOf(req);
    res.json(await results.paths());
  });

  router.get('/groups/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const ref = parseEntityRouteParams({ ...req.params, kind: 'group' });
    res.json(await results.groupRollup(ref, credentials));
  });

  router.get('/history', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = parseInput(historyQuerySchema, req.query, 'query');
    res.json(await results.history(query, credentials));
  });

  // A template's runs: its owners, and holders of the read permission.
  const readableTemplate = async (
    req: Request<{ namespace: string; name: string }, unknown, unknown, {}>,
  ) => {
    const ref = entityRefKey(
      parseEntityRouteParams({ ...req.params, kind: 'template' }),
    );
    await options.templateRuns.authorize(ref, await credentialsOf(req));
    return ref;
  };

  router.get('/templates', async (req, res) => {
    await requirePermission(
      permissions,
      goldenPathTemplateRunsReadPermission,
      await credentialsOf(req),
      'Reading the runs of every template',
    );
    const query = parseInput(templateRangeQuerySchema, req.query, 'query');
    res.json(await options.templateRuns.allFigures(query));
  });

  router.get('/templates/:namespace/:name/figures', async (req, res) => {
    const ref = await readableTemplate(req);
    const query = parseInput(templateRangeQuerySchema, req.query, 'query');
    res.json(await options.templateRuns.figures(ref, query));
  });

  router.get('/templates/:namespace/:name/runs', async (req, res) => {
    const ref = await readableTemplate(req);
    const query = parseInput(templateRunsQuerySchema, req.query, 'query');
    res.json(await options.templateRuns.runs(ref, query));
  });

  router.get('/templates/:namespace/:name/entities', async (req, res) => {
    const ref = await readableTemplate(req);
    res.json(await options.templateRuns.entities(ref));
  });

  router.post('/facts/:source', async (req, res) => {
    const credentials = await credentialsOf(req);
    // Services (CI with an external access token) may push; users need the
    // permission, since pushed facts move scores.
    let pushedBy: string;
    if (auth.isPrincipal(credentials, 'service')) {
      pushedBy = `service:${credentials.principal.subject}`;
    } else {
      await requirePermission(
        permissions,
        goldenPathFactsPushPermission,
        credentials,
        'Pushing facts',
      );
      pushedBy = (await userInfo.getUserInfo(credentials)).userEntityRef;
    }
    const result = await audited(
      auditor,
      req,
      {
        eventId: 'facts-push',
        severityLevel: 'low',
        meta: { source: req.params.source },
      },
      async () => {
        const pushed = await options.factPush.push(
          req.params.source,
          req.body,
          pushedBy,
        );
        return { result: pushed, meta: { accepted: pushed.accepted } };
      },
    );
    res.json(result);
  });

  router.get('/exemptions', async (req, res) => {
    await credentialsOf(req);
    const query = parseInput(listExemptionsQuerySchema, req.query, 'query');
    res.json({ items: await options.exemptions.list(query.entityRef) });
  });

  router.post('/exemptions', async (req, res) => {
    const credentials = await exemptionAdmin(req);
    const body = parseInput(createExemptionSchema, req.body, 'exemption');
    const exemption = await audited(
      auditor,
      req,
      {
        eventId: 'exemption-grant',
        severityLevel: 'medium',
        meta: {
          entityRef: body.entityRef,
          checkId: body.checkId,
          expiresAt: body.expiresAt,
        },
      },
      async () => {
        const { userEntityRef } = await userInfo.getUserInfo(credentials);
        const granted = await exemptionService.grant(
          body,
          userEntityRef,
          credentials,
        );
        return { result: granted, meta: { exemptionId: granted.id } };
      },
    );
    res.status(201).json(exemption);
  });

  router.delete('/exemptions/:id', async (req, res) => {
    await exemptionAdmin(req);
    await audited(
      auditor,
      req,
      {
        eventId: 'exemption-revoke',
        severityLevel: 'medium',
        meta: { exemptionId: req.params.id },
      },
      async () => {
        const removed = await exemptionService.revoke(req.params.id);
        return {
          result: removed,
          meta: { entityRef: removed.entityRef, checkId: removed.checkId },
        };
      },
    );
    res.status(204).end();
  });

  registerSurveyRoutes(router, {
    ...options,
    campaigns: options.campaigns,
    results: options.surveyResults,
  });
  registerTicketRoutes(router, options);
  registerDeliveryRoutes(router, options);
  registerMetricsRoutes(router, options);

  return router;
}
