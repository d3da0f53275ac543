import type { Trend } from '../metrics/trend';

/**
 * The nine platform metrics.
 *
 * @public
 */
export type PlatformMetricId =
  | 'onboardingTime'
  | 'activeTeams'
  | 'adoption'
  | 'developerNps'
  | 'ticketVolume'
  | 'timeToResolution'
  | 'deploymentFrequency'
  | 'leadTime'
  | 'selfServiceRate';

/**
 * What a metric's value measures.
 *
 * @public
 */
export type MetricUnit =
  | 'duration-ms'
  | 'ratio'
  | 'nps'
  | 'per-week'
  | 'per-entity-per-day';

/**
 * What a metric should reach: below or above a value, or fall or rise
 * against the previous period.
 *
 * @public
 */
export type MetricTarget =
  | { kind: 'below' | 'above'; value: number }
  | { kind: 'decreasing' | 'increasing' };

/**
 * Where a metric stands against its target. `no-data` is its own state:
 * never read as zero, a pass or a fail.
 *
 * @public
 */
export type MetricStatus = 'met' | 'at-risk' | 'missed' | 'no-data';

/**
 * One point of a metric's series.
 *
 * @public
 */
export interface MetricPoint {
  /** The period's start: a week's Monday or a quarter like 2026-Q4. */
  period: string;
  value?: number;
}

/**
 * A platform metric for a period.
 *
 * @public
 */
export interface PlatformMetric {
  id: PlatformMetricId;
  title: string;
  /** How it is computed, in a sentence. */
  definition: string;
  unit: MetricUnit;
  value?: number;
  target: MetricTarget;
  status: MetricStatus;
  /** Against the previous period of the same length. */
  trend?: Trend;
  series: MetricPoint[];
  /** What the value was computed over. */
  population: {
    count: number;
    /** The whole the count is part of, where there is one. */
    of?: number;
    description: string;
  };
  /** Other figures of the same measurement, e.g. p90. */
  details?: Record<string, number>;
  /** Where the data came from. */
  sources: string[];
}

/**
 * A platform anti-pattern the metrics show, with evidence and the fix.
 *
 * @public
 */
export interface AntiPattern {
  id:
    | 'building-without-users'
    | 'no-adoption-metrics'
    | 'mandated-adoption'
    | 'no-documentation'
    | 'platform-as-gatekeeper';
  title: string;
  severity: 'warning' | 'critical';
  evidence: string[];
  fix: string;
}

/**
 * From template run to production.
 *
 * @public
 */
export interface TemplateFunnel {
  runs: number;
  succeeded: number;
  /** Entities created by those runs that are in the catalog now. */
  inCatalog: number;
  /** Of those, entities deployed to production. */
  deployed: number;
}

/**
 * `GET /metrics`
 *
 * @public
 */
export interface PlatformMetricsResponse {
  from: string;
  to: string;
  previous: { from: string; to: string };
  group?: string;
  pathId?: string;
  metrics: PlatformMetric[];
  antiPatterns: AntiPattern[];
  funnel: TemplateFunnel;
  /** Deployed services with and without a catalog entity. */
  catalogCoverage: { services: number; inCatalog: number };
  computedAt: string;
}

/**
 * `GET /usage/features`: which parts of the portal are used.
 *
 * @public
 */
export interface FeatureUsageResponse {
  from: string;
  to: string;
  features: Array<{
    pluginId: string;
    feature: string;
    events: number;
    teams: number;
  }>;
  /** Installed plugins with no event in the period. */
  ignoredPlugins: string[];
  /** Distinct users active in the period. */
  activeUsers: number;
  /** Weekly active users and the teams they came from, week by week. */
  weeks: Array<{ week: string; users: number; teams: number }>;
  computedAt: string;
}

/**
 * A portal analytics event as the frontend forwarder sends it.
 *
 * @public
 */
export interface UsageEventInput {
  /** Chosen by the browser; a replayed event is stored once. */
  id: string;
  action: string;
  subject: string;
  /** ISO 8601, when it happened in the browser. */
  at: string;
  pluginId?: string;
  extensionId?: string;
  routeRef?: string;
}

/**
 * A deployment as a CI/CD system sends it (`POST /deployments`).
 *
 * @public
 */
export interface DeploymentInput {
  id: string;
  /** The service's name as the CI/CD knows it; or give entityRef. */
  service?: string;
  /**
   * The repository as `owner/name`: a Component annotated
   * `github.com/project-slug` with it is the entity, before one named as
   * the service.
   */
  repository?: string;
  entityRef?: string;
  environment: string;
  /** ISO 8601 */
  deployedAt: string;
  /** ISO 8601; a status change older than the stored one is ignored. */
  updatedAt?: string;
  outcome?: 'success' | 'failure' | 'rolled-back';
  /** When each deployed commit was made; the earliest gives lead time. */
  commitTimes?: string[];
  version?: string;
  url?: string;
}

/**
 * One team's standing in a period, from every source.
 *
 * @public
 */
export interface TeamMetricsRow {
  team: string;
  /** From the last scoring run: the team's eligible entities. */
  adoption?: { eligible: number; onPath: number; averageScore?: number };
  tickets: { opened: number; requests: number; medianResolutionMs?: number };
  deployments: { production: number; failures: number };
  templateRuns: number;
  /** Distinct portal users of the team in the period. */
  activeUsers: number;
  /** The latest campaign's NPS; absent when withheld or unanswered. */
  nps?: number;
  npsResponses: number;
  npsSuppressed: boolean;
}

/**
 * `GET /metrics/teams`
 *
 * @public
 */
export interface TeamMetricsResponse {
  from: string;
  to: string;
  group?: string;
  teams: TeamMetricsRow[];
  computedAt: string;
}
