import {
  AuditorService,
  AuthService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { goldenPathTicketsWritePermission } from '@golden-path/plugin-golden-path-common';
import { Request } from 'express';

type AnyRequest = Request<any, any, any, any>;
import { z } from 'zod';
import {
  sourceSchema,
  ticketBatchSchema,
} from '../ingest/tickets/ticketSchema';
import { TicketService } from '../service/TicketService';
import {
  entityRefSchema,
  instantQuerySchema,
  parseInput,
} from '../validation/input';
import { ApiRouter } from './ApiRouter';
import { audited, requirePermission } from './guards';
import { sendCsv } from './surveyRoutes';

const figuresQuery = {
  from: instantQuerySchema.optional(),
  to: instantQuerySchema.optional(),
  group: entityRefSchema.optional(),
  path: z.string().optional(),
};
const figuresQuerySchema = z.object(figuresQuery).strict();
const exportQuerySchema = z
  .object({
    ...figuresQuery,
    table: z.enum(['weeks', 'teams', 'paths', 'categories', 'labels']),
  })
  .strict();
const importQuerySchema = z
  .object({
    source: sourceSchema.default('csv'),
    dryRun: z.enum(['true', 'false']).default('false'),
  })
  .strict();
const webhookQuerySchema = (source: string) =>
  z.object({ source: sourceSchema.default(source) }).strict();

/**
 * Support tickets in (batches, CSV, webhooks) and figures out. Trackers
 * call with external access tokens (service credentials); users need the
 * write permission. Every write is audited.
 */
export function registerTicketRoutes(
  router: ApiRouter,
  deps: {
    auth: AuthService;
    httpAuth: HttpAuthService;
    userInfo: UserInfoService;
    permissions: PermissionsService;
    auditor: AuditorService;
    tickets: TicketService;
  },
) {
  const { auth, httpAuth, userInfo, permissions, auditor, tickets } = deps;
  const anyCaller = (req: AnyRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const writer = async (req: AnyRequest): Promise<string> => {
    const credentials = await anyCaller(req);
    if (auth.isPrincipal(credentials, 'service')) {
      return `service:${credentials.principal.subject}`;
    }
    await requirePermission(
      permissions,
      goldenPathTicketsWritePermission,
      credentials,
      'Sending tickets',
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

  router.post('/tickets', async (req, res) => {
    const sentBy = await writer(req);
    const batch = parseInput(ticketBatchSchema, req.body, 'tickets');
    res.json(
      await write(req, 'tickets-push', { source: batch.source, sentBy }, () =>
        tickets.ingest(batch.source, batch.tickets),
      ),
    );
  });

  router.post('/tickets/import', async (req, res) => {
    const sentBy = await writer(req);
    const query = parseInput(importQuerySchema, req.query, 'query');
    if (typeof req.body !== 'string') {
      res.status(415).json({
        error: {
          name: 'InputError',
          message: 'Send the CSV file with Content-Type: text/csv',
        },
      });
      return;
    }
    const dryRun = query.dryRun === 'true';
    const body = req.body;
    const result = dryRun
      ? await tickets.importCsv(query.source, body, true)
      : await write(
          req,
          'tickets-import',
          { source: query.source, sentBy },
          () => tickets.importCsv(query.source, body, false),
        );
    if (!dryRun && result.errors.length > 0) {
      res.status(400).json({
        error: {
          name: 'InputError',
          message: `Invalid CSV: ${result.errors.length} row error(s), first at line ${result.errors[0].line}: ${result.errors[0].message}. Nothing was stored.`,
        },
        ...result,
      });
      return;
    }
    res.json(result);
  });

  for (const kind of ['jira', 'github'] as const) {
    router.post(`/tickets/webhooks/${kind}`, async (req, res) => {
      const sentBy = await writer(req);
      const { source } = parseInput(
        webhookQuerySchema(kind),
        req.query,
        'query',
      );
      const event = req.header('x-github-event');
      const result = await write(
        req,
        'tickets-webhook',
        { source, sentBy, kind },
        () => tickets.webhook(kind, source, req.body, event),
      );
      res.status('ignored' in result ? 202 : 200).json(result);
    });
  }

  router.get('/tickets/figures', async (req, res) => {
    const credentials = await anyCaller(req);
    const query = parseInput(figuresQuerySchema, req.query, 'query');
    res.json(await tickets.figures(query, credentials));
  });

  router.get('/tickets/export', async (req, res) => {
    const credentials = await anyCaller(req);
    const { table, ...query } = parseInput(
      exportQuerySchema,
      req.query,
      'query',
    );
    sendCsv(
      res,
      `tickets-${table}`,
      await tickets.exportCsv(query, table, credentials),
    );
  });
}
