import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import { z } from 'zod';
import { instantSchema } from '../../validation/input';

/** The most deployments one request may carry. */
export const MAX_DEPLOYMENTS_PER_BATCH = 1000;

const instant = instantSchema;
const text = (max: number) => z.string().trim().min(1).max(max);

export const deploymentSchema = z
  .object({
    id: text(255),
    service: text(255).optional(),
    entityRef: text(255).optional(),
    repository: text(255)
      .regex(/^[^/\s]+\/[^/\s]+$/, 'must be a repository like owner/name')
      .optional(),
    environment: text(100),
    deployedAt: instant,
    updatedAt: instant.optional(),
    outcome: z.enum(['success', 'failure', 'rolled-back']).default('success'),
    commitTimes: z.array(instant).max(1000).default([]),
    version: text(100).optional(),
    url: z.string().url().max(1000).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!d.service && !d.entityRef && !d.repository) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['service'],
        message: 'give the service name, its repository or its entityRef',
      });
    }
    if (d.entityRef) {
      try {
        entityRefKey(d.entityRef, { defaultKind: 'component' });
      } catch {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['entityRef'],
          message: `'${d.entityRef}' is not an entity ref like component:default/name`,
        });
      }
    }
    const deployed = Date.parse(d.deployedAt);
    d.commitTimes.forEach((at, i) => {
      if (Date.parse(at) > deployed) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['commitTimes', i],
          message: 'must not be after deployedAt',
        });
      }
    });
    if (d.updatedAt && Date.parse(d.updatedAt) < deployed) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['updatedAt'],
        message: 'must not be before deployedAt',
      });
    }
  });

export type ParsedDeployment = z.infer<typeof deploymentSchema>;

export const deploymentBatchSchema = z
  .object({
    source: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-_.]{0,63}$/,
        'must be a lower-case id such as github or argocd',
      ),
    deployments: z.array(z.unknown()).min(1).max(MAX_DEPLOYMENTS_PER_BATCH),
  })
  .strict();
