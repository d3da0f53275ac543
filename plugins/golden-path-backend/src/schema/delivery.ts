/**
 * The deployment, portal usage and platform metrics operations of the REST
 * API, merged into the document in `openapi.ts`.
 */

import {
  errorResponses,
  ingestResultProperties,
  json,
  pathQuery,
  weekRangeQueries,
} from './fragments';

const errors = errorResponses;
const rangeQueries = weekRangeQueries;

const ingestResult = {
  type: 'object',
  required: ['source', 'received', 'inserted', 'updated', 'unchanged', 'stale'],
  properties: {
    ...ingestResultProperties,
    withoutEntity: {
      type: 'integer',
      description: 'Deployments of services the catalog does not know',
    },
  },
} as const;

const metric = {
  type: 'object',
  required: [
    'id',
    'title',
    'definition',
    'unit',
    'target',
    'status',
    'series',
    'population',
    'sources',
  ],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    definition: { type: 'string' },
    unit: {
      type: 'string',
      enum: ['duration-ms', 'ratio', 'nps', 'per-week', 'per-entity-per-day'],
    },
    value: { type: 'number', description: 'Absent when there is no data' },
    target: { type: 'object' },
    status: { type: 'string', enum: ['met', 'at-risk', 'missed', 'no-data'] },
    trend: { type: 'object' },
    series: { type: 'array', items: { type: 'object' } },
    population: { type: 'object' },
    details: { type: 'object' },
    sources: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const deliverySchemas = {
  DeploymentInput: {
    type: 'object',
    required: ['id', 'environment', 'deployedAt'],
    properties: {
      id: { type: 'string', description: "The CI/CD's id" },
      service: {
        type: 'string',
        description:
          "The service's name; a Component of that name is its entity",
      },
      entityRef: { type: 'string' },
      repository: {
        type: 'string',
        description:
          'The repository as owner/name; a Component annotated github.com/project-slug with it is its entity, before one named as the service',
      },
      environment: { type: 'string' },
      deployedAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      outcome: { type: 'string', enum: ['success', 'failure', 'rolled-back'] },
      commitTimes: {
        type: 'array',
        items: { type: 'string', format: 'date-time' },
      },
      version: { type: 'string' },
      url: { type: 'string' },
    },
  },
} as const;

export const deliveryPaths = {
  '/deployments': {
    post: {
      operationId: 'PushDeployments',
      description:
        'Upserts up to 1000 deployments keyed by source and id, validated whole and written atomically; a status change older than the stored one is ignored, so replays store nothing twice. Services (external access tokens) may push; users need golden-path.deployments.write. Audited.',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['source', 'deployments'],
          properties: {
            source: { type: 'string' },
            deployments: {
              type: 'array',
              minItems: 1,
              maxItems: 1000,
              items: { $ref: '#/components/schemas/DeploymentInput' },
            },
          },
        }),
      },
      responses: {
        '200': { description: 'What was stored', content: json(ingestResult) },
        ...errors,
      },
    },
  },
  '/deployments/webhooks/github': {
    post: {
      operationId: 'ReceiveGithubDeploymentWebhook',
      description:
        'A GitHub deployment_status event (X-GitHub-Event header). Statuses that are not final, and other events, are acknowledged (202) and ignored.',
      parameters: [
        {
          name: 'source',
          in: 'query',
          required: false,
          schema: { type: 'string' },
        },
        {
          name: 'x-github-event',
          in: 'header',
          required: true,
          schema: { type: 'string' },
        },
      ],
      requestBody: { required: true, content: json({ type: 'object' }) },
      responses: {
        '200': { description: 'Stored', content: json(ingestResult) },
        '202': {
          description: 'Ignored',
          content: json({
            type: 'object',
            properties: { ignored: { type: 'string' } },
          }),
        },
        ...errors,
      },
    },
  },
  '/usage/events': {
    post: {
      operationId: 'RecordUsageEvents',
      description:
        "Portal analytics events of the signed-in user (from the frontend forwarder), up to 1000 a request; each event's id makes a replay store nothing twice. The user and their team come from the credentials and the catalog.",
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['events'],
          properties: {
            events: {
              type: 'array',
              maxItems: 1000,
              items: {
                type: 'object',
                required: ['id', 'action', 'subject', 'at'],
                properties: {
                  id: { type: 'string' },
                  action: { type: 'string' },
                  subject: { type: 'string' },
                  at: { type: 'string', format: 'date-time' },
                  pluginId: { type: 'string' },
                  extensionId: { type: 'string' },
                  routeRef: { type: 'string' },
                },
              },
            },
            installedPlugins: { type: 'array', items: { type: 'string' } },
          },
        }),
      },
      responses: {
        '202': {
          description: 'Stored',
          content: json({
            type: 'object',
            properties: {
              received: { type: 'integer' },
              stored: { type: 'integer' },
              duplicates: { type: 'integer' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/usage/import': {
    post: {
      operationId: 'ImportUsageEvents',
      description:
        'Portal usage recorded elsewhere (another analytics tool), up to 1000 events a request, each naming its user; replays store nothing twice. Services may import; users need golden-path.usage.import. Audited.',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['events'],
          properties: {
            events: {
              type: 'array',
              minItems: 1,
              maxItems: 1000,
              items: {
                type: 'object',
                required: ['id', 'userRef', 'action', 'subject', 'at'],
                properties: {
                  id: { type: 'string' },
                  userRef: { type: 'string' },
                  action: { type: 'string' },
                  subject: { type: 'string' },
                  at: { type: 'string', format: 'date-time' },
                  pluginId: { type: 'string' },
                  extensionId: { type: 'string' },
                  routeRef: { type: 'string' },
                },
              },
            },
          },
        }),
      },
      responses: {
        '200': {
          description: 'Stored',
          content: json({
            type: 'object',
            properties: {
              received: { type: 'integer' },
              stored: { type: 'integer' },
              duplicates: { type: 'integer' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/usage/features': {
    get: {
      operationId: 'GetFeatureUsage',
      description:
        'Events and teams per plugin and page in a period of whole weeks (default the last 13), distinct and weekly active users, and installed plugins nobody used.',
      parameters: [...rangeQueries],
      responses: {
        '200': {
          description: 'Feature usage',
          content: json({
            type: 'object',
            properties: {
              from: { type: 'string' },
              to: { type: 'string' },
              features: { type: 'array', items: { type: 'object' } },
              ignoredPlugins: { type: 'array', items: { type: 'string' } },
              activeUsers: { type: 'integer' },
              weeks: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    week: { type: 'string' },
                    users: { type: 'integer' },
                    teams: { type: 'integer' },
                  },
                },
              },
              computedAt: { type: 'string' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/metrics': {
    get: {
      operationId: 'GetPlatformMetrics',
      description:
        'The nine platform metrics for a period of whole weeks (default the last 13), for a team tree and a golden path: value, target, status, trend against the previous period, weekly series and population; the anti-patterns they show; the template funnel and catalog coverage.',
      parameters: [...rangeQueries, pathQuery],
      responses: {
        '200': {
          description: 'The metrics',
          content: json({
            type: 'object',
            required: [
              'from',
              'to',
              'previous',
              'metrics',
              'antiPatterns',
              'funnel',
              'catalogCoverage',
              'computedAt',
            ],
            properties: {
              from: { type: 'string' },
              to: { type: 'string' },
              previous: { type: 'object' },
              metrics: { type: 'array', items: metric },
              antiPatterns: { type: 'array', items: { type: 'object' } },
              funnel: { type: 'object' },
              catalogCoverage: { type: 'object' },
              computedAt: { type: 'string' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/metrics/teams': {
    get: {
      operationId: 'GetTeamMetrics',
      description:
        "Every team's standing in a period: adoption and average score from the last scoring run, tickets, production deployments, completed template runs, active portal users, and the latest campaign's NPS (withheld below the minimum group size).",
      parameters: [...rangeQueries],
      responses: {
        '200': {
          description: 'The teams',
          content: json({
            type: 'object',
            required: ['from', 'to', 'teams', 'computedAt'],
            properties: {
              from: { type: 'string' },
              to: { type: 'string' },
              group: { type: 'string' },
              teams: { type: 'array', items: { type: 'object' } },
              computedAt: { type: 'string' },
            },
          }),
        },
        ...errors,
      },
    },
  },
} as const;
