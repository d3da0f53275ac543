export { percentile, median } from './percentile';
export { isoDurationSeconds } from './isoDuration';
export { runFigures } from './runFigures';
export type { RunFigureInput } from './runFigures';
export { npsCategory, npsFromDistribution, npsOf } from './nps';
export type { NpsCategory, NpsFigures } from './nps';
export { trendOf } from './trend';
export type { Better, Trend } from './trend';
export {
  DURATION_BUCKETS,
  durationBucket,
  durationBucketBounds,
  percentileOfBuckets,
} from './durationHistogram';
export { metricStatus } from './targets';
export {
  PLATFORM_METRIC_IDS,
  PLATFORM_METRICS,
} from './platformMetricDefinitions';
export type { PlatformMetricDefinition } from './platformMetricDefinitions';
export { antiPatternsOf } from './antiPatterns';
export type { AntiPatternContext } from './antiPatterns';
