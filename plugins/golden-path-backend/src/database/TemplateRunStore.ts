import {
  TemplateRun,
  TemplateRunStatus,
} from '@golden-path/plugin-golden-path-common';

/** A run as first recorded, before its final event is read. */
export type NewTemplateRun = Omit<TemplateRun, 'entityRef'>;

/** A status change of a recorded run. */
export interface RunStatusChange {
  taskId: string;
  status: TemplateRunStatus;
  finishedAt?: string;
  durationMs?: number;
}

/** What a finished run's final event told. */
export interface RunOutcome {
  taskId: string;
  finishedAt?: string;
  durationMs?: number;
  entityRef?: string;
}

/** Where an incremental reading of a source stands. */
export interface IngestCursor {
  /** Newest item time read by the last complete pass. */
  watermark?: string;
  /** Newest item time of the pass under way, when one is. */
  passTop?: string;
  /** Items the pass under way has read. */
  passOffset: number;
  readAt?: Date;
  failedAt?: Date;
  error?: string;
}

/** Which runs a listing selects. */
export interface RunQuery {
  taskId?: string;
  templateRef?: string;
  /** Any of these templates. */
  templateRefs?: string[];
  /** Runners in any of these teams. */
  teams?: string[];
  runBy?: string;
  status?: TemplateRunStatus;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
}

/** The columns run figures read. */
export type RunFigureRow = Pick<
  TemplateRun,
  | 'templateRef'
  | 'templateVersion'
  | 'timeSavedSeconds'
  | 'team'
  | 'status'
  | 'durationMs'
  | 'entityRef'
>;

/** Template runs, the reading cursor and the template versions seen. */
export interface TemplateRunStore {
  /** The recorded status of each of the given tasks that is recorded. */
  statusesOf(taskIds: string[]): Promise<Map<string, TemplateRunStatus>>;
  /** Records new runs; a task already recorded is left as it is. */
  insertRuns(runs: NewTemplateRun[]): Promise<void>;
  /**
   * Applies status changes. A run that changes status again (a retried task)
   * must have its final event read again.
   */
  updateStatuses(changes: RunStatusChange[]): Promise<void>;
  /** Runs not yet finished, oldest first. */
  unfinishedRuns(limit: number): Promise<string[]>;
  /** Finished runs whose final event is unread, newest first. */
  runsAwaitingOutcome(
    limit: number,
  ): Promise<Array<{ taskId: string; createdAt: string }>>;
  recordOutcomes(outcomes: RunOutcome[]): Promise<void>;
  listRuns(
    query: RunQuery,
    page: { limit: number; offset: number },
  ): Promise<{ items: TemplateRun[]; totalItems: number }>;
  figureRows(query: RunQuery): Promise<RunFigureRow[]>;
  /** Completed runs the query selects, per runner team. */
  completedRunsByTeam(query: RunQuery): Promise<Map<string, number>>;
  /** How many runs, and how many completed, the query selects. */
  countRuns(query: RunQuery): Promise<{ runs: number; completed: number }>;
  /** The earliest completed run that created each of the given entities. */
  runsCreating(
    entityRefs: string[],
  ): Promise<Map<string, { taskId: string; finishedAt: Date }>>;

  getCursor(source: string): Promise<IngestCursor>;
  saveCursor(source: string, cursor: IngestCursor): Promise<void>;

  /** Versions already seen of the given templates. */
  versionsOf(
    templateRefs: string[],
  ): Promise<
    Array<{ templateRef: string; version: string; firstSeenAt: Date }>
  >;
  /** Records versions seen; ones already recorded keep their first sighting. */
  recordVersions(
    versions: Array<{ templateRef: string; version: string; seenAt: Date }>,
  ): Promise<void>;
}
