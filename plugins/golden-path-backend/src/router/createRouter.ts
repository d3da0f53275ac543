import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  goldenPathExemptionManagePermission,
  goldenPathFactsPushPermission,
} from '@golden-path/plugin-golden-path-common';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { FactPushService } from '../service/FactPushService';
import { JsonObject } from '@backstage/types';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ExemptionStore } from '../database/ExemptionStore';
import { ResultsStore } from '../database/ResultsStore';
import { ScoringTask } from '../scheduler/ScoringTask';
import { ExemptionService } from '../service/ExemptionService';
import { groupWithDescendants } from '../service/groupHierarchy';
import { ResultsService } from '../service/ResultsService';
import { toGroupRollupResponse, toHistoryResponse } from '../service/responses';
import { parseEntityRouteParams } from './parseEntityRouteParams';
import {
  createExemptionSchema,
  historyQuerySchema,
  listExemptionsQuerySchema,
  parseInput,
} from './validation';

// Entities listed in a group rollup; the aggregates always cover them all.
const GROUP_ENTITY_LIMIT = 1000;
const DEFAULT_HISTORY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function createRouter(options: {
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  store: ResultsStore;
  exemptions: ExemptionStore;
  settings: GoldenPathSettings;
  task: Pick<ScoringTask, 'refresh'>;
  results: ResultsService;
  factPush: FactPushService;
}): Promise<express.Router> {
  const {
    auth,
    httpAuth,
    userInfo,
    permissions,
    auditor,
    catalog,
    store,
    settings,
  } = options;
  const exemptionService = new ExemptionService({
    catalog,
    exemptions: options.exemptions,
    results: store,
    settings,
    refresh: entityRef => options.task.refresh(entityRef),
  });
  const { results } = options;
  const router = Router();
  router.use(express.json());

  const credentialsOf = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function requirePermission(
    permission: BasicPermission,
    credentials: BackstageCredentials,
    action: string,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${action} needs the ${permission.name} permission`,
      );
    }
  }

  // Runs a mutation inside an audit event: success with what it returns for
  // the record, failure with the error, which still reaches the caller.
  async function audited<T>(
    req: Request,
    event: {
      eventId: string;
      severityLevel: 'low' | 'medium';
      meta: JsonObject;
    },
    mutation: () => Promise<{ result: T; meta: JsonObject }>,
  ): Promise<T> {
    const auditEvent = await auditor.createEvent({ ...event, request: req });
    try {
      const { result, meta } = await mutation();
      await auditEvent.success({ meta });
      return result;
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  }

  const entityOfPath = (req: Request, credentials: BackstageCredentials) =>
    results.visibleEntity(parseEntityRouteParams(req.params), credentials);

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const entity = await entityOfPath(req, await credentialsOf(req));
    res.json(await results.entityResults(entity));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const entity = await entityOfPath(req, await credentialsOf(req));
    await options.task.refresh(entity.entityRef);
    res.json(await results.entityResults(entity));
  });

  router.get('/paths', async (req, res) => {
    await credentialsOf(req);
    res.json(await results.paths());
  });

  router.get('/groups/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const ref = parseEntityRouteParams({ ...req.params, kind: 'group' });
    const groupRef = stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    const group = await catalog.getEntityByRef(ref, { credentials });
    if (!group) {
      throw new NotFoundError(`No group '${groupRef}' in the catalog`);
    }
    const groups = await groupWithDescendants(catalog, groupRef, credentials);
    const [snapshots, entities] = await Promise.all([
      store.latestSnapshotsOf(groups),
      store.listByOwners(groups, GROUP_ENTITY_LIMIT + 1),
    ]);
    res.json(
      toGroupRollupResponse({
        groupRef,
        groups,
        snapshots,
        entities,
        limit: GROUP_ENTITY_LIMIT,
      }),
    );
  });

  router.get('/history', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = parseInput(historyQuerySchema, req.query, 'query');
    if (query.path !== '*' && !settings.paths.some(p => p.id === query.path)) {
      throw new InputError(
        `Invalid query: path: '${query.path}' is not a configured golden path`,
      );
    }
    let ownerRefs: string[] | undefined;
    if (query.group) {
      if (!(await catalog.getEntityByRef(query.group, { credentials }))) {
        throw new InputError(
          `Invalid query: group: '${query.group}' is not in the catalog`,
        );
      }
      ownerRefs = await groupWithDescendants(catalog, query.group, credentials);
    }
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from =
      query.from ??
      new Date(Date.parse(to) - DEFAULT_HISTORY_DAYS * DAY_MS)
        .toISOString()
        .slice(0, 10);
    if (from > to) {
      throw new InputError('Invalid query: from: must not be after to');
    }
    const points = await store.snapshotSeries({
      pathId: query.path,
      ownerRefs,
      from,
      to,
    });
    res.json(toHistoryResponse(query.path, query.group ?? null, points));
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
        goldenPathFactsPushPermission,
        credentials,
        'Pushing facts',
      );
      pushedBy = (await userInfo.getUserInfo(credentials)).userEntityRef;
    }
    const result = await audited(
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
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requirePermission(
      goldenPathExemptionManagePermission,
      credentials,
      'Managing exemptions',
    );
    const body = parseInput(createExemptionSchema, req.body, 'exemption');
    const exemption = await audited(
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
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requirePermission(
      goldenPathExemptionManagePermission,
      credentials,
      'Managing exemptions',
    );
    await audited(
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

  return router;
}
