import { Knex } from 'knex';
import {
  EntityResultRecord,
  ResultsStore,
  SeriesPoint,
  SnapshotRecord,
} from './ResultsStore';
import {
  DbEntityResultRow,
  DbSnapshotRow,
  RESULTS_TABLE,
  SNAPSHOTS_TABLE,
} from './tables';
import { toDate } from './toDate';

// Entity refs per IN (...) lookup, far below every engine's parameter limit.
const LOOKUP_BATCH_SIZE = 500;

/** Run id of rows first written by an on-demand refresh. */
const REFRESH_RUN_ID = 'refresh';

// Keeps each INSERT well under SQLite's 999 bound parameters (16 per row)
// while still writing a catalog page in a few statements.
const BATCH_SIZE = 50;

function toRow(runId: string, record: EntityResultRecord): DbEntityResultRow {
  return {
    entity_ref: record.entityRef,
    owner_ref: record.ownerRef,
    eligible: record.eligible,
    path_id: record.pathId,
    template_ref: record.provenance?.templateRef ?? null,
    template_version: record.provenance?.templateVersion ?? null,
    golden_path_tag: record.provenance?.goldenPathId ?? null,
    provenance_source: record.provenance?.source ?? null,
    score: record.score,
    coverage: record.coverage,
    level: record.level,
    drift: record.drift ? JSON.stringify(record.drift) : null,
    checks: JSON.stringify(record.checks),
    unavailable_sources: JSON.stringify(record.unavailableSources),
    run_id: runId,
    evaluated_at: record.evaluatedAt,
  };
}

function fromRow(row: DbEntityResultRow): EntityResultRecord {
  return {
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    eligible: Boolean(row.eligible),
    pathId: row.path_id,
    provenance:
      row.template_ref === null
        ? null
        : {
            templateRef: row.template_ref,
            source: row.provenance_source ?? 'unknown',
            ...(row.template_version
              ? { templateVersion: row.template_version }
              : {}),
            ...(row.golden_path_tag
              ? { goldenPathId: row.golden_path_tag }
              : {}),
          },
    drift: row.drift ? JSON.parse(row.drift) : null,
    score: row.score === null ? null : Number(row.score),
    coverage: row.coverage === null ? null : Number(row.coverage),
    level: row.level,
    checks: JSON.parse(row.checks),
    unavailableSources: JSON.parse(row.unavailable_sources),
    evaluatedAt: toDate(row.evaluated_at),
  };
}

function snapshotFromRow(row: DbSnapshotRow): SnapshotRecord {
  return {
    day: row.day,
    pathId: row.path_id,
    ownerRef: row.owner_ref,
    eligible: Number(row.eligible),
    onPath: Number(row.on_path),
    scored: Number(row.scored),
    scoreSum: Number(row.score_sum),
    levels: JSON.parse(row.levels),
    computedAt: toDate(row.computed_at),
  };
}

/** {@link ResultsStore} on the plugin's Knex database. */
export class DatabaseResultsStore implements ResultsStore {
  constructor(private readonly db: Knex) {}

