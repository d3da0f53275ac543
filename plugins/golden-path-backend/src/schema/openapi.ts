/**
 * The golden-path backend's REST API. The router validates every request's
 * path, query and body against it before a handler runs, and serves it at
 * `/api/golden-path/openapi.json`. Unexpected body keys are refused by the
 * handlers, whose messages name the key.
 */

import { deliveryPaths, deliverySchemas } from './delivery';
import { feedbackPaths, feedbackSchemas } from './feedback';
import { errorResponses, json } from './fragments';

const entityPathParameters = [
  {
    name: 'kind',
    in: 'path',
    required: true,
    description: 'Entity kind, e.g. component',
    schema: { type: 'string' },
  },
  {
    name: 'namespace',
    in: 'path',
    required: true,
    schema: { type: 'string' },
  },
  { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
] as const;

const dayQuery = (name: string, description: string) =>
  ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string', format: 'date' },
  } as const);

const templatePathParameters = [
  { name: 'namespace', in: 'path', required: true, schema: { type: 'string' } },
  {
    name: 'name',
    in: 'path',
    required: true,
    description: 'Template name',
    schema: { type: 'string' },
  },
] as const;

const instantQuery = (name: string, description: string) =>
  ({
    name,
    in: 'query',
    required: false,
    // ISO times hold ':', which a hand-written query need not encode.
    allowReserved: true,
    description,
    schema: { type: 'string', format: 'date-time' },
  } as const);

const rangeQueries = [
  instantQuery(
    'from',
    'Runs created at or after (ISO 8601), default 90 days before `to`',
  ),
  instantQuery('to', 'Runs created before (ISO 8601), default now'),
] as const;

const runFigureProperties = {
  runs: { type: 'integer' },
  finished: { type: 'integer' },
  succeeded: { type: 'integer' },
  failed: { type: 'integer' },
  cancelled: { type: 'integer' },
  successRate: {
    type: 'number',
    description: 'succeeded / finished, absent when none finished',
  },
  medianDurationMs: { type: 'number' },
  p90DurationMs: { type: 'number' },
  timeSavedSeconds: { type: 'number' },
  runsWithoutTimeSaved: { type: 'integer' },
} as const;

