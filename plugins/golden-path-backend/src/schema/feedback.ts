/**
 * The survey, rating and ticket operations of the REST API, merged into
 * {@link spec} in `openapi.ts`.
 */

import {
  conflictResponse,
  csv,
  errorResponses,
  groupQuery,
  ingestResultProperties,
  json,
  pathQuery,
  weekRangeQueries,
} from './fragments';

const errors = errorResponses;
const conflict = conflictResponse;

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Campaign id',
  schema: { type: 'string' },
} as const;

const sourceQuery = {
  name: 'source',
  in: 'query',
  required: false,
  description: 'Source id the tickets are keyed under (lower-case)',
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-_.]{0,63}$' },
} as const;

const ticketRangeQueries = [...weekRangeQueries, pathQuery] as const;

const npsFigures = {
  type: 'object',
  required: ['responses', 'promoters', 'passives', 'detractors'],
  properties: {
    responses: { type: 'integer' },
    promoters: { type: 'integer' },
    passives: { type: 'integer' },
    detractors: { type: 'integer' },
    score: {
      type: 'number',
      description: '% promoters − % detractors; absent without responses',
    },
  },
} as const;

const suppressible = {
  type: 'object',
  required: ['responses', 'suppressed'],
  properties: {
    responses: { type: 'integer' },
    suppressed: {
      type: 'boolean',
      description: 'Below the minimum group size: figures withheld',
    },
    nps: npsFigures,
  },
} as const;

const durationFigures = {
  type: 'object',
  required: ['count'],
  properties: {
    count: { type: 'integer' },
    medianMs: { type: 'number' },
    p90Ms: { type: 'number' },
  },
} as const;

const sliceFigures = {
  type: 'object',
  required: ['opened', 'resolved', 'requests', 'firstResponse', 'resolution'],
  properties: {
    opened: { type: 'integer' },
    resolved: { type: 'integer' },
    requests: { type: 'integer', description: "Tickets of type 'request'" },
    reopenRate: { type: 'number' },
    firstResponse: durationFigures,
    resolution: durationFigures,
  },
} as const;

const trend = {
  type: 'object',
  required: ['previous', 'change', 'direction'],
  properties: {
    previous: { type: 'number' },
    change: { type: 'number' },
    relativeChange: { type: 'number' },
    direction: { type: 'string', enum: ['up', 'down', 'flat'] },
    improving: { type: 'boolean' },
  },
} as const;

const ingestResult = {
  type: 'object',
  required: [
    'source',
    'received',
    'inserted',
    'updated',
    'unchanged',
    'stale',
    'expired',
  ],
  properties: ingestResultProperties,
} as const;

export const feedbackSchemas = {
  SurveyQuestion: {
    type: 'object',
    required: ['id', 'type', 'text'],
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-_]{0,63}$' },
      type: { type: 'string', enum: ['nps', 'text', 'path-rating'] },
      text: { type: 'string', minLength: 1, maxLength: 500 },
      pathId: { type: 'string', description: 'For path-rating questions' },
    },
  },
  SurveyCampaignInput: {
    type: 'object',
    required: [
      'title',
      'questions',
      'audience',
      'opensAt',
      'closesAt',
      'anonymous',
    ],
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 200 },
      description: { type: 'string', maxLength: 2000 },
      questions: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        description: 'Exactly one nps question',
        items: { $ref: '#/components/schemas/SurveyQuestion' },
      },
      audience: {
        type: 'object',
        required: ['type'],
        properties: {
          type: { type: 'string', enum: ['all', 'groups'] },
          groups: { type: 'array', items: { type: 'string' } },
        },
      },
      opensAt: { type: 'string', format: 'date-time' },
      closesAt: { type: 'string', format: 'date-time' },
      anonymous: { type: 'boolean' },
    },
  },
  SurveyCampaign: {
    allOf: [
      { $ref: '#/components/schemas/SurveyCampaignInput' },
      {
        type: 'object',
        required: [
          'id',
          'state',
          'createdBy',
          'createdAt',
          'updatedAt',
          'responses',
        ],
        properties: {
          id: { type: 'string' },
          state: { type: 'string', enum: ['scheduled', 'open', 'closed'] },
          createdBy: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
          closedAt: { type: 'string' },
          responses: { type: 'integer' },
        },
      },
    ],
  },
  TicketInput: {
    type: 'object',
    required: ['id', 'status', 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'string', description: "The tracker's id" },
      title: { type: 'string' },
      url: { type: 'string' },
      type: {
        type: 'string',
        enum: ['request', 'incident', 'bug', 'question', 'other'],
      },
      category: { type: 'string' },
      labels: { type: 'array', items: { type: 'string' } },
      components: {
        type: 'array',
        items: { type: 'string' },
        description: 'Catalog component names',
      },
      status: {
        type: 'string',
        enum: ['open', 'in-progress', 'waiting', 'resolved', 'closed'],
      },
      requester: {
        type: 'string',
        description: 'Email, username or user entity ref',
      },
      entityRef: { type: 'string' },
      pathId: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      firstResponseAt: { type: 'string', format: 'date-time' },
      resolvedAt: { type: 'string', format: 'date-time' },
      reopenCount: { type: 'integer', minimum: 0 },
    },
  },
} as const;

