/** Milliseconds in a day, for retention, expiry and date ranges. */
export const DAY_MS = 24 * 60 * 60 * 1000;
