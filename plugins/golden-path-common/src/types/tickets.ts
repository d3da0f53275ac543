import type { Trend } from '../metrics/trend';

/**
 * What kind of ticket: `request` tickets are what self-service replaces.
 *
 * @public
 */
export type TicketType = 'request' | 'incident' | 'bug' | 'question' | 'other';

/**
 * A ticket's state; `resolved` and `closed` count as resolved.
 *
 * @public
 */
export type TicketStatus =
  | 'open'
  | 'in-progress'
  | 'waiting'
  | 'resolved'
  | 'closed';

/**
 * A support ticket as a tracker sends it (`POST /tickets`, CSV import).
 *
 * @public
 */
export interface TicketInput {
  /** The tracker's own id, unique within the source. */
  id: string;
  title?: string;
  url?: string;
  type?: TicketType;
  category?: string;
  labels?: string[];
  /** Names of catalog components the ticket is about. */
  components?: string[];
  status: TicketStatus;
  /** Email, username or user entity ref of who asked. */
  requester?: string;
  entityRef?: string;
  pathId?: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601; an update older than the stored one is ignored. */
  updatedAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  reopenCount?: number;
}

/**
 * What storing a batch did.
 *
 * @public
 */
export interface TicketIngestResult {
  source: string;
  received: number;
  inserted: number;
  updated: number;
  /** Same as stored: nothing written. */
  unchanged: number;
  /** Older than the stored update: ignored. */
  stale: number;
}

/**
 * A row of a CSV import that cannot be stored.
 *
 * @public
 */
export interface TicketImportRowError {
  /** 1-based line number in the file, the header being line 1. */
  line: number;
  field?: string;
  message: string;
}

/**
 * `POST /tickets/import`: a dry run previews, a real import stores. Any row
 * error rejects the whole file (400 with the same body).
 *
 * @public
 */
export interface TicketImportResponse {
  dryRun: boolean;
  rows: number;
  errors: TicketImportRowError[];
  /** The first rows as they would be stored. */
  preview: TicketInput[];
  result?: TicketIngestResult;
}

/**
 * Durations from tickets, over the tickets that have one.
 *
 * @public
 */
export interface DurationFigures {
  count: number;
  medianMs?: number;
  p90Ms?: number;
}

/**
 * Ticket figures for one slice (all, a team, a path).
 *
 * @public
 */
export interface TicketSliceFigures {
  opened: number;
  resolved: number;
  requests: number;
  /** Tickets resolved in the period that had been reopened, ÷ resolved. */
  reopenRate?: number;
  firstResponse: DurationFigures;
  resolution: DurationFigures;
}

/**
 * `GET /tickets/figures`
 *
 * @public
 */
export interface TicketFiguresResponse {
  from: string;
  to: string;
  previous: { from: string; to: string };
  group?: string;
  pathId?: string;
  totals: TicketSliceFigures;
  previousTotals: TicketSliceFigures;
  /** Tickets opened per week, current period. */
  openedPerWeek: number;
  /** Opened per week against the previous period; lower is better. */
  volumeTrend?: Trend;
  resolutionTrend?: Trend;
  weeks: Array<{ week: string; opened: number; resolved: number }>;
  categories: Array<{ category: string; count: number }>;
  labels: Array<{ label: string; count: number }>;
  types: Array<{ type: TicketType; count: number }>;
  teams: Array<TicketSliceFigures & { team: string }>;
  paths: Array<TicketSliceFigures & { pathId: string }>;
  /** Tickets with no golden path, no team. */
  unattributed: { noPath: number; noTeam: number };
  computedAt: string;
}
