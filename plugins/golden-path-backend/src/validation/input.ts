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