const nullable = <T extends string>(type: T) =>
  ({ type: [type, 'null'] } as const);

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'golden-path',
    version: '1',
    description:
      'Golden-path results, adoption, history, exemptions, pushed facts, template runs, developer surveys, support tickets, deployments, portal usage and platform metrics. Every endpoint needs Backstage credentials.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  security: [{ JWT: [] }],
  components: {
    securitySchemes: {
      JWT: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    },
    responses: {
      Error: {
        description: 'An error, with a message naming the problem',
        content: json({ $ref: '#/components/schemas/Error' }),
      },
    },
    schemas: {
      ...feedbackSchemas,
      ...deliverySchemas,
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
            },
          },
          request: { type: 'object' },
          response: { type: 'object' },
        },
      },
      Provenance: {
        type: 'object',
        required: ['templateRef', 'source'],
        properties: {
          templateRef: { type: 'string' },
          templateVersion: { type: 'string' },
          goldenPathId: { type: 'string' },
          source: {
            type: 'string',
            description:
              'golden-path-tag, source-template-annotation, scaffolded-from, or a resolver module',
          },
        },
      },
      TemplateDrift: {
        type: 'object',
        required: ['status'],
        properties: {
          status: {
            type: 'string',
            enum: ['current', 'behind', 'ahead', 'unknown'],
          },
          by: {
            type: 'string',
            enum: ['major', 'minor', 'patch', 'prerelease'],
          },
          distance: { type: 'integer' },
          reason: { type: 'string' },
        },
      },
      TemplateRunSource: {
        type: 'object',
        required: ['state'],
        properties: {
          state: { type: 'string', enum: ['ok', 'never-read', 'unavailable'] },
          readAt: { type: 'string', format: 'date-time' },
          message: { type: 'string' },
        },
      },
      TemplateRun: {
        type: 'object',
        required: ['taskId', 'templateRef', 'team', 'status', 'createdAt'],
        properties: {
          taskId: { type: 'string' },
          templateRef: { type: 'string' },
          templateVersion: { type: 'string' },
          timeSavedSeconds: { type: 'number' },
          runBy: { type: 'string' },
          team: { type: 'string' },
          status: {
            type: 'string',
            enum: [
              'open',
              'processing',
              'completed',
              'failed',
              'cancelled',
              'skipped',
            ],
          },
          createdAt: { type: 'string', format: 'date-time' },
          finishedAt: { type: 'string', format: 'date-time' },
          durationMs: { type: 'number' },
          entityRef: { type: 'string' },
        },
      },
      TemplateFigures: {
        type: 'object',
        required: [
          'templateRef',
          'runs',
          'teams',
          'versions',
          'entitiesCreated',
          'entitiesInCatalog',
        ],
        properties: {
          templateRef: { type: 'string' },
          ...runFigureProperties,
          teams: {
            type: 'array',
            items: {
              type: 'object',
              properties: { team: { type: 'string' }, ...runFigureProperties },
            },
          },
          versions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                version: { type: 'string' },
                runs: { type: 'integer' },
              },
            },
          },
          entitiesCreated: { type: 'integer' },
          entitiesInCatalog: { type: 'integer' },
        },
      },
      Remediation: {
        type: 'object',
        required: ['text'],
        properties: { text: { type: 'string' }, url: { type: 'string' } },
      },
      CheckResult: {
        type: 'object',
        required: ['id', 'title', 'weight', 'verdict'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
          level: { type: 'string' },
          weight: { type: 'number' },
          remediation: { $ref: '#/components/schemas/Remediation' },
          verdict: {
            type: 'string',
            enum: ['pass', 'fail', 'exempt', 'unknown'],
          },
          inputs: {
            type: 'object',
            description:
              'Each path the predicate read and its value (null: absent)',
            additionalProperties: true,
          },
          exemption: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              reason: { type: 'string' },
              expiresAt: { type: 'string', format: 'date-time' },
              grantedBy: { type: 'string' },
            },
          },
        },
      },
      EntityResults: {
        type: 'object',
        required: [
          'entityRef',
          'status',
          'eligible',
          'path',
          'suggestedPaths',
          'provenance',
          'drift',
          'score',
          'coverage',
          'level',
          'levels',
          'checks',
          'unavailableSources',
          'evaluatedAt',
        ],
        properties: {
          entityRef: { type: 'string' },
          status: {
            type: 'string',
            enum: ['recorded', 'pending', 'not-eligible'],
          },
          eligible: { type: 'boolean' },
          path: {
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                required: ['id', 'title'],
                properties: {
                  id: { type: 'string' },
                  title: { type: 'string' },
                  docsUrl: { type: 'string' },
                  latestVersion: { type: 'string' },
                },
              },
            ],
          },
          suggestedPaths: {
            type: 'array',
            description:
              'For an entity on no path: the paths that apply to it and their templates',
            items: {
              type: 'object',
              required: ['id', 'title', 'templates'],
              properties: {
                id: { type: 'string' },
                title: { type: 'string' },
                docsUrl: { type: 'string' },
                templates: { type: 'array', items: { type: 'string' } },
              },
            },
          },
          provenance: {
            oneOf: [
              { type: 'null' },
              { $ref: '#/components/schemas/Provenance' },
            ],
          },
          drift: {
            oneOf: [
              { type: 'null' },
              { $ref: '#/components/schemas/TemplateDrift' },
            ],
          },
          score: { ...nullable('number'), description: '0-100' },
          coverage: {
            ...nullable('number'),
            description:
              'Weighted share of checks that could be evaluated, 0-1',
          },
          level: nullable('string'),
          levels: {
            type: 'array',
            description: 'The configured levels, lowest first',
            items: { type: 'string' },
          },
          checks: {
            type: 'array',
            items: { $ref: '#/components/schemas/CheckResult' },
          },
          unavailableSources: { type: 'array', items: { type: 'string' } },
          evaluatedAt: { ...nullable('string'), format: 'date-time' },
        },
      },
      EntityHistory: {
        type: 'object',
        required: ['entityRef', 'from', 'to', 'points'],
        properties: {
          entityRef: { type: 'string' },
          from: { type: 'string', format: 'date' },
          to: { type: 'string', format: 'date' },
          points: {
            type: 'array',
            description:
              'A point per change, at most one per day, each holding until the next; the first may predate `from`',
            items: {
              type: 'object',
              required: [
                'day',
                'pathId',
                'score',
                'coverage',
                'level',
                'evaluatedAt',
              ],
              properties: {
                day: { type: 'string', format: 'date' },
                pathId: nullable('string'),
                score: nullable('number'),
                coverage: nullable('number'),
                level: nullable('string'),
                evaluatedAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
      Adoption: {
        type: 'object',
        required: ['eligible', 'onPath', 'ratio'],
        properties: {
          eligible: { type: 'integer' },
          onPath: { type: 'integer' },
          ratio: nullable('number'),
          averageScore: nullable('number'),
          levels: {
            type: 'object',
            additionalProperties: { type: 'integer' },
          },
        },
      },
      Paths: {
        type: 'object',
        required: ['paths', 'overall', 'computedAt'],
        properties: {
          paths: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'title', 'templates', 'checks', 'adoption'],
              properties: {
                id: { type: 'string' },
                title: { type: 'string' },
                description: { type: 'string' },
                owner: { type: 'string' },
                docsUrl: { type: 'string' },
                templates: { type: 'array', items: { type: 'string' } },
                latestVersion: { type: 'string' },
                appliesTo: { description: 'A filter predicate' },
                checks: { type: 'array', items: { type: 'object' } },
                adoption: { $ref: '#/components/schemas/Adoption' },
              },
            },
          },
          overall: { $ref: '#/components/schemas/Adoption' },
          computedAt: { ...nullable('string'), format: 'date-time' },
        },
      },
      GroupRollup: {
        type: 'object',
        required: [
          'groupRef',
          'groups',
          'adoption',
          'averageScore',
          'levels',
          'entities',
          'truncated',
          'computedAt',
        ],
        properties: {
          groupRef: { type: 'string' },
          groups: { type: 'array', items: { type: 'string' } },
          adoption: { $ref: '#/components/schemas/Adoption' },
          averageScore: nullable('number'),
          levels: {
            type: 'object',
            additionalProperties: { type: 'integer' },
          },
          entities: {
            type: 'array',
            items: {
              type: 'object',
              required: ['entityRef', 'ownerRef', 'pathId', 'score', 'level'],
              properties: {
                entityRef: { type: 'string' },
                ownerRef: { type: 'string' },
                eligible: { type: 'boolean' },
                pathId: nullable('string'),
                score: nullable('number'),
                coverage: nullable('number'),
                level: nullable('string'),
                drift: {
                  oneOf: [
                    { type: 'null' },
                    { $ref: '#/components/schemas/TemplateDrift' },
                  ],
                },
              },
            },
          },
          truncated: { type: 'boolean' },
          computedAt: { ...nullable('string'), format: 'date-time' },
        },
      },
      History: {
        type: 'object',
        required: ['pathId', 'groupRef', 'points'],
        properties: {
          pathId: { type: 'string' },
          groupRef: nullable('string'),
          points: {
            type: 'array',
            items: {
              type: 'object',
              required: ['day', 'eligible', 'onPath', 'ratio', 'averageScore'],
              properties: {
                day: { type: 'string', format: 'date' },
                eligible: { type: 'integer' },
                onPath: { type: 'integer' },
                ratio: nullable('number'),
                averageScore: nullable('number'),
              },
            },
          },
        },
      },
      Exemption: {
        type: 'object',
        required: [
          'id',
          'entityRef',
          'checkId',
          'reason',
          'expiresAt',
          'grantedBy',
          'grantedAt',
        ],
        properties: {
          id: { type: 'string' },
          entityRef: { type: 'string' },
          checkId: { type: 'string' },
          reason: { type: 'string' },
          expiresAt: { type: 'string', format: 'date-time' },
          grantedBy: { type: 'string' },
          grantedAt: { type: 'string', format: 'date-time' },
        },
      },
      CreateExemption: {
        type: 'object',
        required: ['entityRef', 'checkId', 'reason', 'expiresAt'],
        properties: {
          entityRef: {
            type: 'string',
            description: 'e.g. component:default/payments-api',
          },
          checkId: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 1, maxLength: 1000 },
          expiresAt: {
            type: 'string',
            description: 'ISO 8601 date-time with offset, in the future',
          },
        },
      },
      FactPush: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            minItems: 1,
            maxItems: 1000,
            items: {
              type: 'object',
              required: ['entityRef', 'facts'],
              properties: {
                entityRef: { type: 'string' },
                facts: {
                  type: 'object',
                  description:
                    "Values of the source's declared fields (goldenPath.factSources)",
                },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/entities/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetEntityResults',
        description:
          "One entity's results: score, level, every check with its verdict and remediation, provenance, drift and when it was evaluated. 404 when the caller cannot see the entity in the catalog.",
        parameters: entityPathParameters,
        responses: {
          '200': {
            description: 'The results',
            content: json({ $ref: '#/components/schemas/EntityResults' }),
          },
          ...errorResponses,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/refresh': {
      post: {
        operationId: 'RefreshEntity',
        description:
          'Re-scores one entity now and returns its new results; daily aggregates follow at the next run.',
        parameters: entityPathParameters,
        responses: {
          '200': {
            description: 'The new results',
            content: json({ $ref: '#/components/schemas/EntityResults' }),
          },
          ...errorResponses,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/history': {
      get: {
        operationId: 'GetEntityHistory',
        description: "One entity's score history, a point per change.",
        parameters: [
          ...entityPathParameters,
          dayQuery('from', 'First day (UTC), default 90 days before `to`'),
          dayQuery('to', 'Last day (UTC), default today'),
        ],
        responses: {
          '200': {
            description: 'The history',
            content: json({ $ref: '#/components/schemas/EntityHistory' }),
          },
          ...errorResponses,
        },
      },
    },
    '/paths': {
      get: {
        operationId: 'ListPaths',
        description:
          'Every configured golden path with its adoption from the latest scoring run.',
        responses: {
          '200': {
            description: 'The paths',
            content: json({ $ref: '#/components/schemas/Paths' }),
          },
          ...errorResponses,
        },
      },
    },
    '/groups/{namespace}/{name}': {
      get: {
        operationId: 'GetGroupRollup',
        description:
          "A group's adoption, average score and levels over it and its nested sub-groups, with their entities (at most 1000).",
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: { type: 'string' },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'The rollup',
            content: json({ $ref: '#/components/schemas/GroupRollup' }),
          },
          ...errorResponses,
        },
      },
    },
    '/history': {
      get: {
        operationId: 'GetHistory',
        description:
          'Daily adoption and average score of one path (or all), optionally of one group and its sub-groups.',
        parameters: [
          {
            name: 'path',
            in: 'query',
            required: false,
            description: "A path id, or '*' (the default) for all paths",
            schema: { type: 'string', minLength: 1 },
          },
          {
            name: 'group',
            in: 'query',
            required: false,
            description: 'A group entity ref, e.g. group:default/payments',
            // Entity refs contain ':' and '/', which need no escaping in a query.
            allowReserved: true,
            schema: { type: 'string' },
          },
          dayQuery('from', 'First day (UTC), default 90 days before `to`'),
          dayQuery('to', 'Last day (UTC), default today'),
        ],
        responses: {
          '200': {
            description: 'The series',
            content: json({ $ref: '#/components/schemas/History' }),
          },
          ...errorResponses,
        },
      },
    },
    '/facts/{source}': {
      post: {
        operationId: 'PushFacts',
        description:
          'Stores facts from an external system for up to 1000 entities, validated whole against the fields the source declares; idempotent. Users need golden-path.facts.push; services (external access tokens) may push.',
        parameters: [
          {
            name: 'source',
            in: 'path',
            required: true,
            description: 'A source id from goldenPath.factSources',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: json({ $ref: '#/components/schemas/FactPush' }),
        },
        responses: {
          '200': {
            description: 'How many entities the push covered',
            content: json({
              type: 'object',
              required: ['source', 'accepted'],
              properties: {
                source: { type: 'string' },
                accepted: { type: 'integer' },
              },
            }),
          },
          ...errorResponses,
        },
      },
    },
    '/exemptions': {
      get: {
        operationId: 'ListExemptions',
        description: 'Exemptions, optionally of one entity.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'The exemptions',
            content: json({
              type: 'object',
              required: ['items'],
              properties: {
                items: {
                  type: 'array',
                  items: { $ref: '#/components/schemas/Exemption' },
                },
              },
            }),
          },
          ...errorResponses,
        },
      },
      post: {
        operationId: 'GrantExemption',
        description:
          'Grants an exemption (users holding golden-path.exemption.manage); audited.',
        requestBody: {
          required: true,
          content: json({ $ref: '#/components/schemas/CreateExemption' }),
        },
        responses: {
          '201': {
            description: 'The exemption',
            content: json({ $ref: '#/components/schemas/Exemption' }),
          },
          '409': { $ref: '#/components/responses/Error' },
          ...errorResponses,
        },
      },
    },
    '/templates': {
      get: {
        operationId: 'GetTemplatesFigures',
        description:
          'Run figures of every template that ran in the range, and per runner team (users holding golden-path.template-runs.read).',
        parameters: [...rangeQueries],
        responses: {
          '200': {
            description: 'The figures',
            content: json({
              type: 'object',
              properties: {
                from: { type: 'string' },
                to: { type: 'string' },
                templates: {
                  type: 'array',
                  items: { $ref: '#/components/schemas/TemplateFigures' },
                },
                teams: { type: 'array', items: { type: 'object' } },
                source: { $ref: '#/components/schemas/TemplateRunSource' },
              },
            }),
          },
          ...errorResponses,
        },
      },
    },
    '/templates/{namespace}/{name}/figures': {
      get: {
        operationId: 'GetTemplateFigures',
        description:
          "One template's runs, success rate, median and p90 duration, time saved and entities created, overall and per team and version (its owners, or golden-path.template-runs.read).",
        parameters: [...templatePathParameters, ...rangeQueries],
        responses: {
          '200': {
            description: 'The figures',
            content: json({
              type: 'object',
              properties: {
                from: { type: 'string' },
                to: { type: 'string' },
                figures: { $ref: '#/components/schemas/TemplateFigures' },
                source: { $ref: '#/components/schemas/TemplateRunSource' },
              },
            }),
          },
          ...errorResponses,
        },
      },
    },
    '/templates/{namespace}/{name}/runs': {
      get: {
        operationId: 'GetTemplateRuns',
        description:
          "One template's runs, newest first, optionally of one user, status and time range (its owners, or golden-path.template-runs.read).",
        parameters: [
          ...templatePathParameters,
          {
            name: 'user',
            in: 'query',
            required: false,
            description: 'A user entity ref, e.g. user:default/jane',
            allowReserved: true,
            schema: { type: 'string' },
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: [
                'open',
                'processing',
                'completed',
                'failed',
                'cancelled',
                'skipped',
              ],
            },
          },
          instantQuery('from', 'Runs created at or after (ISO 8601)'),
          instantQuery('to', 'Runs created before (ISO 8601)'),
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 500 },
          },
          {
            name: 'offset',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 0 },
          },
        ],
        responses: {
          '200': {
            description: 'A page of runs',
            content: json({
              type: 'object',
              properties: {
                items: {
                  type: 'array',
                  items: { $ref: '#/components/schemas/TemplateRun' },
                },
                totalItems: { type: 'integer' },
                source: { $ref: '#/components/schemas/TemplateRunSource' },
              },
            }),
          },
          ...errorResponses,
        },
      },
    },
    '/templates/{namespace}/{name}/entities': {
      get: {
        operationId: 'GetTemplateEntities',
        description:
          "The catalog entities whose provenance names the template, with their drift from the path's latest version and since when, most drifted first (its owners, or golden-path.template-runs.read).",
        parameters: [...templatePathParameters],
        responses: {
          '200': {
            description: 'The entities',
            content: json({
              type: 'object',
              properties: {
                templateRef: { type: 'string' },
                latestVersion: { type: 'string' },
                items: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      entityRef: { type: 'string' },
                      pathId: nullable('string'),
                      templateVersion: { type: 'string' },
                      drift: { $ref: '#/components/schemas/TemplateDrift' },
                      behindSince: { type: 'string', format: 'date-time' },
                      score: nullable('number'),
                      level: nullable('string'),
                    },
                  },
                },
              },
            }),
          },
          ...errorResponses,
        },
      },
    },
    '/exemptions/{id}': {
      delete: {
        operationId: 'RevokeExemption',
        description:
          'Revokes an exemption (users holding golden-path.exemption.manage); audited.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string' },
          },
        ],
        responses: {
          '204': { description: 'Revoked' },
          ...errorResponses,
        },
      },
    },
    ...feedbackPaths,
    ...deliveryPaths,
  },
} as const;
