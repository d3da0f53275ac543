import { z } from 'zod';
import {
  entityRefSchema,
  instantQuerySchema,
  instantSchema,
} from '../validation/input';

export const createExemptionSchema = z
  .object({
    entityRef: entityRefSchema,
    checkId: z.string().min(1),
    reason: z.string().trim().min(1, 'must say why').max(1000),
    expiresAt: instantSchema,
  })
  .strict();

export const listExemptionsQuerySchema = z
  .object({ entityRef: entityRefSchema.optional() })
  .strict();

// The OpenAPI document already holds days to YYYY-MM-DD.
const day = z.string();

export const historyQuerySchema = z
  .object({
    path: z.string().min(1).default('*'),
    group: entityRefSchema.optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();

export const entityHistoryQuerySchema = z
  .object({ from: day.optional(), to: day.optional() })
  .strict();

const instant = instantQuerySchema;

export const templateRangeQuerySchema = z
  .object({ from: instant.optional(), to: instant.optional() })
  .strict();

export const templateRunsQuerySchema = z
  .object({
    user: entityRefSchema.optional(),
    status: z
      .enum([
        'open',
        'processing',
        'completed',
        'failed',
        'cancelled',
        'skipped',
      ])
      .optional(),
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