export const feedbackPaths = {
  '/surveys': {
    get: {
      operationId: 'ListSurveyCampaigns',
      description: 'Every survey campaign, newest first.',
      responses: {
        '200': {
          description: 'The campaigns',
          content: json({
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: { $ref: '#/components/schemas/SurveyCampaign' },
              },
            },
          }),
        },
        ...errors,
      },
    },
    post: {
      operationId: 'CreateSurveyCampaign',
      description:
        'Creates a campaign (users holding golden-path.survey.manage); audited.',
      requestBody: {
        required: true,
        content: json({ $ref: '#/components/schemas/SurveyCampaignInput' }),
      },
      responses: {
        '201': {
          description: 'The campaign',
          content: json({ $ref: '#/components/schemas/SurveyCampaign' }),
        },
        ...errors,
      },
    },
  },
  '/surveys/prompt': {
    get: {
      operationId: 'GetSurveyPrompt',
      description:
        'What the in-portal prompt asks the caller now: an open campaign of theirs they have neither answered nor dismissed, else a rating of a golden path they recently ran a template of; at most one.',
      responses: {
        '200': {
          description: 'The prompt, or none',
          content: json({
            type: 'object',
            properties: { prompt: { type: 'object' } },
          }),
        },
        ...errors,
      },
    },
  },
  '/surveys/trend': {
    get: {
      operationId: 'GetSurveyTrend',
      description:
        'NPS per quarter and per campaign, for everyone or one group and its sub-groups; groups below the minimum size withheld.',
      parameters: [groupQuery],
      responses: {
        '200': {
          description: 'The trend',
          content: json({
            type: 'object',
            required: ['minGroupSize', 'quarters', 'campaigns', 'computedAt'],
            properties: {
              minGroupSize: { type: 'integer' },
              quarters: { type: 'array', items: suppressible },
              campaigns: { type: 'array', items: suppressible },
              computedAt: { type: 'string' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/surveys/{id}': {
    get: {
      operationId: 'GetSurveyCampaign',
      description: 'One campaign.',
      parameters: [idParameter],
      responses: {
        '200': {
          description: 'The campaign',
          content: json({ $ref: '#/components/schemas/SurveyCampaign' }),
        },
        ...errors,
      },
    },
    put: {
      operationId: 'UpdateSurveyCampaign',
      description:
        'Replaces a campaign that is not closed (golden-path.survey.manage); once it has responses its questions and anonymity are fixed (409). Audited.',
      parameters: [idParameter],
      requestBody: {
        required: true,
        content: json({ $ref: '#/components/schemas/SurveyCampaignInput' }),
      },
      responses: {
        '200': {
          description: 'The campaign',
          content: json({ $ref: '#/components/schemas/SurveyCampaign' }),
        },
        ...conflict,
        ...errors,
      },
    },
    delete: {
      operationId: 'DeleteSurveyCampaign',
      description:
        'Deletes a campaign with its responses (golden-path.survey.manage); audited.',
      parameters: [idParameter],
      responses: { '204': { description: 'Deleted' }, ...errors },
    },
  },
  '/surveys/{id}/close': {
    post: {
      operationId: 'CloseSurveyCampaign',
      description:
        'Closes a campaign now (golden-path.survey.manage); audited.',
      parameters: [idParameter],
      responses: {
        '200': {
          description: 'The campaign',
          content: json({ $ref: '#/components/schemas/SurveyCampaign' }),
        },
        ...conflict,
        ...errors,
      },
    },
  },
  '/surveys/{id}/responses': {
    post: {
      operationId: 'AnswerSurveyCampaign',
      description:
        "The caller's answers (signed-in users), replacing their earlier ones: one response per user per campaign. The user comes from the credentials, the team from the catalog.",
      parameters: [idParameter],
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['answers'],
          properties: {
            answers: {
              type: 'object',
              description:
                'By question id: 0-10 for nps, 1-5 for path-rating, text for text',
              additionalProperties: {
                oneOf: [{ type: 'number' }, { type: 'string' }],
              },
            },
          },
        }),
      },
      responses: {
        '201': {
          description: 'Stored',
          content: json({
            type: 'object',
            required: ['replaced'],
            properties: { replaced: { type: 'boolean' } },
          }),
        },
        ...conflict,
        ...errors,
      },
    },
  },
  '/surveys/{id}/responses/import': {
    post: {
      operationId: 'ImportSurveyResponses',
      description:
        "Imports up to 1000 answers collected elsewhere (a spreadsheet, a form tool) into a campaign (golden-path.survey.manage): each keyed by its id in that source, so a re-import replaces instead of adding; never tied to a user; each submittedAt within the campaign's window. Audited.",
      parameters: [idParameter],
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['responses'],
          properties: {
            responses: {
              type: 'array',
              minItems: 1,
              maxItems: 1000,
              items: {
                type: 'object',
                required: ['id', 'submittedAt', 'answers'],
                properties: {
                  id: { type: 'string' },
                  submittedAt: { type: 'string', format: 'date-time' },
                  team: { type: 'string', description: 'A group ref' },
                  answers: { type: 'object' },
                },
              },
            },
          },
        }),
      },
      responses: {
        '200': {
          description: 'What was stored',
          content: json({
            type: 'object',
            required: ['inserted', 'replaced'],
            properties: {
              inserted: { type: 'integer' },
              replaced: { type: 'integer' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/surveys/{id}/dismissal': {
    post: {
      operationId: 'DismissSurveyCampaign',
      description:
        'The caller does not want to answer: the prompt stops asking, on every device.',
      parameters: [idParameter],
      responses: { '204': { description: 'Dismissed' }, ...errors },
    },
  },
  '/surveys/{id}/results': {
    get: {
      operationId: 'GetSurveyResults',
      description:
        'NPS with promoters, passives and detractors, response rate, per team, per quarter and per path-rating question; groups below goldenPath.surveys.minGroupSize withheld.',
      parameters: [idParameter],
      responses: {
        '200': {
          description: 'The results',
          content: json({
            type: 'object',
            required: [
              'campaign',
              'minGroupSize',
              'overall',
              'teams',
              'quarters',
              'paths',
              'comments',
              'computedAt',
            ],
            properties: {
              campaign: { $ref: '#/components/schemas/SurveyCampaign' },
              minGroupSize: { type: 'integer' },
              audienceSize: { type: 'integer' },
              responseRate: { type: 'number' },
              overall: suppressible,
              teams: { type: 'array', items: suppressible },
              quarters: { type: 'array', items: suppressible },
              paths: { type: 'array', items: { type: 'object' } },
              comments: { type: 'object' },
              computedAt: { type: 'string' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/surveys/{id}/comments': {
    get: {
      operationId: 'GetSurveyComments',
      description:
        "Free-text answers, newest first (golden-path.survey.comments.read). Anonymous campaigns' comments carry the quarter, and the team only where its results are shown.",
      parameters: [
        idParameter,
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
          description: 'A page of comments',
          content: json({
            type: 'object',
            required: ['items', 'totalItems'],
            properties: {
              items: { type: 'array', items: { type: 'object' } },
              totalItems: { type: 'integer' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/surveys/{id}/export': {
    get: {
      operationId: 'ExportSurveyResults',
      description:
        'A table of the results as CSV, withheld groups withheld; `comments` needs golden-path.survey.comments.read.',
      parameters: [
        idParameter,
        {
          name: 'table',
          in: 'query',
          required: true,
          schema: {
            type: 'string',
            enum: ['teams', 'quarters', 'paths', 'comments'],
          },
        },
      ],
      responses: {
        '200': { description: 'CSV', content: csv },
        ...errors,
      },
    },
  },
  '/ratings': {
    get: {
      operationId: 'GetPathRatings',
      description:
        'Ratings (1-5) of each golden path, from template runs and campaigns, and per template version; groups below the minimum size withheld.',
      responses: {
        '200': {
          description: 'The ratings',
          content: json({
            type: 'object',
            required: ['minGroupSize', 'paths', 'computedAt'],
            properties: {
              minGroupSize: { type: 'integer' },
              paths: { type: 'array', items: { type: 'object' } },
              computedAt: { type: 'string' },
            },
          }),
        },
        ...errors,
      },
    },
    post: {
      operationId: 'RatePath',
      description:
        'The caller rates the golden path of a template run of their own (signed-in users); a second rating replaces the first.',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['taskId', 'rating'],
          properties: {
            taskId: { type: 'string' },
            rating: { type: 'integer', minimum: 1, maximum: 5 },
            comment: { type: 'string', maxLength: 2000 },
          },
        }),
      },
      responses: {
        '201': {
          description: 'Stored',
          content: json({
            type: 'object',
            required: ['replaced'],
            properties: { replaced: { type: 'boolean' } },
          }),
        },
        ...errors,
      },
    },
  },
  '/ratings/{taskId}/dismissal': {
    post: {
      operationId: 'DismissPathRating',
      description: 'The caller does not want to rate this run.',
      parameters: [
        {
          name: 'taskId',
          in: 'path',
          required: true,
          schema: { type: 'string' },
        },
      ],
      responses: { '204': { description: 'Dismissed' }, ...errors },
    },
  },
  '/tickets': {
    post: {
      operationId: 'PushTickets',
      description:
        'Upserts up to 1000 tickets keyed by source and id, validated whole and written atomically; an update older than the stored one is ignored, so replays store nothing twice. Services (external access tokens) may push; users need golden-path.tickets.write. Audited.',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['source', 'tickets'],
          properties: {
            source: { type: 'string' },
            tickets: {
              type: 'array',
              minItems: 1,
              maxItems: 1000,
              items: { $ref: '#/components/schemas/TicketInput' },
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
  '/tickets/import': {
    post: {
      operationId: 'ImportTicketsCsv',
      description:
        'A CSV file of tickets (header row; columns id, status, created, updated, and optionally title, url, type, category, labels, components, requester, entity, path, first_response, resolved, reopened). `dryRun=true` previews and lists row errors without storing; otherwise any row error rejects the file (400, same body). Same callers as POST /tickets.',
      parameters: [
        sourceQuery,
        {
          name: 'dryRun',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: ['true', 'false'] },
        },
      ],
      requestBody: { required: true, content: csv },
      responses: {
        '200': {
          description: 'The preview, errors and what was stored',
          content: json({
            type: 'object',
            required: ['dryRun', 'rows', 'errors', 'preview'],
            properties: {
              dryRun: { type: 'boolean' },
              rows: { type: 'integer' },
              errors: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['line', 'message'],
                  properties: {
                    line: { type: 'integer' },
                    field: { type: 'string' },
                    message: { type: 'string' },
                  },
                },
              },
              preview: {
                type: 'array',
                items: { $ref: '#/components/schemas/TicketInput' },
              },
              result: ingestResult,
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/tickets/webhooks/jira': {
    post: {
      operationId: 'ReceiveJiraWebhook',
      description:
        'A Jira Service Management issue_created/issue_updated webhook body. Other events are acknowledged (202) and ignored.',
      parameters: [sourceQuery],
      requestBody: {
        required: true,
        content: json({ type: 'object' }),
      },
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
  '/tickets/webhooks/github': {
    post: {
      operationId: 'ReceiveGithubWebhook',
      description:
        'A GitHub issues or issue_comment webhook body, the event named by the X-GitHub-Event header. Other events are acknowledged (202) and ignored.',
      parameters: [
        sourceQuery,
        {
          name: 'x-github-event',
          in: 'header',
          required: true,
          schema: { type: 'string' },
        },
      ],
      requestBody: {
        required: true,
        content: json({ type: 'object' }),
      },
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
  '/tickets/figures': {
    get: {
      operationId: 'GetTicketFigures',
      description:
        'Volume per week and its trend against the previous period, median and p90 time to first response and to resolution, reopen rate, request tickets, top categories and labels, per team and per golden path. Read from weekly rollups.',
      parameters: [...ticketRangeQueries],
      responses: {
        '200': {
          description: 'The figures',
          content: json({
            type: 'object',
            required: [
              'from',
              'to',
              'previous',
              'totals',
              'previousTotals',
              'openedPerWeek',
              'weeks',
              'categories',
              'labels',
              'types',
              'teams',
              'paths',
              'unattributed',
              'computedAt',
            ],
            properties: {
              from: { type: 'string' },
              to: { type: 'string' },
              previous: { type: 'object' },
              totals: sliceFigures,
              previousTotals: sliceFigures,
              openedPerWeek: { type: 'number' },
              volumeTrend: trend,
              resolutionTrend: trend,
              weeks: { type: 'array', items: { type: 'object' } },
              categories: { type: 'array', items: { type: 'object' } },
              labels: { type: 'array', items: { type: 'object' } },
              types: { type: 'array', items: { type: 'object' } },
              teams: { type: 'array', items: sliceFigures },
              paths: { type: 'array', items: sliceFigures },
              unattributed: { type: 'object' },
              computedAt: { type: 'string' },
            },
          }),
        },
        ...errors,
      },
    },
  },
  '/tickets/export': {
    get: {
      operationId: 'ExportTicketFigures',
      description: 'A table of the ticket figures as CSV.',
      parameters: [
        ...ticketRangeQueries,
        {
          name: 'table',
          in: 'query',
          required: true,
          schema: {
            type: 'string',
            enum: ['weeks', 'teams', 'paths', 'categories', 'labels'],
          },
        },
      ],
      responses: {
        '200': { description: 'CSV', content: csv },
        ...errors,
      },
    },
  },
} as const;
