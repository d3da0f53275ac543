import { weekStart } from '@golden-path/plugin-golden-path-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

const WEEK_MS = 7 * 86_400_000;

/** The ranges offered, in weeks; the backend's default is 13. */
export const RANGES = [4, 13, 26, 52];
export const DEFAULT_RANGE = 13;

/**
 * What the figures of a tab count, kept in the URL so that views can be
 * shared. The tabs use the same search params, so a link from one tab to
 * another keeps them.
 */
export interface FigureFilters {
  weeks: number;
  /** A group ref. */
  team?: string;
  /** A golden path id. */
  path?: string;
}

/**
 * Where a range of whole weeks starts: the Monday `weeks - 1` weeks before
 * this one, so that the current week counts as one of them.
 */
export function rangeFrom(weeks: number, now: number = Date.now()): string {
  return `${weekStart(now - (weeks - 1) * WEEK_MS)}T00:00:00.000Z`;
}

/** The filters from the URL's search params, and a setter writing them back. */
export function useFigureFilters() {
  const [params, setParams] = useSearchParams();
  const weeksParam = Number(params.get('weeks'));
  const filters: FigureFilters = useMemo(
    () => ({
      weeks: RANGES.includes(weeksParam) ? weeksParam : DEFAULT_RANGE,
      team: params.get('team') ?? undefined,
      path: params.get('path') ?? undefined,
    }),
    [weeksParam, params],
  );
  const setFilters = useCallback(
    (changes: Partial<FigureFilters>) =>
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            const omitted =
              value === undefined ||
              (key === 'weeks' && value === DEFAULT_RANGE);
            if (omitted) {
              next.delete(key);
            } else {
              next.set(key, String(value));
            }
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, setFilters };
}
