const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

// Calendar units as the scaffolder's analytics read them: a year of 365
// days and a month of 30, since a saved duration has no start date.
const UNIT_SECONDS = [365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1];

/**
 * Reads an ISO 8601 duration such as `PT4H` or `P1DT30M` (the format of
 * `backstage.io/time-saved`) as seconds; `undefined` when the text is not
 * one, so a malformed annotation counts as unknown rather than zero.
 *
 * @public
 */
export function isoDurationSeconds(
  text: string | undefined,
): number | undefined {
  const match = text ? ISO_DURATION.exec(text.trim().toUpperCase()) : null;
  if (!match || match.slice(1).every(part => part === undefined)) {
    return undefined;
  }
  return Math.round(
    match
      .slice(1)
      .reduce(
        (sum, part, i) => sum + (part ? Number(part) * UNIT_SECONDS[i] : 0),
        0,
      ),
  );
}
