// One valid request per operation of the golden-path API, against the
// example data: what the fuzzer mutates. A valid base lets a mutation reach
// past the validator into the handlers, one broken part at a time; an
// operation of the document missing here is fuzzed from its schema alone.
import { exampleOf, Operation, Parameter } from './openapi';

export type Caller = 'user' | 'service';

export interface Seed {
  /** Who calls it: a signed-in user or a service (external access token). */
  caller: Caller;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** JSON value, or the text of a CSV body. */
  body?: unknown;
  /** The status the unmutated seed gets when it cannot succeed, and why. */
  expect?: { status: number; why: string };
}

/** What the fuzz suite creates through the API before it starts. */
export interface Fixtures {
  openCampaign: string;
  editableCampaign: string;
  closableCampaign: string;
  deletableCampaign: string;
  exemption: string;
  now: number;
}

const DAY = 86_400_000;

export function seeds(f: Fixtures): Record<string, Seed> {
  const at = (days: number) => new Date(f.now + days * DAY).toISOString();
  const day = (days: number) => at(days).slice(0, 10);
  const entity = {
    kind: 'component',
    namespace: 'default',
    name: 'payments-api',
  };
  const template = { namespace: 'default', name: 'node-service' };
  const range = { from: at(-30), to: at(0) };
  const campaign = {
    title: 'Fuzz survey',
    description: 'Created by the fuzz proof',
    questions: [
      { id: 'nps', type: 'nps', text: 'Recommend the platform?' },
      { id: 'why', type: 'text', text: 'Why?' },
      {
        id: 'node',
        type: 'path-rating',
        text: 'The Node.js path?',
        pathId: 'node-service',
      },
    ],
    audience: { type: 'groups', groups: ['group:default/engineering'] },
    opensAt: at(-1),
    closesAt: at(30),
    anonymous: true,
  };
  return {
    'GET /entities/{kind}/{namespace}/{name}': {
      caller: 'user',
      params: entity,
    },
    'POST /entities/{kind}/{namespace}/{name}/refresh': {
      caller: 'user',
      params: entity,
    },
    'GET /entities/{kind}/{namespace}/{name}/history': {
      caller: 'user',
      params: entity,
      query: { from: day(-30), to: day(0) },
    },
    'GET /paths': { caller: 'user' },
    'GET /groups/{namespace}/{name}': {
      caller: 'user',
      params: { namespace: 'default', name: 'payments' },
    },
    'GET /history': {
      caller: 'user',
      query: {
        path: 'node-service',
        group: 'group:default/payments',
        from: day(-30),
        to: day(0),
      },
    },
    'POST /facts/{source}': {
      caller: 'service',
      params: { source: 'ci' },
      body: {
        items: [
          {
            entityRef: 'component:default/payments-api',
            facts: { coverage: 91.5, securityScanPassed: true },
          },
        ],
      },
    },
    'GET /exemptions': {
      caller: 'user',
      query: { entityRef: 'component:default/payments-api' },
    },
    'POST /exemptions': {
      caller: 'user',
      body: {
        entityRef: 'component:default/payments-api',
        checkId: 'in-production',
        reason: 'Fuzz proof exemption',
        expiresAt: at(30),
      },
    },
    'GET /templates': { caller: 'user', query: range },
    'GET /templates/{namespace}/{name}/figures': {
      caller: 'user',
      params: template,
      query: range,
    },
    'GET /templates/{namespace}/{name}/runs': {
      caller: 'user',
      params: template,
      query: {
        user: 'user:default/grace',
        status: 'completed',
        ...range,
        limit: '20',
        offset: '0',
      },
    },
    'GET /templates/{namespace}/{name}/entities': {
      caller: 'user',
      params: template,
    },
    'DELETE /exemptions/{id}': {
      caller: 'user',
      params: { id: f.exemption },
    },
    'GET /surveys': { caller: 'user' },
    'POST /surveys': { caller: 'service', body: campaign },
    'GET /surveys/prompt': { caller: 'user' },
    'GET /surveys/trend': {
      caller: 'user',
      query: { group: 'group:default/engineering' },
    },
    'GET /surveys/{id}': { caller: 'user', params: { id: f.openCampaign } },
    'PUT /surveys/{id}': {
      caller: 'service',
      params: { id: f.editableCampaign },
      body: campaign,
    },
    'DELETE /surveys/{id}': {
      caller: 'service',
      params: { id: f.deletableCampaign },
    },
    'POST /surveys/{id}/close': {
      caller: 'service',
      params: { id: f.closableCampaign },
    },
    'POST /surveys/{id}/responses': {
      caller: 'user',
      params: { id: f.openCampaign },
      body: { answers: { nps: 9, why: 'Fast builds', node: 4 } },
    },
    'POST /surveys/{id}/responses/import': {
      caller: 'service',
      params: { id: f.openCampaign },
      body: {
        responses: [
          {
            id: 'fuzz-row-1',
            submittedAt: at(0),
            team: 'group:default/payments',
            answers: { nps: 8, why: 'Good docs' },
          },
        ],
      },
    },
    'POST /surveys/{id}/dismissal': {
      caller: 'user',
      params: { id: f.openCampaign },
    },
    'GET /surveys/{id}/results': {
      caller: 'user',
      params: { id: f.openCampaign },
    },
    'GET /surveys/{id}/comments': {
      caller: 'user',
      params: { id: f.openCampaign },
      query: { limit: '20', offset: '0' },
    },
    'GET /surveys/{id}/export': {
      caller: 'user',
      params: { id: f.openCampaign },
      query: { table: 'teams' },
    },
    'GET /ratings': { caller: 'user' },
    'POST /ratings': {
      caller: 'user',
      body: { taskId: 'fuzz-task-1', rating: 4, comment: 'Smooth' },
      expect: { status: 404, why: 'no template run exists to rate' },
    },
    'POST /ratings/{taskId}/dismissal': {
      caller: 'user',
      params: { taskId: 'fuzz-task-1' },
      expect: { status: 404, why: 'no template run exists to dismiss' },
    },
    'POST /tickets': {
      caller: 'service',
      body: {
        source: 'fuzz',
        tickets: [
          {
            id: 'FUZZ-1',
            title: 'Need a staging database',
            url: 'https://tracker.example.com/FUZZ-1',
            type: 'request',
            category: 'Databases',
            labels: ['database'],
            components: ['payments-api'],
            status: 'resolved',
            requester: 'grace@example.com',
            entityRef: 'component:default/payments-api',
            pathId: 'node-service',
            createdAt: at(-3),
            updatedAt: at(-2),
            firstResponseAt: at(-3),
            resolvedAt: at(-2),
            reopenCount: 0,
          },
        ],
      },
    },
    'POST /tickets/import': {
      caller: 'service',
      query: { source: 'fuzz-csv', dryRun: 'true' },
      body: [
        'id,title,type,status,requester,createdAt,updatedAt,resolvedAt',
        `CSV-1,Access to the ledger,request,resolved,grace@example.com,${at(
          -3,
        )},${at(-2)},${at(-2)}`,
        `CSV-2,"Build fails, again",bug,open,alan,${at(-1)},${at(-1)},`,
      ].join('\n'),
    },
    'POST /tickets/webhooks/jira': {
      caller: 'service',
      query: { source: 'fuzz-jira' },
      body: {
        webhookEvent: 'jira:issue_updated',
        issue: {
          key: 'JSM-1',
          self: 'https://jira.example.com/rest/api/2/issue/1',
          fields: {
            summary: 'VPN access',
            issuetype: { name: 'Service Request' },
            labels: ['vpn'],
            components: [{ name: 'payments-api' }],
            status: { statusCategory: { key: 'done' } },
            reporter: { emailAddress: 'grace@example.com' },
            created: at(-2),
            updated: at(-1),
            resolutiondate: at(-1),
            customfield_10010: { requestType: { name: 'Access' } },
            customfield_10020: {
              name: 'Time to first response',
              completedCycles: [{ stopTime: { iso8601: at(-2) } }],
            },
          },
        },
      },
    },
    'POST /tickets/webhooks/github': {
      caller: 'service',
      query: { source: 'fuzz-github' },
      headers: { 'x-github-event': 'issues' },
      body: {
        action: 'closed',
        repository: { full_name: 'example/platform' },
        issue: {
          number: 7,
          title: 'Template fails on Python 3.13',
          html_url: 'https://github.com/example/platform/issues/7',
          labels: [{ name: 'bug' }, { name: 'component:payments-api' }],
          state: 'closed',
          user: { login: 'alan' },
          created_at: at(-3),
          updated_at: at(-1),
          closed_at: at(-1),
        },
      },
    },
    'GET /tickets/figures': {
      caller: 'user',
      query: {
        ...range,
        group: 'group:default/payments',
        path: 'node-service',
      },
    },
    'GET /tickets/export': {
      caller: 'user',
      query: { ...range, table: 'weeks' },
    },
    'POST /deployments': {
      caller: 'service',
      body: {
        source: 'fuzz',
        deployments: [
          {
            id: 'FUZZ-DEPLOY-1',
            service: 'payments-api',
            entityRef: 'component:default/payments-api',
            environment: 'production',
            deployedAt: at(-1),
            updatedAt: at(-1),
            outcome: 'success',
            commitTimes: [at(-1.1)],
            version: '1.14.0',
            url: 'https://ci.example.com/runs/1',
          },
        ],
      },
    },
    'POST /deployments/webhooks/github': {
      caller: 'service',
      query: { source: 'fuzz-github' },
      headers: { 'x-github-event': 'deployment_status' },
      body: {
        repository: { name: 'payments-api', full_name: 'example/payments-api' },
        deployment: {
          id: 42,
          environment: 'production',
          created_at: at(-1),
          sha: 'a'.repeat(40),
          payload: { commitTimes: [at(-1.1)] },
        },
        deployment_status: {
          state: 'success',
          created_at: at(-1),
          target_url: 'https://github.com/example/payments-api/actions/runs/1',
        },
      },
    },
    'POST /usage/events': {
      caller: 'user',
      body: {
        events: [
          {
            id: 'fuzz-event-1',
            action: 'navigate',
            subject: '/catalog',
            at: at(0),
            pluginId: 'catalog',
            extensionId: 'page:catalog',
            routeRef: 'catalog:index',
          },
        ],
        installedPlugins: ['catalog', 'golden-path'],
      },
    },
    'POST /usage/import': {
      caller: 'service',
      body: {
        events: [
          {
            id: 'fuzz-import-1',
            userRef: 'user:default/grace',
            action: 'navigate',
            subject: '/golden-path',
            at: at(-1),
            pluginId: 'golden-path',
          },
        ],
      },
    },
    'GET /usage/features': { caller: 'user', query: range },
    'GET /metrics': {
      caller: 'user',
      query: {
        ...range,
        group: 'group:default/payments',
        path: 'node-service',
      },
    },
    'GET /metrics/teams': {
      caller: 'user',
      query: { ...range, group: 'group:default/engineering' },
    },
  };
}

/**
 * A seed for an operation this file does not know (one added to the
 * document since): every parameter and the body from their schemas.
 */
export function schemaSeed(op: Operation): Seed {
  const part = (where: Parameter['in']) =>
    Object.fromEntries(
      op.parameters
        .filter(p => p.in === where && (p.required || where === 'path'))
        .map(p => [p.name, String(exampleOf(p.schema))]),
    );
  return {
    caller: 'user',
    params: part('path'),
    query: part('query'),
    headers: part('header'),
    ...(op.body ? { body: exampleOf(op.body.schema) } : {}),
  };
}
