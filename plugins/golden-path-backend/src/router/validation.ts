import { InputError } from '@backstage/errors';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import { z } from 'zod';

/** An entity ref in a request, turned into the suite's lower-case key. */
export const entityRefSchema = z.string().transform((value, ctx) => {
  try {
    return entityRefKey(value);
  } catch {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `'${value}' is not an entity ref like component:default/name`,
    });
    return z.NEVER;
  }
});

export const createExemptionSchema = z
  .object({
    entityRef: entityRefSchema,
    checkId: z.string().min(1),
    reason: z.string().trim().min(1, 'must say why').max(1000),
    expiresAt: z
      .string()
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  })
  .strict();

export const listExemptionsQuerySchema = z
  .object({ entityRef: entityRefSchema.optional() })
  .strict();

/**
 * Parses a request part with a schema, turning failures into a 400 that
 * names the field and the problem.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.');
    throw new InputError(
      `Invalid ${what}: ${field ? `${field}: ` : ''}${issue.message}`,
    );
  }
  return result.data;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-24');

export const historyQuerySchema = z
  .object({
    path: z.string().min(1).default('*'),
    group: entityRefSchema.optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();
