import {
  TemplateRun,
  TemplateRunStatus,
} from '@golden-path/plugin-golden-path-common';
import { Knex } from 'knex';
import {
  DbIngestCursorRow,
  DbTemplateRunRow,
  DbTemplateVersionRow,
  INGEST_CURSORS_TABLE,
  TEMPLATE_RUNS_TABLE,
  TEMPLATE_VERSIONS_TABLE,
} from './tables';
import {
  IngestCursor,
  NewTemplateRun,
  RunFigureRow,
  RunOutcome,
  RunQuery,
  RunStatusChange,
  TemplateRunStore,
} from './TemplateRunStore';
import { toDate } from './toDate';

// Rows per INSERT (13 parameters each) and ids per IN (...): well under
// every engine's bound-parameter limit.
const BATCH_SIZE = 200;

const UNFINISHED: TemplateRunStatus[] = ['open', 'processing'];
const FINISHED: TemplateRunStatus[] = ['completed', 'failed', 'cancelled'];

function optionalDate(value: Date | string | number | null) {
  return value === null ? undefined : toDate(value);
}

function toRun(row: DbTemplateRunRow): TemplateRun {
  return {
    taskId: row.task_id,
    templateRef: row.template_ref,
    templateVersion: row.template_version ?? undefined,
    timeSavedSeconds: row.time_saved_seconds ?? undefined,
    runBy: row.run_by ?? undefined,
    team: row.team,
    status: row.status as TemplateRunStatus,
    createdAt: toDate(row.created_at).toISOString(),
    finishedAt: optionalDate(row.finished_at)?.toISOString(),
    durationMs: row.duration_ms === null ? undefined : Number(row.duration_ms),
    entityRef: row.entity_ref ?? undefined,
  };
}

/** {@link TemplateRunStore} on the plugin's Knex database. */
export class DatabaseTemplateRunStore implements TemplateRunStore {
  constructor(private readonly db: Knex) {}

  async statusesOf(taskIds: string[]) {
    const found = new Map<string, TemplateRunStatus>();
    for (let i = 0; i < taskIds.length; i += BATCH_SIZE) {
      const rows = await this.db<DbTemplateRunRow>(TEMPLATE_RUNS_TABLE)
        .whereIn('task_id', taskIds.slice(i, i + BATCH_SIZE))
        .select('task_id', 'status');
      for (const row of rows) {
        found.set(row.task_id, row.status as TemplateRunStatus);
      }
    }
    return found;
  }

  async insertRuns(runs: NewTemplateRun[]) {
    const recordedAt = new Date();
    for (let i = 0; i < runs.length; i += BATCH_SIZE) {
      await this.db<DbTemplateRunRow>(TEMPLATE_RUNS_TABLE)
        .insert(
          runs.slice(i, i + BATCH_SIZE).map(run => ({
            task_id: run.taskId,
            template_ref: run.templateRef,
            template_version: run.templateVersion ?? null,
            time_saved_seconds: run.timeSavedSeconds ?? null,
            run_by: run.runBy ?? null,
            team: run.team,
            status: run.status,
            created_at: new Date(run.createdAt),
            finished_at: run.finishedAt ? new Date(run.finishedAt) : null,
            duration_ms: run.durationMs ?? null,
            entity_ref: null,
            output_read: false,
            recorded_at: recordedAt,
          })),
        )
        .onConflict('task_id')
        .ignore();
    }
  }

