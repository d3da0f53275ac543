import type { MetricStatus, MetricTarget } from '../types/platformMetrics';
import type { Trend } from './trend';

// A value that misses its target by no more than this share of it is at
// risk rather than missed.
const AT_RISK_MARGIN = 0.1;

/**
 * Where a value stands against its target: met; at risk when it misses a
 * value target by at most 10% of it, or a direction target by staying
 * flat; missed otherwise; no data without a value (or, for a direction
 * target, without a trend).
 *
 * @public
 */
export function metricStatus(
  value: number | undefined,
  target: MetricTarget,
  trend?: Trend,
): MetricStatus {
  if (value === undefined) {
    return 'no-data';
  }
  if (!('value' in target)) {
    if (!trend) {
      return 'no-data';
    }
    if (trend.direction === 'flat') {
      return 'at-risk';
    }
    const wanted = target.kind === 'decreasing' ? 'down' : 'up';
    return trend.direction === wanted ? 'met' : 'missed';
  }
  const margin = Math.abs(target.value) * AT_RISK_MARGIN;
  if (target.kind === 'below') {
    if (value < target.value) return 'met';
    return value <= target.value + margin ? 'at-risk' : 'missed';
  }
  if (value > target.value) return 'met';
  return value >= target.value - margin ? 'at-risk' : 'missed';
}
