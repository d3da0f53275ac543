import { SurveyCampaignInput } from '@golden-path/plugin-golden-path-common';
import { z } from 'zod';
import { entityRefSchema, instantSchema } from '../../validation/input';

const ID = /^[a-z0-9][a-z0-9-_]{0,63}$/;
const instant = instantSchema;

const question = z.discriminatedUnion('type', [
  z
    .object({
      id: z.string().regex(ID, 'must be a lower-case id'),
      type: z.literal('nps'),
      text: z.string().trim().min(1).max(500),
    })
    .strict(),
  z
    .object({
      id: z.string().regex(ID, 'must be a lower-case id'),
      type: z.literal('text'),
      text: z.string().trim().min(1).max(500),
    })
    .strict(),
  z
    .object({
      id: z.string().regex(ID, 'must be a lower-case id'),
      type: z.literal('path-rating'),
      text: z.string().trim().min(1).max(500),
      pathId: z.string().min(1),
    })
    .strict(),
]);

/** A campaign as an admin writes it, checked against the configured paths. */
export function campaignInputSchema(pathIds: string[]) {
  return z
    .object({
      title: z.string().trim().min(1, 'must not be empty').max(200),
      description: z.string().trim().max(2000).optional(),
      questions: z.array(question).min(1).max(20),
      audience: z.discriminatedUnion('type', [
        z.object({ type: z.literal('all') }).strict(),
        z
          .object({
            type: z.literal('groups'),
            groups: z.array(entityRefSchema).min(1).max(100),
          })
          .strict(),
      ]),
      opensAt: instant,
      closesAt: instant,
      anonymous: z.boolean(),
    })
    .strict()
    .superRefine((campaign, ctx) => {
      const nps = campaign.questions.filter(q => q.type === 'nps');
      if (nps.length !== 1) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['questions'],
          message: `must hold exactly one nps question, found ${nps.length}`,
        });
      }
      const seen = new Set<string>();
      campaign.questions.forEach((q, i) => {
        if (seen.has(q.id)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['questions', i, 'id'],
            message: `duplicate question id '${q.id}'`,
          });
        }
        seen.add(q.id);
        if (q.type === 'path-rating' && !pathIds.includes(q.pathId)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['questions', i, 'pathId'],
            message: `unknown golden path '${q.pathId}'; known: ${
              pathIds.join(', ') || 'none'
            }`,
          });
        }
      });
      if (campaign.audience.type === 'groups') {
        campaign.audience.groups.forEach((group, i) => {
          // A malformed ref is not a string here: entityRefSchema has
          // already named it, and zod still runs this refinement.
          if (typeof group === 'string' && !group.startsWith('group:')) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ['audience', 'groups', i],
              message: `'${group}' is not a group ref`,
            });
          }
        });
      }
      if (Date.parse(campaign.closesAt) <= Date.parse(campaign.opensAt)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['closesAt'],
          message: 'must be after opensAt',
        });
      }
    }) as z.ZodType<SurveyCampaignInput, z.ZodTypeDef, unknown>;
}

/** The answers a campaign takes, checked against its questions. */
export function answersSchema(questions: SurveyCampaignInput['questions']) {
  const known = new Map(questions.map(q => [q.id, q]));
  return z
    .object({
      answers: z.record(z.union([z.number(), z.string()])),
    })
    .strict()
    .superRefine(({ answers }, ctx) => {
      for (const [id, value] of Object.entries(answers)) {
        const q = known.get(id);
        if (!q) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['answers', id],
            message: `is not a question of this campaign; its questions are ${[
              ...known.keys(),
            ].join(', ')}`,
          });
        } else if (q.type === 'text') {
          if (typeof value !== 'string' || value.length > 2000) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ['answers', id],
              message: 'must be text of at most 2000 characters',
            });
          }
        } else {
          const [min, max] = q.type === 'nps' ? [0, 10] : [1, 5];
          if (
            typeof value !== 'number' ||
            !Number.isInteger(value) ||
            value < min ||
            value > max
          ) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ['answers', id],
              message: `must be a whole number from ${min} to ${max}`,
            });
          }
        }
      }
      const nps = questions.find(q => q.type === 'nps');
      if (nps && answers[nps.id] === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['answers', nps.id],
          message: 'is required: the 0-10 recommendation score',
        });
      }
    });
}
