import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { PlatformMetricsService } from '../service/PlatformMetricsService';
import { ResultsService } from '../service/ResultsService';

/**
 * Actions for AI agents, through Backstage's actions registry (served over
 * MCP by the mcp-actions backend): an entity's golden-path status and the
 * list of paths with adoption. Both read as the calling user.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  results: ResultsService;
  metrics: PlatformMetricsService;
}) {
  const { actionsRegistry, results, metrics } = options;

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

  actionsRegistry.register({
    name: 'get-platform-metrics',
    title: 'Platform metrics',
    description:
      'The nine platform metrics (onboarding time, active teams, golden-path adoption, developer NPS, support ticket volume, time to resolution, deployment frequency, lead time for changes, self-service rate) for a period and optionally a team and its sub-teams or a golden path: value, target, status (met, at-risk, missed, no-data), change against the previous period and what it was computed over; and the platform anti-patterns they show with evidence and fix.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          from: z
            .string()
            .optional()
            .describe('Start, ISO 8601; default 13 weeks before to'),
          to: z.string().optional().describe('End, ISO 8601; default now'),
          group: z
            .string()
            .optional()
            .describe('A group ref, e.g. group:default/payments'),
          path: z.string().optional().describe('A golden path id'),
        }),
      output: z =>
        z.object({
          from: z.string(),
          to: z.string(),
          metrics: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              unit: z.string(),
              value: z.number().nullable(),
              target: z.string(),
              status: z.string(),
              changeFromPreviousPeriod: z.number().nullable(),
              population: z.string(),
            }),
          ),
          antiPatterns: z.array(
            z.object({
              title: z.string(),
              evidence: z.array(z.string()),
              fix: z.string(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'The payments team this quarter',
        input: { group: 'group:default/payments' },
      },
    ],
    action: async ({ input, credentials }) => {
      const response = await metrics.metrics(input, credentials);
      return {
        output: {
          from: response.from,
          to: response.to,
          metrics: response.metrics.map(m => ({
            id: m.id,
            title: m.title,
            unit: m.unit,
            value: m.value ?? null,
            target:
              'value' in m.target
                ? `${m.target.kind} ${m.target.value}`
                : m.target.kind,
            status: m.status,
            changeFromPreviousPeriod: m.trend?.change ?? null,
            population: `${m.population.count}${
              m.population.of !== undefined ? ` of ${m.population.of}` : ''
            } ${m.population.description}`,
          })),
          antiPatterns: response.antiPatterns.map(a => ({
            title: a.title,
            evidence: a.evidence,
            fix: a.fix,
          })),
        },
      };
    },
  });
}
