export { percentile, median } from './percentile';
export { isoDurationSeconds } from './isoDuration';
export { runFigures } from './runFigures';
export type { RunFigureInput } from './runFigures';
export { npsCategory, npsFromDistribution, npsOf } from './nps';
export type { NpsCategory, NpsFigures } from './nps';
export { trendOf } from './trend';
export type { Better, Trend } from './trend';
export {
  durationBucket,
  durationBucketBounds,
  percentileOfBuckets,
} from './durationHistogram';
