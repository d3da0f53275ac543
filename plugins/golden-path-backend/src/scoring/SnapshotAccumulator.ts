import { SnapshotRecord } from '../database/ResultsStore';

/** The snapshot row of all paths together. */
export const ALL_PATHS = '*';

type Counter = Omit<SnapshotRecord, 'day' | 'computedAt'>;

/**
 * Sums one scoring run's entities into daily aggregates per path and owner
 * as the run streams through the catalog. Holds one small counter per
 * (path, owner) pair, never the entities.
 */
export class SnapshotAccumulator {
  private readonly counters = new Map<string, Counter>();

  private counter(pathId: string, ownerRef: string): Counter {
    const key = `${pathId}\u0000${ownerRef}`;
    let counter = this.counters.get(key);
    if (!counter) {
      counter = {
        pathId,
        ownerRef,
        eligible: 0,
        onPath: 0,
        scored: 0,
        scoreSum: 0,
        levels: {},
      };
      this.counters.set(key, counter);
    }
    return counter;
  }

  add(entity: {
    ownerRef: string | null;
    eligibleFor: string[];
    pathId: string | null;
    score: number | null;
    level: string | null;
  }) {
    const owner = entity.ownerRef ?? '';
    const pathIds = new Set(entity.eligibleFor);
    if (entity.pathId) {
      pathIds.add(entity.pathId);
    }
    for (const pathId of pathIds) {
      const counter = this.counter(pathId, owner);
      counter.eligible += 1;
      if (pathId === entity.pathId) {
        counter.onPath += 1;
        if (entity.score !== null) {
          counter.scored += 1;
          counter.scoreSum += entity.score;
        }
        const level = entity.level ?? 'none';
        counter.levels[level] = (counter.levels[level] ?? 0) + 1;
      }
    }
    if (pathIds.size > 0) {
      const all = this.counter(ALL_PATHS, owner);
      all.eligible += 1;
      if (entity.pathId) {
        all.onPath += 1;
      }
    }
  }

  records(day: string, computedAt: Date): SnapshotRecord[] {
    return [...this.counters.values()].map(counter => ({
      ...counter,
      day,
      computedAt,
    }));
  }
}
