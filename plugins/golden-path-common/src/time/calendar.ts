/** Milliseconds in a day. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The UTC day of an instant, `YYYY-MM-DD`: the key daily rollups use.
 *
 * @public
 */
export function utcDay(at: Date | string | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * The Monday (UTC) starting the ISO week an instant falls in, `YYYY-MM-DD`:
 * the key weekly rollups use.
 *
 * @public
 */
export function weekStart(at: Date | string | number): string {
  const date = new Date(at);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return utcDay(
    Date.UTC(
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate() - sinceMonday,
    ),
  );
}

/**
 * The calendar quarter (UTC) an instant falls in, e.g. `2026-Q4`.
 *
 * @public
 */
export function quarterOf(at: Date | string | number): string {
  const date = new Date(at);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/**
 * The instants a quarter covers: `from` inclusive, `to` exclusive.
 *
 * @public
 */
export function quarterRange(quarter: string): { from: Date; to: Date } {
  const match = QUARTER.exec(quarter);
  if (!match) {
    throw new RangeError(`'${quarter}' is not a quarter like 2026-Q4`);
  }
  const year = Number(match[1]);
  const month = (Number(match[2]) - 1) * 3;
  return {
    from: new Date(Date.UTC(year, month, 1)),
    to: new Date(Date.UTC(year, month + 3, 1)),
  };
}

/**
 * The period of the same length just before `[from, to)`: what a figure's
 * trend compares against.
 *
 * @public
 */
export function previousPeriod(period: { from: Date; to: Date }): {
  from: Date;
  to: Date;
} {
  const length = period.to.getTime() - period.from.getTime();
  return { from: new Date(period.from.getTime() - length), to: period.from };
}
