import {
  MetricStatus,
  MetricUnit,
  PlatformMetric,
} from '@golden-path/plugin-golden-path-common';
import {
  formatDuration,
  formatNps,
  formatPercent,
  formatPoints,
  formatRate,
  plural,
} from '../shared/format';

/** A metric's figure without its unit text, as on a chart's axis. */
export function formatMetricNumber(unit: MetricUnit, value: number): string {
  switch (unit) {
    case 'duration-ms':
      return formatDuration(value);
    case 'ratio':
      return formatPercent(value);
    case 'nps':
      return formatNps(value);
    default:
      return formatRate(value);
  }
}

const UNIT_TEXT: Partial<Record<MetricUnit, string>> = {
  'per-week': 'per week',
  'per-entity-per-day': 'per entity per day',
};

/** A metric's figure in its unit, such as "25 min", "60%" or "15 per week". */
export function formatMetricValue(unit: MetricUnit, value: number): string {
  const number = formatMetricNumber(unit, value);
  return UNIT_TEXT[unit] ? `${number} ${UNIT_TEXT[unit]}` : number;
}

/** What a metric should reach: "target < 30 min", "should decrease". */
export function targetText(metric: PlatformMetric): string {
  const { target, unit } = metric;
  switch (target.kind) {
    case 'below':
      return `target < ${formatMetricValue(unit, target.value)}`;
    case 'above':
      return `target > ${formatMetricValue(unit, target.value)}`;
    case 'decreasing':
      return 'should decrease';
    default:
      return 'should increase';
  }
}

export const STATUS_LABELS: Record<MetricStatus, string> = {
  met: 'Met',
  'at-risk': 'At risk',
  missed: 'Missed',
  'no-data': 'No data',
};

/**
 * How a ratio or a score moved, in points: a share going from 50% to 60%
 * rose 10 points, which "+20%" would misstate. Other units move in percent.
 */
export function changeText(metric: PlatformMetric): string | undefined {
  if (!metric.trend) {
    return undefined;
  }
  if (metric.unit === 'ratio') {
    return formatPoints(metric.trend.change * 100);
  }
  return metric.unit === 'nps' ? formatPoints(metric.trend.change) : undefined;
}

/**
 * What the value counts, such as "3 of 4 eligible entities on a golden
 * path". Without a value, why: "no scoring run in the period". A
 * description that starts with a number states its own counts.
 */
export function populationText(metric: PlatformMetric): string {
  const { count, of, description } = metric.population;
  if (metric.value === undefined || /^\d/.test(description)) {
    return description;
  }
  return `${count}${of === undefined ? '' : ` of ${of}`} ${description}`;
}

const DETAILS: Record<string, (value: number, unit: MetricUnit) => string> = {
  p90: (value, unit) => `p90 ${formatMetricValue(unit, value)}`,
  changeFailureRate: value => `change failure rate ${formatPercent(value)}`,
  productionDeployments: value => plural(value, 'production deployment'),
  activeUsers: value => plural(value, 'active user'),
};

/**
 * The other figures of the measurement, such as the p90. Details the
 * dashboard does not know are left out: their unit is unknown.
 */
export function detailsText(metric: PlatformMetric): string | undefined {
  const known = Object.entries(metric.details ?? {}).flatMap(([key, value]) =>
    DETAILS[key] ? [DETAILS[key](value, metric.unit)] : [],
  );
  return known.length > 0 ? known.join(' · ') : undefined;
}

/** What one point of a metric's series stands for. */
export function periodNoun(metric: PlatformMetric): string {
  // NPS is measured per survey campaign, the rest per week.
  return metric.id === 'developerNps' ? 'campaign' : 'week';
}
