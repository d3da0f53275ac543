import {
  CheckVerdict,
  Provenance,
  TemplateDrift,
} from '@golden-path/plugin-golden-path-common';
import { JsonValue } from '@backstage/types';

/** What a scoring run concluded about one entity. */
export interface EntityResultRecord {
  /** Lower-case entity ref. */
  entityRef: string;
  ownerRef: string | null;
  eligible: boolean;
  /** Ids of the paths whose `appliesTo` selects the entity. */
  eligibleFor: string[];
  pathId: string | null;
  provenance: Provenance | null;
  drift: TemplateDrift | null;
  score: number | null;
  coverage: number | null;
  level: string | null;
  /** Verdicts, with the values each check read (absent in older rows). */
  checks: Array<{
    id: string;
    verdict: CheckVerdict;
    inputs?: Record<string, JsonValue>;
  }>;
  unavailableSources: string[];
  evaluatedAt: Date;
}

/** One day's aggregate for one path (or `*`) and one owner (or ''). */
export interface SnapshotRecord {
  day: string;
  pathId: string;
  ownerRef: string;
  eligible: number;
  onPath: number;
  scored: number;
  scoreSum: number;
  levels: Record<string, number>;
  computedAt: Date;
}

/** One day of a history series. */
export interface SeriesPoint {
  day: string;
  eligible: number;
  onPath: number;
  scored: number;
  scoreSum: number;
}

/**
 * A change of one entity's results; the values hold until the next point.
 */
export interface EntityHistoryPoint {
  day: string;
  pathId: string | null;
  score: number | null;
  coverage: number | null;
  level: string | null;
  evaluatedAt: Date;
}

/** Storage of scoring results, written by scoring runs and read by the API. */
export interface ResultsStore {
  /**
   * Inserts or replaces the records, atomically, tagged with the run, and
   * records a history point for each whose path, score, coverage or level
   * changed (at most one per entity and day). Returns the level each entity
   * had before (absent: it had no results), read in the same transaction.
   */
  writeBatch(
    runId: string,
    records: EntityResultRecord[],
  ): Promise<Map<string, string | null>>;
  /**
   * Inserts or replaces one entity's record outside a scoring run (an
   * on-demand refresh), without disturbing a run in progress.
   */
  writeRefreshed(record: EntityResultRecord): Promise<void>;
  /**
   * Removes every record, and its history, not written by the given
   * (completed) run: the entities that left the catalog. Returns how many
   * records were removed.
   */
  removeRecordsNotFromRun(runId: string): Promise<number>;
  get(entityRef: string): Promise<EntityResultRecord | undefined>;
  /** The golden path each of the given entities is on, where it is on one. */
  pathsOf(entityRefs: string[]): Promise<Map<string, string>>;
  /** Which of the given entities the last scoring run found in the catalog. */
  existing(entityRefs: string[]): Promise<Set<string>>;
  /** Replaces all of a day's aggregates with these, atomically. */
  replaceDaySnapshots(day: string, records: SnapshotRecord[]): Promise<void>;
  /** The aggregates of the most recent day that has any. */
  latestSnapshots(): Promise<SnapshotRecord[]>;
  /**
   * Per-day sums of one path's (or `*`'s) aggregates between two days
   * (inclusive), over the given owners or all of them.
   */
  snapshotSeries(query: {
    pathId: string;
    ownerRefs?: string[];
    from: string;
    to: string;
  }): Promise<SeriesPoint[]>;
  /** The latest aggregates of the given owners. */
  latestSnapshotsOf(ownerRefs: string[]): Promise<SnapshotRecord[]>;
  /** Results of entities owned by the given owners, by entity ref, at most `limit`. */
  listByOwners(
    ownerRefs: string[],
    limit: number,
  ): Promise<EntityResultRecord[]>;
  /** Results of entities whose provenance names the template, at most `limit`. */
  listByTemplate(
    templateRef: string,
    limit: number,
  ): Promise<EntityResultRecord[]>;
  /** Removes aggregates of days before `day`; returns how many. */
  removeSnapshotsBefore(day: string): Promise<number>;
  /**
   * One entity's history points between two days (inclusive), preceded by
   * the point in force on `from`, if any; oldest first.
   */
  entityHistory(query: {
    entityRef: string;
    from: string;
    to: string;
  }): Promise<EntityHistoryPoint[]>;
  /**
   * Removes history points of days before `day`, except each entity's
   * latest, which still holds; returns how many were removed.
   */
  removeEntityHistoryBefore(day: string): Promise<number>;
}
