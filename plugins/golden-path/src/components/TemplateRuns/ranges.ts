/** A time range the runs and figures can be read over. */
export interface TimeRange {
  value: string;
  label: string;
  /** Completes "No runs …". */
  during: string;
  /** Absent for all time. */
  days?: number;
}

export const TIME_RANGES: TimeRange[] = [
  { value: '7', label: 'Last 7 days', during: 'in the last 7 days', days: 7 },
  {
    value: '30',
    label: 'Last 30 days',
    during: 'in the last 30 days',
    days: 30,
  },
  {
    value: '90',
    label: 'Last 90 days',
    during: 'in the last 90 days',
    days: 90,
  },
  {
    value: '365',
    label: 'Last 365 days',
    during: 'in the last 365 days',
    days: 365,
  },
  { value: 'all', label: 'All time', during: 'so far' },
];

export const LAST_90_DAYS = TIME_RANGES[2];

/**
 * Where the range starts, as an ISO time. All time starts at the epoch
 * rather than leaving `from` out, which the figures endpoint reads as the
 * last 90 days.
 */
export function rangeFrom(range: TimeRange, now: number = Date.now()): string {
  return new Date(
    range.days === undefined ? 0 : now - range.days * 86_400_000,
  ).toISOString();
}
