import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ResultsService } from '../service/ResultsService';

/**
 * Actions for AI agents, through Backstage's actions registry (served over
 * MCP by the mcp-actions backend): an entity's golden-path status and the
 * list of paths with adoption. Both read as the calling user.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  results: ResultsService;
}) {
  const { actionsRegistry, results } = options;

  actionsRegistry.register({
    name: 'get-entity-golden-path-status',
    title: 'Golden-path status of an entity',
    description:
      'Which golden path a catalog entity is on, its score (0-100), level, template drift, and every check with its verdict (pass, fail, exempt, unknown) and remediation, failing checks first.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Entity ref, e.g. component:default/payments-api'),
        }),
      output: z =>
        z.object({
          status: z.enum(['recorded', 'pending', 'not-eligible']),
          path: z.string().nullable().describe('Id of the path it is on'),
          score: z.number().nullable(),
          coverage: z.number().nullable(),
          level: z.string().nullable(),
          drift: z
            .string()
            .nullable()
            .describe('current, behind, ahead or unknown'),
          checks: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              verdict: z.string(),
              remediation: z.string().nullable(),
            }),
          ),
          evaluatedAt: z.string().nullable(),
        }),
    },
    examples: [
      {
        title: 'A service on the node-service path',
        input: { entityRef: 'component:default/payments-api' },
      },
    ],
    action: async ({ input, credentials }) => {
      const found = await results.readableEntityResults(
        input.entityRef,
        credentials,
      );
      return {
        output: {
          status: found.status,
          path: found.path?.id ?? null,
          score: found.score,
          coverage: found.coverage,
          level: found.level,
          drift: found.drift?.status ?? null,
          checks: found.checks.map(check => ({
            id: check.id,
            title: check.title,
            verdict: check.verdict,
            remediation: check.remediation
              ? [check.remediation.text, check.remediation.url]
                  .filter(Boolean)
                  .join(' ')
              : null,
          })),
          evaluatedAt: found.evaluatedAt,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-golden-paths',
    title: 'Golden paths and their adoption',
    description:
      'Every golden path with its templates, latest version and adoption from the latest scoring run (eligible entities, entities on the path, ratio, average score), and the adoption of all paths together.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          paths: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              templates: z.array(z.string()),
              latestVersion: z.string().nullable(),
              eligible: z.number(),
              onPath: z.number(),
              ratio: z.number().nullable(),
              averageScore: z.number().nullable(),
            }),
          ),
          overallRatio: z.number().nullable(),
          computedAt: z.string().nullable(),
        }),
    },
    action: async () => {
      const { paths, overall, computedAt } = await results.paths();
      return {
        output: {
          paths: paths.map(path => ({
            id: path.id,
            title: path.title,
            templates: path.templates,
            latestVersion: path.latestVersion ?? null,
            eligible: path.adoption.eligible,
            onPath: path.adoption.onPath,
            ratio: path.adoption.ratio,
            averageScore: path.adoption.averageScore,
          })),
          overallRatio: overall.ratio,
          computedAt,
        },
      };
    },
  });
}
