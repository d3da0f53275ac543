/**
 * Which breakdown rows to withhold so that no group smaller than
 * `minGroupSize` can be read, directly or by subtracting the shown rows from
 * the total: every row under the minimum is withheld, and while the
 * withheld rows together hold fewer than the minimum (but some), the
 * smallest shown row is withheld too. Returns the indexes withheld.
 */
export function suppressedRows(
  responses: readonly number[],
  minGroupSize: number,
): Set<number> {
  const withheld = new Set<number>();
  responses.forEach((count, i) => {
    if (count < minGroupSize) {
      withheld.add(i);
    }
  });
  const withheldTotal = () =>
    [...withheld].reduce((sum, i) => sum + responses[i], 0);
  while (withheldTotal() > 0 && withheldTotal() < minGroupSize) {
    const shown = responses
      .map((count, i) => ({ count, i }))
      .filter(({ i }) => !withheld.has(i));
    if (shown.length === 0) {
      break;
    }
    shown.sort((a, b) => a.count - b.count || a.i - b.i);
    withheld.add(shown[0].i);
  }
  return withheld;
}
