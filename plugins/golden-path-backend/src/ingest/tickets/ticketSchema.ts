import {
  entityRefKey,
  TicketInput,
} from '@golden-path/plugin-golden-path-common';
import { z } from 'zod';
import { instantSchema } from '../../validation/input';
import { BatchProblem, parseBatch } from '../../validation/parseBatch';

/** The most tickets one request may carry. */
export const MAX_TICKETS_PER_BATCH = 1000;

const SOURCE = /^[a-z0-9][a-z0-9-_.]{0,63}$/;
export const sourceSchema = z
  .string()
  .regex(SOURCE, 'must be a lower-case id such as jira or github');

const instant = instantSchema;

const text = (max: number) => z.string().trim().min(1).max(max);

export const ticketSchema = z
  .object({
    id: text(255),
    title: z.string().trim().max(500).optional(),
    url: z.string().url().max(1000).optional(),
    type: z
      .enum(['request', 'incident', 'bug', 'question', 'other'])
      .default('other'),
    category: text(100).optional(),
    labels: z.array(text(100)).max(50).default([]),
    components: z.array(text(255)).max(50).default([]),
    status: z.enum(['open', 'in-progress', 'waiting', 'resolved', 'closed']),
    requester: text(255).optional(),
    entityRef: text(255).optional(),
    pathId: text(64).optional(),
    createdAt: instant,
    updatedAt: instant,
    firstResponseAt: instant.optional(),
    resolvedAt: instant.optional(),
    reopenCount: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .superRefine((ticket, ctx) => {
    const refs = [
      ['entityRef', ticket.entityRef, 'component'],
      [
        'requester',
        ticket.requester?.startsWith('user:') && ticket.requester,
        'user',
      ],
    ] as const;
    for (const [field, ref, defaultKind] of refs) {
      if (ref) {
        try {
          entityRefKey(ref, { defaultKind });
        } catch {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [field],
            message: `'${ref}' is not an entity ref like ${defaultKind}:default/name`,
          });
        }
      }
    }
    const created = Date.parse(ticket.createdAt);
    for (const field of [
      'updatedAt',
      'firstResponseAt',
      'resolvedAt',
    ] as const) {
      const value = ticket[field];
      if (value && Date.parse(value) < created) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field],
          message: 'must not be before createdAt',
        });
      }
    }
  });

export type ParsedTicket = z.infer<typeof ticketSchema> & TicketInput;

export const ticketBatchSchema = z
  .object({
    source: sourceSchema,
    tickets: z.array(z.unknown()).min(1).max(MAX_TICKETS_PER_BATCH),
  })
  .strict();

/**
 * Validates each ticket of a batch, that no id appears twice and that each
 * named path is configured; returns the parsed tickets, or every problem
 * found (at most `maxProblems`).
 */
export function parseTickets(
  tickets: unknown[],
  pathIds: string[],
  maxProblems = 50,
): { tickets: ParsedTicket[]; problems: BatchProblem[] } {
  const { items, problems } = parseBatch(
    tickets,
    ticketSchema as unknown as z.ZodType<ParsedTicket, z.ZodTypeDef, unknown>,
    {
      maxProblems,
      check: ({ pathId }) =>
        pathId && !pathIds.includes(pathId)
          ? {
              field: 'pathId',
              message: `unknown golden path '${pathId}'; known: ${
                pathIds.join(', ') || 'none'
              }`,
            }
          : undefined,
    },
  );
  return { tickets: items, problems };
}
