import { InputError } from '@backstage/errors';
import {
  DAY_MS,
  previousPeriod,
  utcDay,
  weekStart,
} from '@golden-path/plugin-golden-path-common';
import { INSTANT_RANGE_MESSAGE, isQueryInstant } from '../../validation/input';

export const WEEK_MS = 7 * DAY_MS;
const DEFAULT_WEEKS = 13;
// Ten years: every week is computed, and a period of millennia would hold
// the event loop and the memory for minutes.
export const MAX_WEEKS = 520;

/** Weeks, as Monday keys, from the week of `from` until `to`. */
export function weeksOf(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  for (let at = Date.parse(weekStart(from)); at < to.getTime(); at += WEEK_MS) {
    weeks.push(utcDay(at));
  }
  return weeks;
}

/**
 * A figures period of whole ISO weeks: from the Monday of `from` (default
 * 13 weeks before `to`) through the week holding `to` (default now), and
 * the period of as many weeks before it.
 */
export function weekPeriod(query: { from?: string; to?: string }, now: Date) {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isQueryInstant(value)) {
      throw new InputError(`Invalid query: ${field}: ${INSTANT_RANGE_MESSAGE}`);
    }
  }
  const to = query.to ? new Date(query.to) : now;
  const requestedFrom = query.from
    ? new Date(query.from)
    : new Date(to.getTime() - DEFAULT_WEEKS * WEEK_MS);
  if (!(requestedFrom < to)) {
    throw new InputError('Invalid query: from: must be before to');
  }
  if (to.getTime() - requestedFrom.getTime() > MAX_WEEKS * WEEK_MS) {
    throw new InputError(
      `Invalid query: from: the period may span at most ${MAX_WEEKS} weeks`,
    );
  }
  const weeks = weeksOf(requestedFrom, to);
  const from = new Date(weeks[0]);
  const end = new Date(from.getTime() + weeks.length * WEEK_MS);
  const previous = previousPeriod({ from, to: end });
  return {
    weeks,
    from,
    to,
    /** The Monday after the last week: the exclusive end of the rollups. */
    endWeek: utcDay(end),
    previous,
    previousWeeks: weeksOf(previous.from, previous.to),
  };
}
