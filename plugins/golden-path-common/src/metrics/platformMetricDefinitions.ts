import type {
  MetricTarget,
  MetricUnit,
  PlatformMetricId,
} from '../types/platformMetrics';
import type { Better } from './trend';

/**
 * What a platform metric is: its name, definition, unit, which way is
 * better and its default target (from the platform-as-product practice;
 * every target is configurable).
 *
 * @public
 */
export interface PlatformMetricDefinition {
  title: string;
  definition: string;
  unit: MetricUnit;
  better: Better;
  defaultTarget: MetricTarget;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The nine platform metrics, in the order the dashboard shows them.
 *
 * @public
 */
export const PLATFORM_METRICS: Record<
  PlatformMetricId,
  PlatformMetricDefinition
> = {
  onboardingTime: {
    title: 'Onboarding time',
    definition:
      'Median time from the template run that created an entity to its first production deployment, for entities first deployed in the period.',
    unit: 'duration-ms',
    better: 'lower',
    defaultTarget: { kind: 'below', value: 30 * MINUTE },
  },
  activeTeams: {
    title: 'Active teams',
    definition:
      'Teams with at least one portal user in the last week of the period, divided by all teams with members.',
    unit: 'ratio',
    better: 'higher',
    defaultTarget: { kind: 'above', value: 0.9 },
  },
  adoption: {
    title: 'Golden-path adoption',
    definition:
      'Eligible entities on a golden path divided by eligible entities, at the last scoring run of the period.',
    unit: 'ratio',
    better: 'higher',
    defaultTarget: { kind: 'above', value: 0.8 },
  },
  developerNps: {
    title: 'Developer NPS',
    definition:
      '% promoters (9-10) minus % detractors (0-6) of the survey answers given in the period.',
    unit: 'nps',
    better: 'higher',
    defaultTarget: { kind: 'above', value: 40 },
  },
  ticketVolume: {
    title: 'Support ticket volume',
    definition:
      'Tickets opened per week in the period, against the previous period.',
    unit: 'per-week',
    better: 'lower',
    defaultTarget: { kind: 'decreasing' },
  },
  timeToResolution: {
    title: 'Time to resolution',
    definition:
      'Median time from a ticket being opened to its resolution, for tickets resolved in the period (p90 alongside).',
    unit: 'duration-ms',
    better: 'lower',
    defaultTarget: { kind: 'below', value: 4 * HOUR },
  },
  deploymentFrequency: {
    title: 'Deployment frequency',
    definition:
      'Production deployments per deployed service per day over the period.',
    unit: 'per-entity-per-day',
    better: 'higher',
    defaultTarget: { kind: 'above', value: 2 },
  },
  leadTime: {
    title: 'Lead time for changes',
    definition:
      'Median time from the earliest commit of a successful production deployment to that deployment.',
    unit: 'duration-ms',
    better: 'lower',
    defaultTarget: { kind: 'below', value: HOUR },
  },
  selfServiceRate: {
    title: 'Self-service rate',
    definition:
      'Template runs divided by template runs plus request tickets, in the period.',
    unit: 'ratio',
    better: 'higher',
    defaultTarget: { kind: 'above', value: 0.9 },
  },
};

/**
 * The metric ids in display order.
 *
 * @public
 */
export const PLATFORM_METRIC_IDS = Object.keys(
  PLATFORM_METRICS,
) as PlatformMetricId[];
