import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** A problem with one item of a batch. */
export interface BatchProblem {
  index: number;
  field?: string;
  message: string;
}

/**
 * Validates each item of a batch and that no id appears twice, plus an
 * optional check of a valid item; returns the valid items, or every problem
 * found (at most `maxProblems`).
 */
export function parseBatch<T extends { id: string }>(
  items: unknown[],
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  options: {
    check?: (item: T) => Omit<BatchProblem, 'index'> | undefined;
    maxProblems?: number;
  } = {},
): { items: T[]; problems: BatchProblem[] } {
  const parsed: T[] = [];
  const problems: BatchProblem[] = [];
  const seen = new Map<string, number>();
  const maxProblems = options.maxProblems ?? 50;
  items.forEach((raw, index) => {
    if (problems.length >= maxProblems) {
      return;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      problems.push({
        index,
        ...(issue.path.length ? { field: issue.path.join('.') } : {}),
        message: issue.message,
      });
      return;
    }
    const problem = options.check?.(result.data);
    if (problem) {
      problems.push({ index, ...problem });
      return;
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      problems.push({
        index,
        field: 'id',
        message: `'${result.data.id}' appears twice in the batch (also at ${first})`,
      });
      return;
    }
    seen.set(result.data.id, index);
    parsed.push(result.data);
  });
  return { items: parsed, problems };
}

/** A batch rejected whole, naming its first problems. */
export class BatchError extends InputError {
  constructor(
    readonly problems: BatchProblem[],
    noun: string,
    itemName: string,
  ) {
    const shown = problems
      .slice(0, 5)
      .map(
        p =>
          `${itemName}[${p.index}]${p.field ? `.${p.field}` : ''}: ${
            p.message
          }`,
      );
    super(
      `Invalid ${noun}: ${shown.join('; ')}${
        problems.length > 5 ? `; and ${problems.length - 5} more` : ''
      }. Nothing was stored.`,
    );
  }
}
