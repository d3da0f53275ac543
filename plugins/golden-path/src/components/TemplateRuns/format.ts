import { RunFigures } from '@golden-path/plugin-golden-path-common';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** A duration such as "45 s", "1 min 12 s" or "2 h 5 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) {
    return '< 1 s';
  }
  if (seconds < MINUTE) {
    return `${seconds} s`;
  }
  if (seconds < HOUR) {
    const rest = seconds % MINUTE;
    return `${Math.floor(seconds / MINUTE)} min${rest ? ` ${rest} s` : ''}`;
  }
  const minutes = Math.round((seconds % HOUR) / MINUTE);
  return `${Math.floor(seconds / HOUR)} h${minutes ? ` ${minutes} min` : ''}`;
}

/** A ratio as a whole percentage. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Seconds as hours, to a tenth. */
export function formatHours(seconds: number): string {
  const hours = new Intl.NumberFormat(undefined, {
    maximumFractionDigits: 1,
  }).format(seconds / HOUR);
  return `${hours} h`;
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', HOUR],
  ['minute', MINUTE],
  ['second', 1],
];

/** A time relative to now, such as "5 minutes ago" or "in 2 days". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(0, 'second');
}

/** A count and a noun, in the plural unless the count is one. */
export function plural(
  count: number,
  noun: string,
  nouns: string = `${noun}s`,
): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Time saved as hours; `undefined` when no succeeded run declared any. */
export function timeSaved(figures: RunFigures): string | undefined {
  return figures.succeeded > figures.runsWithoutTimeSaved
    ? formatHours(figures.timeSavedSeconds)
    : undefined;
}
