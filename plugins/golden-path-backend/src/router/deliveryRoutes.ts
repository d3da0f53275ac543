import {
  AuditorService,
  AuthService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  goldenPathDeploymentsWritePermission,
  goldenPathUsageImportPermission,
} from '@golden-path/plugin-golden-path-common';
import { Request } from 'express';
import { z } from 'zod';
import { deploymentBatchSchema } from '../ingest/deployments/deploymentSchema';
import { sourceSchema } from '../ingest/tickets/ticketSchema';
import { DeploymentService } from '../service/DeploymentService';
import { UsageService } from '../service/UsageService';
import { parseInput } from '../validation/input';
import { ApiRouter } from './ApiRouter';
import { audited, requirePermission } from './guards';

type AnyRequest = Request<any, any, any, any>;

const webhookQuerySchema = z
  .object({ source: sourceSchema.default('github') })
  .strict();

/**
 * Deployments from CI/CD (batches and GitHub webhooks: services, or users
 * with the write permission; audited) and portal usage events (the
 * signed-in user's own, from the analytics forwarder).
 */
export function registerDeliveryRoutes(
  router: ApiRouter,
  deps: {
    auth: AuthService;
    httpAuth: HttpAuthService;
    userInfo: UserInfoService;
    permissions: PermissionsService;
    auditor: AuditorService;
    deployments: DeploymentService;
    usage: UsageService;
  },
) {
  const { auth, httpAuth, userInfo, permissions, auditor } = deps;
  const writer = async (req: AnyRequest): Promise<string> => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (auth.isPrincipal(credentials, 'service')) {
      return `service:${credentials.principal.subject}`;
    }
    await requirePermission(
      permissions,
      goldenPathDeploymentsWritePermission,
      credentials,
      'Sending deployments',
    );
    return (await userInfo.getUserInfo(credentials)).userEntityRef;
  };
  const write = <T extends object>(
    req: AnyRequest,
    eventId: string,
    meta: Record<string, string>,
    store: () => Promise<T>,
  ) =>
    audited(auditor, req, { eventId, severityLevel: 'low', meta }, async () => {
      const result = await store();
      return {
        result,
        meta: Object.fromEntries(
          Object.entries(result).filter(([, v]) => typeof v === 'number'),
        ),
      };
    });

  router.post('/deployments', async (req, res) => {
    const sentBy = await writer(req);
    const batch = parseInput(deploymentBatchSchema, req.body, 'deployments');
    res.json(
      await write(
        req,
        'deployments-push',
        { source: batch.source, sentBy },
        () => deps.deployments.ingest(batch.source, batch.deployments),
      ),
    );
  });

  router.post('/deployments/webhooks/github', async (req, res) => {
    const sentBy = await writer(req);
    const { source } = parseInput(webhookQuerySchema, req.query, 'query');
    const result = await write(
      req,
      'deployments-webhook',
      { source, sentBy },
      () =>
        deps.deployments.githubWebhook(
          source,
          req.header('x-github-event'),
          req.body,
        ),
    );
    res.status('ignored' in result ? 202 : 200).json(result);
  });

  router.post('/usage/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res
      .status(202)
      .json(
        await deps.usage.record(req.body, credentials.principal.userEntityRef),
      );
  });

  router.post('/usage/import', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (!auth.isPrincipal(credentials, 'service')) {
      await requirePermission(
        permissions,
        goldenPathUsageImportPermission,
        credentials,
        'Importing portal usage',
      );
    }
    res.json(
      await write(req, 'usage-import', {}, () => deps.usage.import(req.body)),
    );
  });

  router.get('/usage/features', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await deps.usage.features(req.query, credentials));
  });
}
