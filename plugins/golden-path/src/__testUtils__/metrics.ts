import {
  FeatureUsageResponse,
  MetricPoint,
  PLATFORM_METRICS,
  PlatformMetric,
  PlatformMetricId,
  PlatformMetricsResponse,
  TeamMetricsResponse,
} from '@golden-path/plugin-golden-path-common';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The 13 Mondays of the period. */
const WEEKS = Array.from({ length: 13 }, (_, i) =>
  new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10),
);

/** A weekly series ending on `last`, from `first` in even steps. */
function weekly(first: number, last: number): MetricPoint[] {
  return WEEKS.map((period, i) => ({
    period,
    value: first + ((last - first) * i) / (WEEKS.length - 1),
  }));
}

const noValues: MetricPoint[] = WEEKS.map(period => ({ period }));

function metric(
  id: PlatformMetricId,
  fields: Omit<
    PlatformMetric,
    'id' | 'title' | 'definition' | 'unit' | 'target'
  > &
    Partial<Pick<PlatformMetric, 'target'>>,
): PlatformMetric {
  const { title, definition, unit, defaultTarget } = PLATFORM_METRICS[id];
  return { id, title, definition, unit, target: defaultTarget, ...fields };
}

/**
 * 13 weeks of platform metrics: onboarding meets its target, lead time has
 * no data, the rest in between; one anti-pattern.
 */
export const platformMetrics: PlatformMetricsResponse = {
  from: '2026-09-07T00:00:00.000Z',
  to: '2026-11-30T09:00:00.000Z',
  previous: {
    from: '2026-06-08T00:00:00.000Z',
    to: '2026-09-07T00:00:00.000Z',
  },
  metrics: [
    metric('onboardingTime', {
      value: 25 * MINUTE,
      status: 'met',
      trend: {
        previous: 40 * MINUTE,
        change: -15 * MINUTE,
        relativeChange: -0.375,
        direction: 'down',
        improving: true,
      },
      series: weekly(40 * MINUTE, 25 * MINUTE),
      population: {
        count: 12,
        description:
          'entities created by a template run and first deployed to production in the period',
      },
      details: { p90: 2 * HOUR },
      sources: ['scaffolder', 'deployments'],
    }),
    metric('activeTeams', {
      value: 0.75,
      status: 'missed',
      trend: {
        previous: 0.5,
        change: 0.25,
        relativeChange: 0.5,
        direction: 'up',
        improving: true,
      },
      series: weekly(0.5, 0.75),
      population: {
        count: 3,
        of: 4,
        description:
          'teams with a portal user in the week of 2026-11-30, of the teams users belong to',
      },
      details: { activeUsers: 34 },
      sources: ['portal analytics', 'catalog'],
    }),
    metric('adoption', {
      value: 0.6,
      status: 'missed',
      trend: {
        previous: 0.5,
        change: 0.1,
        relativeChange: 0.2,
        direction: 'up',
        improving: true,
      },
      series: weekly(0.5, 0.6),
      population: {
        count: 3,
        of: 5,
        description: 'eligible entities on a golden path on 2026-11-29',
      },
      sources: ['catalog', 'scoring runs'],
    }),
    metric('developerNps', {
      value: 32.4,
      status: 'missed',
      trend: {
        previous: 10,
        change: 22.4,
        relativeChange: 2.24,
        direction: 'up',
        improving: true,
      },
      series: [
        { period: '2026-09-01', value: 10 },
        { period: '2026-11-02', value: 32.4 },
      ],
      population: {
        count: 42,
        description: "answers to 'Developer experience, Q4 2026'",
      },
      sources: ['surveys'],
    }),
    metric('ticketVolume', {
      value: 15,
      status: 'met',
      trend: {
        previous: 20,
        change: -5,
        relativeChange: -0.25,
        direction: 'down',
        improving: true,
      },
      series: weekly(18, 12),
      population: { count: 195, description: 'tickets opened in 13 weeks' },
      sources: ['tickets'],
    }),
    metric('timeToResolution', {
      value: 30 * HOUR,
      status: 'missed',
      trend: {
        previous: 24 * HOUR,
        change: 6 * HOUR,
        relativeChange: 0.25,
        direction: 'up',
        improving: false,
      },
      series: weekly(24 * HOUR, 30 * HOUR),
      population: { count: 180, description: 'tickets resolved in the period' },
      details: { p90: 98 * HOUR },
      sources: ['tickets'],
    }),
    metric('deploymentFrequency', {
      value: 0.043,
      status: 'missed',
      trend: { previous: 0.043, change: 0, direction: 'flat' },
      series: weekly(0.043, 0.043),
      population: {
        count: 15,
        description:
          'services deployed to production in the period, 12 of them in the catalog',
      },
      details: { productionDeployments: 59, changeFailureRate: 0.05 },
      sources: ['deployments'],
    }),
    metric('leadTime', {
      status: 'no-data',
      series: noValues,
      population: {
        count: 0,
        description: 'successful production deployments with commit times',
      },
      sources: ['deployments'],
    }),
    metric('selfServiceRate', {
      value: 55 / 115,
      status: 'missed',
      series: weekly(0.4, 0.5),
      population: {
        count: 115,
        description: '55 template runs and 60 request tickets',
      },
      sources: ['scaffolder', 'tickets'],
    }),
  ],
  antiPatterns: [
    {
      id: 'platform-as-gatekeeper',
      title: 'Platform team as gatekeeper',
      severity: 'warning',
      evidence: [
        '60 request tickets against 55 template runs: 48% of requests were self-service.',
      ],
      fix: 'Turn the most frequent request tickets into templates or self-service actions.',
    },
  ],
  funnel: { runs: 40, succeeded: 36, inCatalog: 30, deployed: 12 },
  catalogCoverage: { services: 15, inCatalog: 12 },
  computedAt: '2026-11-30T09:00:00.000Z',
};