  async writeBatch(
    runId: string,
    records: EntityResultRecord[],
  ): Promise<void> {
    if (records.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (let i = 0; i < records.length; i += BATCH_SIZE) {
        await tx<DbEntityResultRow>(RESULTS_TABLE)
          .insert(
            records
              .slice(i, i + BATCH_SIZE)
              .map(record => toRow(runId, record)),
          )
          .onConflict('entity_ref')
          .merge();
      }
    });
  }

  async writeRefreshed(record: EntityResultRecord): Promise<void> {
    const row = toRow(REFRESH_RUN_ID, record);
    const { entity_ref: _key, run_id: _run, ...updated } = row;
    // Keeps the run id of an existing row, so that a scoring run in progress
    // does not take a refreshed entity for one that left the catalog.
    await this.db<DbEntityResultRow>(RESULTS_TABLE)
      .insert(row)
      .onConflict('entity_ref')
      .merge(Object.keys(updated) as Array<keyof DbEntityResultRow>);
  }

  async removeRecordsNotFromRun(runId: string): Promise<number> {
    return this.db<DbEntityResultRow>(RESULTS_TABLE)
      .whereNot('run_id', runId)
      .delete();
  }

  async get(entityRef: string): Promise<EntityResultRecord | undefined> {
    const row = await this.db<DbEntityResultRow>(RESULTS_TABLE)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first();
    return row ? fromRow(row) : undefined;
  }

  async levelsOf(entityRefs: string[]): Promise<Map<string, string | null>> {
    const levels = new Map<string, string | null>();
    for (let i = 0; i < entityRefs.length; i += LOOKUP_BATCH_SIZE) {
      const rows = await this.db<DbEntityResultRow>(RESULTS_TABLE)
        .whereIn('entity_ref', entityRefs.slice(i, i + LOOKUP_BATCH_SIZE))
        .select('entity_ref', 'level');
      for (const row of rows) {
        levels.set(row.entity_ref, row.level);
      }
    }
    return levels;
  }

  async replaceDaySnapshots(
    day: string,
    records: SnapshotRecord[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      // A later run of the same day replaces the earlier one whole, so that
      // a path or owner that disappeared leaves no stale row behind.
      await tx<DbSnapshotRow>(SNAPSHOTS_TABLE).where('day', day).delete();
      for (let i = 0; i < records.length; i += BATCH_SIZE) {
        await tx<DbSnapshotRow>(SNAPSHOTS_TABLE).insert(
          records.slice(i, i + BATCH_SIZE).map(record => ({
            day,
            path_id: record.pathId,
            owner_ref: record.ownerRef,
            eligible: record.eligible,
            on_path: record.onPath,
            scored: record.scored,
            score_sum: record.scoreSum,
            levels: JSON.stringify(record.levels),
            computed_at: record.computedAt,
          })),
        );
      }
    });
  }

  async latestSnapshots(): Promise<SnapshotRecord[]> {
    const latest = await this.db<DbSnapshotRow>(SNAPSHOTS_TABLE)
      .max({ day: 'day' })
      .first();
    if (!latest?.day) {
      return [];
    }
    const rows = await this.db<DbSnapshotRow>(SNAPSHOTS_TABLE).where(
      'day',
      latest.day,
    );
    return rows.map(snapshotFromRow);
  }

  async snapshotSeries(query: {
    pathId: string;
    ownerRefs?: string[];
    from: string;
    to: string;
  }): Promise<SeriesPoint[]> {
    const rows = await this.db<DbSnapshotRow>(SNAPSHOTS_TABLE)
      .where('path_id', query.pathId)
      .whereBetween('day', [query.from, query.to])
      .modify(q => {
        if (query.ownerRefs) {
          q.whereIn('owner_ref', query.ownerRefs);
        }
      })
      .groupBy('day')
      .orderBy('day')
      .select('day')
      .sum({
        eligible: 'eligible',
        on_path: 'on_path',
        scored: 'scored',
        score_sum: 'score_sum',
      });
    return rows.map((row: any) => ({
      day: row.day,
      eligible: Number(row.eligible),
      onPath: Number(row.on_path),
      scored: Number(row.scored),
      scoreSum: Number(row.score_sum),
    }));
  }

  async latestSnapshotsOf(ownerRefs: string[]): Promise<SnapshotRecord[]> {
    const all = await this.latestSnapshots();
    const owners = new Set(ownerRefs);
    return all.filter(row => owners.has(row.ownerRef));
  }

  async listByOwners(
    ownerRefs: string[],
    limit: number,
  ): Promise<EntityResultRecord[]> {
    const rows = await this.db<DbEntityResultRow>(RESULTS_TABLE)
      .whereIn('owner_ref', ownerRefs)
      .orderBy('entity_ref')
      .limit(limit);
    return rows.map(fromRow);
  }

  async removeSnapshotsBefore(day: string): Promise<number> {
    return this.db<DbSnapshotRow>(SNAPSHOTS_TABLE)
      .where('day', '<', day)
      .delete();
  }
}
