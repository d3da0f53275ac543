import {
  npsFromDistribution,
  SuppressibleNps,
} from '@golden-path/plugin-golden-path-common';
import { suppressedRows } from './suppression';

/** Answer counts summed by a key, each key's 0..10 distribution. */
export function sumDistributions<T>(
  rows: Iterable<T>,
  keyOf: (row: T) => string,
  distributionOf: (row: T) => number[],
): Map<string, number[]> {
  const sums = new Map<string, number[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = sums.get(key) ?? new Array(11).fill(0);
    distributionOf(row).forEach((count, i) => (sum[i] += count));
    sums.set(key, sum);
  }
  return sums;
}

const total = (distribution: number[]) =>
  distribution.reduce((a, b) => a + b, 0);

/**
 * One NPS row per key, groups below the minimum withheld (see
 * {@link suppressedRows}); empty keys left out.
 */
export function npsBreakdown(
  sums: Map<string, number[]>,
  minGroupSize: number,
): Array<SuppressibleNps & { key: string }> {
  const entries = [...sums.entries()].filter(([, d]) => total(d) > 0);
  const withheld = suppressedRows(
    entries.map(([, d]) => total(d)),
    minGroupSize,
  );
  return entries.map(([key, distribution], i) =>
    withheld.has(i)
      ? { key, responses: total(distribution), suppressed: true }
      : {
          key,
          responses: total(distribution),
          nps: npsFromDistribution(distribution),
          suppressed: false,
        },
  );
}
