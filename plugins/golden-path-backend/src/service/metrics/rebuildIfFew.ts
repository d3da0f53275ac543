// A change touching this many weeks or fewer (a webhook, a day's batch) is
// in the figures when its request returns; a bulk import of history is
// left to the rollup task, which rebuilds it once the import pauses.
const IMMEDIATE_WEEKS = 4;

/** Rebuilds the rollups of the weeks a write marked, if they are few. */
export async function rebuildIfFew(
  store: { rebuildWeeks(weeks: string[]): Promise<void> },
  weeks: string[],
): Promise<void> {
  if (weeks.length > 0 && weeks.length <= IMMEDIATE_WEEKS) {
    await store.rebuildWeeks(weeks);
  }
}
