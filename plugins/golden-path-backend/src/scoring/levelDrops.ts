/** An entity that fell to a lower level than the previous run gave it. */
export interface LevelDrop {
  entityRef: string;
  from: string;
  /** `null` when it now reaches no level at all. */
  to: string | null;
}

/**
 * Compares levels before and after a run. Levels are ordered lowest first;
 * an entity new to the results, or whose previous level is no longer
 * configured, has nothing to drop from.
 */
export function findLevelDrops(
  previous: Map<string, string | null>,
  current: Array<{ entityRef: string; level: string | null }>,
  levels: string[],
): LevelDrop[] {
  const rank = (level: string | null) =>
    level === null ? -1 : levels.indexOf(level);
  const drops: LevelDrop[] = [];
  for (const { entityRef, level } of current) {
    const before = previous.get(entityRef);
    if (before && rank(before) >= 0 && rank(level) < rank(before)) {
      drops.push({ entityRef, from: before, to: level });
    }
  }
  return drops;
}
