import type { TemplateDrift } from '../scoring/drift';

/**
 * A scaffolder task's status, as the scaffolder reports it.
 *
 * @public
 */
export type TemplateRunStatus =
  | 'open'
  | 'processing'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'skipped';

/**
 * One run of a template, recorded with the values of the moment it ran:
 * editing the template later does not change it. Form values and secrets
 * are never recorded.
 *
 * @public
 */
export interface TemplateRun {
  /** The scaffolder task id. */
  taskId: string;
  templateRef: string;
  /** The template's `backstage.io/template-version` when it ran. */
  templateVersion?: string;
  /** The template's `backstage.io/time-saved` when it ran, in seconds. */
  timeSavedSeconds?: number;
  /** Who ran it; absent when the task names nobody. */
  runBy?: string;
  /** The runner's team from the catalog when the run was recorded, or `unassigned`. */
  team: string;
  status: TemplateRunStatus;
  createdAt: string;
  /** When the task reached a final status. */
  finishedAt?: string;
  /** From creation to the final status. */
  durationMs?: number;
  /** The entity the run created, when its output names one. */
  entityRef?: string;
}

/**
 * Whether the suite could read the scaffolder's task history, so that an
 * empty list can be told apart from no data.
 *
 * @public
 */
export interface TemplateRunSource {
  /**
   * `ok` after a successful read; `never-read` before the first one;
   * `unavailable` when the scaffolder answered with an error or is not
   * installed.
   */
  state: 'ok' | 'never-read' | 'unavailable';
  /** The last successful read. */
  readAt?: string;
  /** Why the last read failed, for `unavailable`. */
  message?: string;
}

/**
 * Run counts and timings of a set of runs.
 *
 * @public
 */
export interface RunFigures {
  /** All runs in the population, whatever their status. */
  runs: number;
  /** Runs that reached a final status (completed, failed or cancelled). */
  finished: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** succeeded ÷ finished; absent when none finished. */
  successRate?: number;
  /** Of succeeded runs; absent when none. */
  medianDurationMs?: number;
  /** Of succeeded runs; absent when none. */
  p90DurationMs?: number;
  /** Sum of the time saved declared by succeeded runs. */
  timeSavedSeconds: number;
  /** Succeeded runs whose template declared no time saved. */
  runsWithoutTimeSaved: number;
}

/**
 * Figures of one template over a time range.
 *
 * @public
 */
export interface TemplateFigures extends RunFigures {
  templateRef: string;
  /** Per runner team, most runs first. */
  teams: Array<{ team: string } & RunFigures>;
  /** Per template version, newest first; `version` absent for unversioned runs, listed last. */
  versions: Array<{ version?: string; runs: number }>;
  /** Distinct entities the runs created, where their output named one. */
  entitiesCreated: number;
  /** Of those, the ones still in the catalog. */
  entitiesInCatalog: number;
}

/**
 * `GET /templates/{namespace}/{name}/figures`.
 *
 * @public
 */
export interface TemplateFiguresResponse {
  /** The range counted: runs created at or after `from` and before `to`. */
  from: string;
  to: string;
  figures: TemplateFigures;
  source: TemplateRunSource;
}

/**
 * `GET /templates`: every template that ran in the range.
 *
 * @public
 */
export interface TemplatesFiguresResponse {
  from: string;
  to: string;
  templates: TemplateFigures[];
  /** Per runner team over all templates, most runs first. */
  teams: Array<{ team: string } & RunFigures>;
  source: TemplateRunSource;
}

/**
 * `GET /templates/{namespace}/{name}/runs`, newest first.
 *
 * @public
 */
export interface TemplateRunsResponse {
  items: TemplateRun[];
  totalItems: number;
  source: TemplateRunSource;
}

/**
 * An entity created from a template, and how far it is behind.
 *
 * @public
 */
export interface TemplateEntity {
  entityRef: string;
  pathId: string | null;
  templateVersion?: string;
  drift: TemplateDrift;
  /** When the version after the entity's was first seen: how long it has been behind. */
  behindSince?: string;
  score: number | null;
  level: string | null;
}

/**
 * `GET /templates/{namespace}/{name}/entities`: the catalog entities whose
 * provenance names the template, most drifted first.
 *
 * @public
 */
export interface TemplateEntitiesResponse {
  templateRef: string;
  /** The newest version known for the template's path: configured or published. */
  latestVersion?: string;
  items: TemplateEntity[];
}
