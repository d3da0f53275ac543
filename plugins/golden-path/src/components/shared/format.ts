const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration such as "45 s", "1 min 12 s", "2 h 5 min" or "3 d 4 h". */
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
  // Rounded to the smaller unit first, so that 4 h 59.6 min reads 5 h.
  const minutes = Math.round(seconds / MINUTE);
  if (minutes < DAY / MINUTE) {
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
  }
  const hours = Math.round(seconds / HOUR);
  const rest = hours % 24;
  return `${Math.floor(hours / 24)} d${rest ? ` ${rest} h` : ''}`;
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

/** A number to at most one decimal, such as "12" or "3.5". */
export function formatDecimal(value: number): string {
  return new Intl.NumberFormat(undefined, {
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * A rate to at most one decimal or, below one, to two significant digits,
 * such as "12", "2.5" or "0.043": a few deployments a month per service
 * would read 0 otherwise.
 */
export function formatRate(value: number): string {
  return Math.abs(value) >= 1
    ? formatDecimal(value)
    : new Intl.NumberFormat(undefined, { maximumSignificantDigits: 2 }).format(
        value,
      );
}

/** A change of a percentage or a score in points, signed, such as "+5 pts". */
export function formatPoints(change: number): string {
  const rounded = Math.round(change);
  return `${rounded > 0 ? '+' : ''}${rounded} pts`;
}

/** A Net Promoter Score (−100 to 100) as a whole number, signed when positive. */
export function formatNps(score: number): string {
  const rounded = Math.round(score);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** A day, such as "Nov 24, 2026" in English. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
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
