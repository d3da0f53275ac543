import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ScaffolderService } from '@backstage/plugin-scaffolder-node';
import {
  entityRefKey,
  TemplateRunStatus,
} from '@golden-path/plugin-golden-path-common';
import {
  NewTemplateRun,
  RunOutcome,
  RunStatusChange,
  TemplateRunStore,
} from '../database/TemplateRunStore';
import { teamsOf, UNASSIGNED_TEAM } from '../catalog/teamsOf';
import {
  isFinished,
  ListedTask,
  runnerOf,
  toTemplateRun,
} from './toTemplateRun';

/** The cursor's name for the scaffolder's task history. */
export const SCAFFOLDER_SOURCE = 'scaffolder';

// Tasks per list request: one request answers a pass with nothing new, and
// a 100,000-task history takes 200 requests.
const PAGE_SIZE = 500;
// Unfinished runs re-read per pass, one request each.
const FOLLOW_UP_LIMIT = 200;
// Final events read per pass, newest runs first: fresh runs get theirs on
// the pass that sees them finish, and a long history is worked through a
// batch per pass instead of holding up the first one.
const OUTCOME_BATCH = 500;
const FOLLOW_UP_CONCURRENCY = 8;

/** What one pass did. */
export interface IngestPassSummary {
  /** Tasks the list requests returned. */
  listed: number;
  inserted: number;
  updated: number;
  outcomesRead: number;
}

async function mapLimited<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

function entityRefOf(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    return entityRefKey(value);
  } catch {
    return undefined;
  }
}

/**
 * Records scaffolder tasks as template runs by reading the scaffolder's task
 * list newest first down to what the previous complete pass saw. The cursor
 * lives in the database, so a restarted or other replica resumes where a
 * pass stopped; recording is keyed by task id, so a replayed page stores
 * nothing twice.
 */
export class TemplateRunIngester {
  constructor(
    private readonly deps: {
      scaffolder: ScaffolderService;
      catalog: CatalogService;
      auth: AuthService;
      store: TemplateRunStore;
      logger: LoggerService;
    },
  ) {}

  /** One incremental pass; records a failure on the cursor and rethrows it. */
  async pass(signal?: AbortSignal): Promise<IngestPassSummary> {
    const { store } = this.deps;
    const cursor = await store.getCursor(SCAFFOLDER_SOURCE);
    const summary: IngestPassSummary = {
      listed: 0,
      inserted: 0,
      updated: 0,
      outcomesRead: 0,
    };
    try {
      const credentials = await this.deps.auth.getOwnServiceCredentials();
      const watermark = cursor.watermark
        ? Date.parse(cursor.watermark)
        : -Infinity;
      let passTop = cursor.passTop;
      let offset = cursor.passTop ? cursor.passOffset : 0;
      for (;;) {
        signal?.throwIfAborted();
        const { items } = await this.deps.scaffolder.listTasks(
          { limit: PAGE_SIZE, offset },
          { credentials },
        );
        summary.listed += items.length;
        passTop ??= items[0]?.createdAt;
        const counts = await this.record(items as ListedTask[]);
        summary.inserted += counts.inserted;
        summary.updated += counts.updated;
        offset += items.length;
        const last = items[items.length - 1];
        const done =
          items.length < PAGE_SIZE ||
          (last !== undefined && Date.parse(last.createdAt) < watermark);
        if (done) {
          break;
        }
        await store.saveCursor(SCAFFOLDER_SOURCE, {
          ...cursor,
          passTop,
          passOffset: offset,
        });
      }
      summary.updated += await this.followUnfinished();
      summary.outcomesRead = await this.readOutcomes();
      await store.saveCursor(SCAFFOLDER_SOURCE, {
        watermark:
          passTop && (!cursor.watermark || Date.parse(passTop) > watermark)
            ? passTop
            : cursor.watermark,
        passOffset: 0,
        readAt: new Date(),
      });
      return summary;
    } catch (error) {
      const message = isError(error) ? error.message : String(error);
      const latest = await store.getCursor(SCAFFOLDER_SOURCE);
      await store.saveCursor(SCAFFOLDER_SOURCE, {
        ...latest,
        failedAt: new Date(),
        error: message.slice(0, 2000),
      });
      throw error;
    }
  }

