/** Pieces the parts of the OpenAPI document share. */

export const json = <T>(schema: T) =>
  ({ 'application/json': { schema } } as const);

export const csv = { 'text/csv': { schema: { type: 'string' } } } as const;

export const errorResponses = {
  '400': { $ref: '#/components/responses/Error' },
  '401': { $ref: '#/components/responses/Error' },
  '403': { $ref: '#/components/responses/Error' },
  '404': { $ref: '#/components/responses/Error' },
  default: { $ref: '#/components/responses/Error' },
} as const;

export const conflictResponse = {
  '409': { $ref: '#/components/responses/Error' },
} as const;

export const groupQuery = {
  name: 'group',
  in: 'query',
  required: false,
  allowReserved: true,
  description: 'A group ref: the group and every group below it',
  schema: { type: 'string' },
} as const;

/** A figures period of whole weeks, and a team tree. */
export const weekRangeQueries = [
  {
    name: 'from',
    in: 'query',
    required: false,
    allowReserved: true,
    description:
      'Start (ISO 8601); figures count whole ISO weeks from its Monday. Default 13 weeks before `to`',
    schema: { type: 'string', format: 'date-time' },
  },
  {
    name: 'to',
    in: 'query',
    required: false,
    allowReserved: true,
    description: 'End (ISO 8601), default now',
    schema: { type: 'string', format: 'date-time' },
  },
  groupQuery,
] as const;

export const pathQuery = {
  name: 'path',
  in: 'query',
  required: false,
  description: 'A golden path id',
  schema: { type: 'string' },
} as const;

/** What storing a batch from an outside system did. */
export const ingestResultProperties = {
  source: { type: 'string' },
  received: { type: 'integer' },
  inserted: { type: 'integer' },
  updated: { type: 'integer' },
  unchanged: { type: 'integer', description: 'Same as stored' },
  stale: { type: 'integer', description: 'Older than the stored update' },
  expired: {
    type: 'integer',
    description: 'Older than the retention, not stored',
  },
} as const;
