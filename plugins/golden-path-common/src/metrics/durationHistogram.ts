// Durations are counted in a fixed set of buckets whose bounds grow by
// 2^(1/4) (about 19%) from one minute up to half a year, so that a
// percentile read from counts is within a bucket's width of the exact one
// whatever the number of values, counts can be summed across weeks, teams
// and paths, and a histogram fits one row of a table.
const STEPS_PER_DOUBLING = 4;
const UNIT_MS = 60_000;

/**
 * How many buckets a duration histogram has: bucket 0 is under a minute,
 * the last one everything from about 182 days.
 *
 * @public
 */
export const DURATION_BUCKETS = 74;

/**
 * The histogram bucket of a duration in milliseconds.
 *
 * @public
 */
export function durationBucket(durationMs: number): number {
  if (!(durationMs >= 0)) {
    throw new RangeError(`a duration is at least 0 ms, got ${durationMs}`);
  }
  const minutes = durationMs / UNIT_MS;
  if (minutes < 1) {
    return 0;
  }
  return Math.min(
    DURATION_BUCKETS - 1,
    1 + Math.floor(STEPS_PER_DOUBLING * Math.log2(minutes) + 1e-9),
  );
}

/**
 * The durations (ms) a bucket covers: `[lower, upper)`.
 *
 * @public
 */
export function durationBucketBounds(bucket: number): {
  lower: number;
  upper: number;
} {
  const bound = (i: number) =>
    i <= 0 ? 0 : UNIT_MS * 2 ** ((i - 1) / STEPS_PER_DOUBLING);
  return { lower: bound(bucket), upper: bound(bucket + 1) };
}

/**
 * The p-th percentile (0–100) of durations counted in buckets, read the way
 * {@link percentile} reads the values themselves (linear interpolation
 * between closest ranks), with the values of a bucket spread evenly over
 * it. `undefined` when nothing was counted.
 *
 * @public
 */
export function percentileOfBuckets(
  counts: Iterable<{ bucket: number; count: number }>,
  p: number,
): number | undefined {
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile must be within 0..100, got ${p}`);
  }
  const merged = new Map<number, number>();
  for (const { bucket, count } of counts) {
    if (count > 0) {
      merged.set(bucket, (merged.get(bucket) ?? 0) + count);
    }
  }
  const buckets = [...merged.entries()].sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) {
    return undefined;
  }
  const valueAt = (rank: number) => {
    let before = 0;
    for (const [bucket, count] of buckets) {
      if (rank < before + count) {
        const { lower, upper } = durationBucketBounds(bucket);
        return lower + ((rank - before + 0.5) / count) * (upper - lower);
      }
      before += count;
    }
    throw new Error('rank beyond the counted values');
  };
  const rank = (p / 100) * (total - 1);
  const lower = Math.floor(rank);
  const low = valueAt(lower);
  return low + (valueAt(Math.ceil(rank)) - low) * (rank - lower);
}
