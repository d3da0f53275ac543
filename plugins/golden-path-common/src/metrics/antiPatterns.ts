import type {
  AntiPattern,
  PlatformMetric,
  PlatformMetricId,
} from '../types/platformMetrics';

/**
 * What the anti-pattern rules read besides the metrics.
 *
 * @public
 */
export interface AntiPatternContext {
  /** Golden paths declared without a docs link. */
  pathsWithoutDocs: string[];
  /** Templates of golden paths whose catalog entity has no TechDocs. */
  templatesWithoutDocs: string[];
  /** Request tickets and template runs in the period. */
  requestTickets: number;
  templateRuns: number;
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * The platform anti-patterns the metrics show, each with its evidence and
 * fix. Rules look only at metrics with data: no data is reported by the
 * "no adoption metrics" rule, never read as a bad value.
 *
 * @public
 */
export function antiPatternsOf(
  metrics: PlatformMetric[],
  context: AntiPatternContext,
): AntiPattern[] {
  const byId = new Map(metrics.map(m => [m.id, m]));
  const value = (id: PlatformMetricId) => byId.get(id)?.value;
  const found: AntiPattern[] = [];

  const active = byId.get('activeTeams');
  if (active?.value !== undefined && active.value < 0.5) {
    found.push({
      id: 'building-without-users',
      title: 'Building without users',
      severity: active.value < 0.25 ? 'critical' : 'warning',
      evidence: [
        `${active.population.count} of ${
          active.population.of ?? '?'
        } teams (${percent(
          active.value,
        )}) used the portal in the last week of the period.`,
      ],
      fix: 'Talk to the teams that do not use the platform before building more: interview them, watch them onboard, and put the golden path in their way (templates in the onboarding guide, the scorecard on their service pages).',
    });
  }

  const silent = metrics.filter(m => m.status === 'no-data');
  if (silent.length >= 3) {
    found.push({
      id: 'no-adoption-metrics',
      title: 'No adoption metrics',
      severity: silent.length >= 6 ? 'critical' : 'warning',
      evidence: [
        `${silent.length} of ${
          metrics.length
        } platform metrics have no data: ${silent
          .map(m => m.title)
          .join(', ')}.`,
      ],
      fix: 'Feed the data in: send deployments from CI/CD and tickets from the tracker to the API, run a quarterly survey, and install the portal analytics forwarder. A platform team that cannot see adoption cannot steer it.',
    });
  }

  const adoption = value('adoption');
  const nps = value('developerNps');
  if (
    adoption !== undefined &&
    nps !== undefined &&
    adoption >= 0.8 &&
    nps < 0
  ) {
    found.push({
      id: 'mandated-adoption',
      title: 'Mandated adoption',
      severity: nps < -20 ? 'critical' : 'warning',
      evidence: [
        `${percent(
          adoption,
        )} of eligible entities are on a golden path, but the developer NPS is ${Math.round(
          nps,
        )}.`,
      ],
      fix: 'High adoption that developers dislike is compliance, not product fit. Read the survey comments and the ratings of each path, and fix what they name before mandating more.',
    });
  }

  if (
    context.pathsWithoutDocs.length > 0 ||
    context.templatesWithoutDocs.length > 0
  ) {
    found.push({
      id: 'no-documentation',
      title: 'No documentation',
      severity: 'warning',
      evidence: [
        ...(context.pathsWithoutDocs.length
          ? [
              `Golden paths without a docs link: ${context.pathsWithoutDocs.join(
                ', ',
              )}.`,
            ]
          : []),
        ...(context.templatesWithoutDocs.length
          ? [
              `Templates without TechDocs: ${context.templatesWithoutDocs.join(
                ', ',
              )}.`,
            ]
          : []),
      ],
      fix: 'Give every golden path a docsUrl and every template a backstage.io/techdocs-ref: a path developers cannot read about is a path they work around.',
    });
  }

  const selfService = value('selfServiceRate');
  if (
    selfService !== undefined &&
    selfService < 0.5 &&
    context.requestTickets > 0
  ) {
    found.push({
      id: 'platform-as-gatekeeper',
      title: 'Platform team as gatekeeper',
      severity: selfService < 0.25 ? 'critical' : 'warning',
      evidence: [
        `${context.requestTickets} request tickets against ${
          context.templateRuns
        } template runs: ${percent(
          selfService,
        )} of requests were self-service.`,
      ],
      fix: 'Turn the most frequent request tickets into templates or self-service actions; the ticket categories on the dashboard show which.',
    });
  }
  return found;
}
