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

/**
 * An ISO 8601 date-time with an offset that is a real time: zod's form
 * lets offsets such as +25:00 through, which JavaScript cannot read and
 * PostgreSQL would refuse.
 */
export const instantSchema = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .refine(
    value => Number.isFinite(Date.parse(value)),
    'must be an ISO 8601 date-time',
  );

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

// The instants a query may name: real times (the OpenAPI document's
// date-time format lets 23:59:60 through, which JavaScript cannot hold)
// that PostgreSQL timestamps hold with a period of as long before them.
const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
const LATEST_INSTANT = Date.UTC(9999, 11, 31);
export const INSTANT_RANGE_MESSAGE =
  'must be an ISO 8601 date-time from 1970 to 9999';

/** Whether a query's date-time is a real time within what is stored. */
export function isQueryInstant(value: string): boolean {
  const at = Date.parse(value);
  return at >= EARLIEST_INSTANT && at <= LATEST_INSTANT;
}

/** A date-time in a query, as {@link isQueryInstant} takes it. */
export const instantQuerySchema = z
  .string()
  .refine(isQueryInstant, INSTANT_RANGE_MESSAGE);