  /** Records one task now, as a `scaffolder.task` event asks. */
  async ingestTask(taskId: string): Promise<void> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const task = await this.deps.scaffolder.getTask(
      { taskId },
      { credentials },
    );
    await this.record([task as ListedTask]);
    if (isFinished(task.status as TemplateRunStatus)) {
      const outcome = await this.readOutcome({
        taskId,
        createdAt: task.createdAt,
      });
      await this.deps.store.recordOutcomes([outcome]);
    }
  }

  private async record(tasks: ListedTask[]) {
    const { store } = this.deps;
    const known = await store.statusesOf(tasks.map(task => task.id));
    const fresh = tasks.filter(task => !known.has(task.id));
    const teams = await teamsOf(
      fresh.flatMap(task => runnerOf(task) ?? []),
      this.deps,
    );
    const runs: NewTemplateRun[] = [];
    for (const task of fresh) {
      const runner = runnerOf(task);
      const run = toTemplateRun(
        task,
        (runner && teams.get(runner)) ?? UNASSIGNED_TEAM,
      );
      if (run) {
        runs.push(run);
      }
    }
    const changes: RunStatusChange[] = [];
    for (const task of tasks) {
      const status = known.get(task.id);
      if (status !== undefined && status !== task.status) {
        const run = toTemplateRun(task, UNASSIGNED_TEAM);
        if (run) {
          changes.push({
            taskId: run.taskId,
            status: run.status,
            finishedAt: run.finishedAt,
            durationMs: run.durationMs,
          });
        }
      }
    }
    await store.insertRuns(runs);
    await store.updateStatuses(changes);
    return { inserted: runs.length, updated: changes.length };
  }

  /** Re-reads runs still open or processing: their tasks may be old. */
  private async followUnfinished(): Promise<number> {
    const ids = await this.deps.store.unfinishedRuns(FOLLOW_UP_LIMIT);
    if (ids.length === 0) {
      return 0;
    }
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const tasks = await mapLimited(ids, FOLLOW_UP_CONCURRENCY, taskId =>
      this.deps.scaffolder.getTask({ taskId }, { credentials }),
    );
    return (await this.record(tasks as ListedTask[])).updated;
  }

  /** Reads the final event of finished runs: exact end time and the entity created. */
  private async readOutcomes(): Promise<number> {
    const runs = await this.deps.store.runsAwaitingOutcome(OUTCOME_BATCH);
    const outcomes = await mapLimited(runs, FOLLOW_UP_CONCURRENCY, run =>
      this.readOutcome(run),
    );
    await this.deps.store.recordOutcomes(outcomes);
    return outcomes.length;
  }

  private async readOutcome(run: {
    taskId: string;
    createdAt: string;
  }): Promise<RunOutcome> {
    const { taskId } = run;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const events = await this.deps.scaffolder.getLogs(
      { taskId },
      { credentials },
    );
    const final = [...events]
      .reverse()
      .find(event => event.type === 'completion' || event.type === 'cancelled');
    if (!final) {
      return { taskId };
    }
    // The completion event carries the template's rendered `output`; the
    // scaffolder's type leaves it out.
    const output = (final.body as { output?: Record<string, unknown> }).output;
    const links = Array.isArray(output?.links) ? output.links : [];
    const entityRef =
      entityRefOf(output?.entityRef) ??
      links.map(link => entityRefOf(link?.entityRef)).find(Boolean);
    return {
      taskId,
      entityRef,
      finishedAt: new Date(final.createdAt).toISOString(),
      durationMs: Math.max(
        0,
        Date.parse(final.createdAt) - Date.parse(run.createdAt),
      ),
    };
  }
}
