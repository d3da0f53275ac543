import {
  DURATION_BUCKETS,
  durationBucket,
  durationBucketBounds,
  percentileOfBuckets,
} from './durationHistogram';
import { percentile } from './percentile';

function bucketsOf(values: number[]) {
  const counts = new Map<number, number>();
  for (const value of values) {
    const bucket = durationBucket(value);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return [...counts].map(([bucket, count]) => ({ bucket, count }));
}

describe('duration histogram', () => {
  it('puts every duration inside the bounds of its bucket', () => {
    for (const ms of [0, 59_999, 60_000, 70_000, 4 * 3600_000, 9e9]) {
      const { lower, upper } = durationBucketBounds(durationBucket(ms));
      expect(ms).toBeGreaterThanOrEqual(lower);
      expect(ms).toBeLessThan(upper);
    }
  });

  it('puts durations past the last bucket in it', () => {
    expect(durationBucket(1e15)).toBe(DURATION_BUCKETS - 1);
  });

  it('refuses negative durations', () => {
    expect(() => durationBucket(-1)).toThrow(
      'a duration is at least 0 ms, got -1',
    );
  });

  it('reads percentiles within a bucket width (19%) of the exact ones', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    // Resolution times: minutes to days, long-tailed.
    const values = Array.from(
      { length: 5000 },
      () => 60_000 * Math.exp(random() * 8),
    );
    const buckets = bucketsOf(values);
    for (const p of [10, 50, 90, 99]) {
      const exact = percentile(values, p)!;
      const estimate = percentileOfBuckets(buckets, p)!;
      expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.19);
    }
  });

  it('gives the value itself for a single value, to within its bucket', () => {
    const estimate = percentileOfBuckets(bucketsOf([3_600_000]), 50)!;
    expect(Math.abs(estimate - 3_600_000) / 3_600_000).toBeLessThan(0.19);
  });

  it('sums counts of the same bucket from several rows', () => {
    const a = percentileOfBuckets(
      [
        { bucket: 40, count: 1 },
        { bucket: 40, count: 1 },
        { bucket: 80, count: 2 },
      ],
      50,
    );
    const b = percentileOfBuckets(
      [
        { bucket: 40, count: 2 },
        { bucket: 80, count: 2 },
      ],
      50,
    );
    expect(a).toBe(b);
  });

  it('has no value when nothing was counted', () => {
    expect(percentileOfBuckets([], 50)).toBeUndefined();
    expect(percentileOfBuckets([{ bucket: 3, count: 0 }], 50)).toBeUndefined();
  });
});