/** The golden-path adoption metric before any scoring run. */
export const adoptionWithoutData: PlatformMetric = metric('adoption', {
  status: 'no-data',
  series: noValues,
  population: { count: 0, of: 0, description: 'no scoring run in the period' },
  sources: ['catalog', 'scoring runs'],
});

/** Payments on the path with a shown NPS; checkout's NPS withheld. */
export const teamMetrics: TeamMetricsResponse = {
  from: platformMetrics.from,
  to: platformMetrics.to,
  teams: [
    {
      team: 'group:default/checkout',
      adoption: { eligible: 4, onPath: 1, averageScore: 55 },
      tickets: { opened: 30, requests: 12, medianResolutionMs: 20 * HOUR },
      deployments: { production: 10, failures: 1 },
      templateRuns: 5,
      activeUsers: 6,
      npsResponses: 3,
      npsSuppressed: true,
    },
    {
      team: 'group:default/payments',
      adoption: { eligible: 10, onPath: 8, averageScore: 90 },
      tickets: { opened: 120, requests: 40, medianResolutionMs: 30 * HOUR },
      deployments: { production: 45, failures: 2 },
      templateRuns: 30,
      activeUsers: 20,
      nps: 40,
      npsResponses: 30,
      npsSuppressed: false,
    },
    {
      team: 'unassigned',
      tickets: { opened: 45, requests: 8 },
      deployments: { production: 4, failures: 0 },
      templateRuns: 5,
      activeUsers: 8,
      npsResponses: 0,
      npsSuppressed: false,
    },
  ],
  computedAt: platformMetrics.computedAt,
};

/** The catalog used most; the API docs installed but unused. */
export const featureUsage: FeatureUsageResponse = {
  from: platformMetrics.from,
  to: platformMetrics.to,
  features: [
    {
      pluginId: 'catalog',
      feature: 'page:catalog',
      events: 1200,
      teams: 3,
    },
    {
      pluginId: 'golden-path',
      feature: 'sub-page:golden-path/dashboard',
      events: 80,
      teams: 1,
    },
  ],
  ignoredPlugins: ['api-docs'],
  activeUsers: 34,
  weeks: [
    { week: '2026-11-16', users: 20, teams: 3 },
    { week: '2026-11-23', users: 0, teams: 0 },
    { week: '2026-11-30', users: 25, teams: 3 },
  ],
  computedAt: platformMetrics.computedAt,
};
