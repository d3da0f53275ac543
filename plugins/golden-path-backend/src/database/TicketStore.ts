import {
  TicketStatus,
  TicketType,
} from '@golden-path/plugin-golden-path-common';
import { PendingMarks } from './operations/rollupMarks';

/** A ticket as stored, attributed to a user, team, entity and path. */
export interface TicketRecord {
  source: string;
  externalId: string;
  title?: string;
  url?: string;
  type: TicketType;
  category?: string;
  labels: string[];
  components: string[];
  status: TicketStatus;
  requester?: string;
  userRef?: string;
  team: string;
  entityRef?: string;
  pathId?: string;
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt?: Date;
  resolvedAt?: Date;
  reopenCount: number;
}

/**
 * Combines an incoming ticket with the stored one (locked while the batch is
 * written) into the row to store.
 */
export type TicketMerge = (
  incoming: TicketRecord,
  stored: TicketRecord | undefined,
) => TicketRecord;

/** What an upsert did with each ticket of a batch. */
export interface TicketUpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  stale: number;
  /** The weeks whose rollups the stored changes marked for rebuilding. */
  weeks: string[];
}

/** Which rollup rows a figure reads. */
export interface TicketRollupQuery {
  /** Weeks (their Monday, `YYYY-MM-DD`) at or after. */
  fromWeek: string;
  /** Weeks before. */
  toWeek: string;
  teams?: string[];
  pathId?: string;
}

/** Weekly counts summed over one slice. */
export interface TicketCountsRow {
  /** The week, team or path summed over; '' for all. */
  slice: string;
  opened: number;
  resolved: number;
  reopenedResolved: number;
  /** Opened tickets of each type. */
  types: Record<TicketType, number>;
}

export type DurationMeasure = 'first_response' | 'resolution';

/** A duration histogram bucket's count, summed over one slice. */
export interface DurationBucketRow {
  /** The team or path the row is summed over; '' for all. */
  slice: string;
  measure: DurationMeasure;
  bucket: number;
  count: number;
}

/** Support tickets and their weekly rollups. */
export interface TicketStore {
  /**
   * Upserts a batch atomically, keyed by source and id: an update older
   * than the stored one is ignored, and the weeks each stored change counts
   * in (before and after it) are marked for their rollups to be rebuilt.
   */
  upsertTickets(
    source: string,
    tickets: TicketRecord[],
    merge?: TicketMerge,
  ): Promise<TicketUpsertCounts>;
  getTickets(source: string, externalIds: string[]): Promise<TicketRecord[]>;

  /** Weekly counts summed per week, team or path, or over all. */
  counts(
    query: TicketRollupQuery,
    by: 'week' | 'team' | 'path' | 'all',
  ): Promise<TicketCountsRow[]>;
  facets(
    query: TicketRollupQuery,
  ): Promise<Array<{ facet: string; value: string; count: number }>>;
  /** Duration histograms summed per week, team or path, or over all. */
  durations(
    query: TicketRollupQuery,
    by: 'week' | 'team' | 'path' | 'all',
  ): Promise<DurationBucketRow[]>;

  /** Rebuilds the rollups of the given weeks from the tickets now. */
  rebuildWeeks(weeks: string[]): Promise<void>;
  /** When the marked weeks waiting to be rebuilt were marked, if any. */
  pendingMarks(): Promise<PendingMarks | undefined>;
  /** Rebuilds up to `limit` marked weeks, oldest mark first; how many. */
  rebuildMarked(limit: number): Promise<number>;
  /** Removes tickets created before the instant and older rollup weeks. */
  removeBefore(createdBefore: Date): Promise<number>;
}
