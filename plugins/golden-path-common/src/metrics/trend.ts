/**
 * Which way a figure is better.
 *
 * @public
 */
export type Better = 'higher' | 'lower';

/**
 * A figure against the same figure one period earlier.
 *
 * @public
 */
export interface Trend {
  previous: number;
  /** current − previous */
  change: number;
  /** change ÷ |previous|; absent when previous is 0 */
  relativeChange?: number;
  direction: 'up' | 'down' | 'flat';
  /** Whether the change goes the way that is better; absent when flat. */
  improving?: boolean;
}

// A relative change below this is noise, not a trend.
const FLAT = 0.005;

/**
 * How a figure moved since the previous period; `undefined` when either
 * period has no value, so a missing period is never read as a change.
 *
 * @public
 */
export function trendOf(
  current: number | undefined,
  previous: number | undefined,
  better: Better,
): Trend | undefined {
  if (current === undefined || previous === undefined) {
    return undefined;
  }
  const change = current - previous;
  const relativeChange =
    previous === 0 ? undefined : change / Math.abs(previous);
  const flat =
    change === 0 ||
    (relativeChange !== undefined && Math.abs(relativeChange) < FLAT);
  let direction: Trend['direction'] = 'flat';
  if (!flat) {
    direction = change > 0 ? 'up' : 'down';
  }
  return {
    previous,
    change,
    ...(relativeChange !== undefined ? { relativeChange } : {}),
    direction,
    ...(flat
      ? {}
      : { improving: better === 'higher' ? change > 0 : change < 0 }),
  };
}