  async updateStatuses(changes: RunStatusChange[]) {
    if (changes.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const change of changes) {
        await tx<DbTemplateRunRow>(TEMPLATE_RUNS_TABLE)
          .where('task_id', change.taskId)
          .update({
            status: change.status,
            finished_at: change.finishedAt ? new Date(change.finishedAt) : null,
            duration_ms: change.durationMs ?? null,
            output_read: false,
          });
      }
    });
  }

  async unfinishedRuns(limit: number) {
    const rows = await this.db<DbTemplateRunRow>(TEMPLATE_RUNS_TABLE)
      .whereIn('status', UNFINISHED)
      .orderBy('created_at', 'asc')
      .limit(limit)
      .select('task_id');
    return rows.map(row => row.task_id);
  }

  async runsAwaitingOutcome(limit: number) {
    const rows = await this.db<DbTemplateRunRow>(TEMPLATE_RUNS_TABLE)
      .whereIn('status', FINISHED)
      .where('output_read', false)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .select('task_id', 'created_at');
    return rows.map(row => ({
      taskId: row.task_id,
      createdAt: toDate(row.created_at).toISOString(),
    }));
  }

  async recordOutcomes(outcomes: RunOutcome[]) {
    if (outcomes.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const outcome of outcomes) {
        await tx<DbTemplateRunRow>(TEMPLATE_RUNS_TABLE)
          .where('task_id', outcome.taskId)
          .update({
            output_read: true,
            entity_ref: outcome.entityRef ?? null,
            ...(outcome.finishedAt && {
              finished_at: new Date(outcome.finishedAt),
              duration_ms: outcome.durationMs ?? null,
            }),
          });
      }
    });
  }

  private selectRuns(query: RunQuery) {
    return this.db<DbTemplateRunRow>(TEMPLATE_RUNS_TABLE).modify(q => {
      if (query.taskId) {
        q.where('task_id', query.taskId);
      }
      if (query.templateRef) {
        q.where('template_ref', query.templateRef);
      }
      if (query.templateRefs) {
        q.whereIn('template_ref', query.templateRefs);
      }
      if (query.teams) {
        q.whereIn('team', query.teams);
      }
      if (query.runBy) {
        q.where('run_by', query.runBy);
      }
      if (query.status) {
        q.where('status', query.status);
      }
      if (query.from) {
        q.where('created_at', '>=', query.from);
      }
      if (query.to) {
        q.where('created_at', '<', query.to);
      }
    });
  }

  async listRuns(query: RunQuery, page: { limit: number; offset: number }) {
    const [rows, [{ count }]] = await Promise.all([
      this.selectRuns(query)
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'task_id', order: 'desc' },
        ])
        .limit(page.limit)
        .offset(page.offset),
      this.selectRuns(query).count({ count: '*' }),
    ]);
    return {
      items: (rows as DbTemplateRunRow[]).map(toRun),
      totalItems: Number(count),
    };
  }

  async completedRunsByTeam(query: RunQuery) {
    const rows: Array<Record<string, any>> = await this.selectRuns({
      ...query,
      status: 'completed',
    })
      .groupBy('team')
      .select('team')
      .count({ runs: '*' });
    return new Map(rows.map(row => [row.team as string, Number(row.runs)]));
  }

  async countRuns(query: RunQuery) {
    const row: Record<string, any> | undefined = await this.selectRuns(query)
      .count({ runs: '*' })
      .sum({
        completed: this.db.raw(
          "CASE WHEN status = 'completed' THEN 1 ELSE 0 END",
        ),
      })
      .first();
    return {
      runs: Number(row?.runs ?? 0),
      completed: Number(row?.completed ?? 0),
    };
  }

  async runsCreating(entityRefs: string[]) {
    const found = new Map<string, { taskId: string; finishedAt: Date }>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows: DbTemplateRunRow[] = await this.db<DbTemplateRunRow>(
        TEMPLATE_RUNS_TABLE,
      )
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .where('status', 'completed')
        .whereNotNull('finished_at')
        .select('entity_ref', 'task_id', 'finished_at');
      for (const row of rows) {
        const finishedAt = toDate(row.finished_at!);
        const known = found.get(row.entity_ref!);
        if (!known || finishedAt < known.finishedAt) {
          found.set(row.entity_ref!, { taskId: row.task_id, finishedAt });
        }
      }
    }
    return found;
  }

  async figureRows(query: RunQuery): Promise<RunFigureRow[]> {
    const rows: DbTemplateRunRow[] = await this.selectRuns(query).select(
      'template_ref',
      'template_version',
      'time_saved_seconds',
      'team',
      'status',
      'duration_ms',
      'entity_ref',
    );
    return rows.map(row => ({
      templateRef: row.template_ref,
      templateVersion: row.template_version ?? undefined,
      timeSavedSeconds: row.time_saved_seconds ?? undefined,
      team: row.team,
      status: row.status as TemplateRunStatus,
      durationMs:
        row.duration_ms === null ? undefined : Number(row.duration_ms),
      entityRef: row.entity_ref ?? undefined,
    }));
  }

  async getCursor(source: string): Promise<IngestCursor> {
    const row = await this.db<DbIngestCursorRow>(INGEST_CURSORS_TABLE)
      .where('source', source)
      .first();
    if (!row) {
      return { passOffset: 0 };
    }
    return {
      watermark: row.watermark ?? undefined,
      passTop: row.pass_top ?? undefined,
      passOffset: Number(row.pass_offset),
      readAt: optionalDate(row.read_at),
      failedAt: optionalDate(row.failed_at),
      error: row.error ?? undefined,
    };
  }

  async saveCursor(source: string, cursor: IngestCursor) {
    await this.db<DbIngestCursorRow>(INGEST_CURSORS_TABLE)
      .insert({
        source,
        watermark: cursor.watermark ?? null,
        pass_top: cursor.passTop ?? null,
        pass_offset: cursor.passOffset,
        read_at: cursor.readAt ?? null,
        failed_at: cursor.failedAt ?? null,
        error: cursor.error ?? null,
      })
      .onConflict('source')
      .merge();
  }

  async versionsOf(templateRefs: string[]) {
    const rows: DbTemplateVersionRow[] = [];
    for (let i = 0; i < templateRefs.length; i += BATCH_SIZE) {
      rows.push(
        ...(await this.db<DbTemplateVersionRow>(
          TEMPLATE_VERSIONS_TABLE,
        ).whereIn('template_ref', templateRefs.slice(i, i + BATCH_SIZE))),
      );
    }
    return rows.map(row => ({
      templateRef: row.template_ref,
      version: row.version,
      firstSeenAt: toDate(row.first_seen_at),
    }));
  }

  async recordVersions(
    versions: Array<{ templateRef: string; version: string; seenAt: Date }>,
  ) {
    for (let i = 0; i < versions.length; i += BATCH_SIZE) {
      await this.db<DbTemplateVersionRow>(TEMPLATE_VERSIONS_TABLE)
        .insert(
          versions.slice(i, i + BATCH_SIZE).map(v => ({
            template_ref: v.templateRef,
            version: v.version,
            first_seen_at: v.seenAt,
          })),
        )
        .onConflict(['template_ref', 'version'])
        .ignore();
    }
  }
}
