/**
 * The p-th percentile (0–100) of the values by linear interpolation between
 * closest ranks, the definition spreadsheets and PostgreSQL's
 * `percentile_cont` use; `undefined` for no values, so an empty population
 * is never reported as zero.
 *
 * @public
 */
export function percentile(
  values: readonly number[],
  p: number,
): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile must be within 0..100, got ${p}`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/**
 * The median of the values; `undefined` for none.
 *
 * @public
 */
export function median(values: readonly number[]): number | undefined {
  return percentile(values, 50);
}
