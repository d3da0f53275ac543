import { Knex } from 'knex';
import {
  EntityHistoryPoint,
  EntityResultRecord,
  ResultsStore,
  SeriesPoint,
  SnapshotRecord,
} from './ResultsStore';
import {
  DbEntityHistoryRow,
  DbEntityResultRow,
  DbSnapshotRow,
  HISTORY_TABLE,
  RESULTS_TABLE,
  SNAPSHOTS_TABLE,
} from './tables';
import { toDate } from './toDate';

// Entity refs per IN (...) lookup, far below every engine's parameter limit.
const LOOKUP_BATCH_SIZE = 500;

/** Run id of rows first written by an on-demand refresh. */
const REFRESH_RUN_ID = 'refresh';

// Keeps each INSERT well under SQLite's 999 bound parameters (17 per row)
// while still writing a catalog page in a few statements.
const BATCH_SIZE = 50;

function toRow(runId: string, record: EntityResultRecord): DbEntityResultRow {
  return {
    entity_ref: record.entityRef,
    owner_ref: record.ownerRef,
    eligible: record.eligible,
    eligible_for: JSON.stringify(record.eligibleFor),
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
    eligibleFor: row.eligible_for ? JSON.parse(row.eligible_for) : [],
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

type Tracked = Pick<
  DbEntityResultRow,
  'path_id' | 'score' | 'coverage' | 'level'
>;

// Scores are floats: a difference below this is a rounding artefact, not a
// change worth a history point.
const SCORE_EPSILON = 1e-9;

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) {
    return a === b;
  }
  return Math.abs(Number(a) - Number(b)) < SCORE_EPSILON;
}

function changed(before: Tracked | undefined, after: Tracked): boolean {
  return (
    !before ||
    before.path_id !== after.path_id ||
    before.level !== after.level ||
    !sameNumber(before.score, after.score) ||
    !sameNumber(before.coverage, after.coverage)
  );
}

function historyRow(row: DbEntityResultRow): DbEntityHistoryRow {
  return {
    entity_ref: row.entity_ref,
    day: new Date(row.evaluated_at).toISOString().slice(0, 10),
    path_id: row.path_id,
    score: row.score,
    coverage: row.coverage,
    level: row.level,
    evaluated_at: row.evaluated_at,
  };
}

function historyFromRow(row: DbEntityHistoryRow): EntityHistoryPoint {
  return {
    day: row.day,
    pathId: row.path_id,
    score: row.score === null ? null : Number(row.score),
    coverage: row.coverage === null ? null : Number(row.coverage),
    level: row.level,
    evaluatedAt: toDate(row.evaluated_at),
  };
}

/**
 * Adds a history point for each row whose tracked values differ from the
 * stored results; must run before the rows replace those results. Returns
 * the level each entity had stored (absent: none stored).
 */
async function recordChanges(
  tx: Knex.Transaction,
  rows: DbEntityResultRow[],
): Promise<Map<string, string | null>> {
  const before = new Map<string, Tracked>();
  for (let i = 0; i < rows.length; i += LOOKUP_BATCH_SIZE) {
    const stored = await tx<DbEntityResultRow>(RESULTS_TABLE)
      .whereIn(
        'entity_ref',
        rows.slice(i, i + LOOKUP_BATCH_SIZE).map(row => row.entity_ref),
      )
      .select('entity_ref', 'path_id', 'score', 'coverage', 'level');
    for (const row of stored) {
      before.set(row.entity_ref, row);
    }
  }
  const points = rows
    .filter(row => changed(before.get(row.entity_ref), row))
    .map(historyRow);
  for (let i = 0; i < points.length; i += BATCH_SIZE) {
    await tx<DbEntityHistoryRow>(HISTORY_TABLE)
      .insert(points.slice(i, i + BATCH_SIZE))
      .onConflict(['entity_ref', 'day'])
      .merge();
  }
  return new Map(
    [...before.entries()].map(([entityRef, row]) => [entityRef, row.level]),
  );
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
  ): Promise<Map<string, string | null>> {
    if (records.length === 0) {
      return new Map();
    }
    const rows = records.map(record => toRow(runId, record));
    return this.db.transaction(async tx => {
      const previousLevels = await recordChanges(tx, rows);
      for (let i = 0; i < rows.length; i += BATCH_SIZE) {
        await tx<DbEntityResultRow>(RESULTS_TABLE)
          .insert(rows.slice(i, i + BATCH_SIZE))
          .onConflict('entity_ref')
          .merge();
      }
      return previousLevels;
    });
  }

  async writeRefreshed(record: EntityResultRecord): Promise<void> {
    const row = toRow(REFRESH_RUN_ID, record);
    const { entity_ref: _key, run_id: _run, ...updated } = row;
    await this.db.transaction(async tx => {
      await recordChanges(tx, [row]);
      // Keeps the run id of an existing row, so that a scoring run in
      // progress does not take a refreshed entity for one that left the
      // catalog.
      await tx<DbEntityResultRow>(RESULTS_TABLE)
        .insert(row)
        .onConflict('entity_ref')
        .merge(Object.keys(updated) as Array<keyof DbEntityResultRow>);
    });
  }

  async removeRecordsNotFromRun(runId: string): Promise<number> {
    return this.db.transaction(async tx => {
      const removed = await tx<DbEntityResultRow>(RESULTS_TABLE)
        .whereNot('run_id', runId)
        .delete();
      if (removed > 0) {
        await tx<DbEntityHistoryRow>(HISTORY_TABLE)
          .whereNotIn(
            'entity_ref',
            tx<DbEntityResultRow>(RESULTS_TABLE).select('entity_ref'),
          )
          .delete();
      }
      return removed;
    });
  }

  async get(entityRef: string): Promise<EntityResultRecord | undefined> {
    const row = await this.db<DbEntityResultRow>(RESULTS_TABLE)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first();
    return row ? fromRow(row) : undefined;
  }

  async pathsOf(entityRefs: string[]): Promise<Map<string, string>> {
    const paths = new Map<string, string>();
    for (let i = 0; i < entityRefs.length; i += LOOKUP_BATCH_SIZE) {
      const rows = await this.db<DbEntityResultRow>(RESULTS_TABLE)
        .whereIn('entity_ref', entityRefs.slice(i, i + LOOKUP_BATCH_SIZE))
        .whereNotNull('path_id')
        .select('entity_ref', 'path_id');
      rows.forEach(row => paths.set(row.entity_ref, row.path_id!));
    }
    return paths;
  }

  async existing(entityRefs: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < entityRefs.length; i += LOOKUP_BATCH_SIZE) {
      const refs = await this.db<DbEntityResultRow>(RESULTS_TABLE)
        .whereIn('entity_ref', entityRefs.slice(i, i + LOOKUP_BATCH_SIZE))
        .pluck('entity_ref');
      refs.forEach(ref => found.add(ref));
    }
    return found;
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

  async listByTemplate(
    templateRef: string,
    limit: number,
  ): Promise<EntityResultRecord[]> {
    const rows = await this.db<DbEntityResultRow>(RESULTS_TABLE)
      .where('template_ref', templateRef)
      .orderBy('entity_ref')
      .limit(limit);
    return rows.map(fromRow);
  }

  async removeSnapshotsBefore(day: string): Promise<number> {
    return this.db<DbSnapshotRow>(SNAPSHOTS_TABLE)
      .where('day', '<', day)
      .delete();
  }

  async entityHistory(query: {
    entityRef: string;
    from: string;
    to: string;
  }): Promise<EntityHistoryPoint[]> {
    const entityRef = query.entityRef.toLocaleLowerCase('en-US');
    const [inForce, rows] = await Promise.all([
      this.db<DbEntityHistoryRow>(HISTORY_TABLE)
        .where('entity_ref', entityRef)
        .where('day', '<', query.from)
        .orderBy('day', 'desc')
        .first(),
      this.db<DbEntityHistoryRow>(HISTORY_TABLE)
        .where('entity_ref', entityRef)
        .whereBetween('day', [query.from, query.to])
        .orderBy('day'),
    ]);
    return (inForce ? [inForce, ...rows] : rows).map(historyFromRow);
  }

  async removeEntityHistoryBefore(day: string): Promise<number> {
    // The derived table lets MySQL delete from the table it reads.
    const latest = this.db
      .select('entity_ref', 'day')
      .from(
        this.db<DbEntityHistoryRow>(HISTORY_TABLE)
          .select('entity_ref')
          .max({ day: 'day' })
          .groupBy('entity_ref')
          .as('latest'),
      );
    return this.db<DbEntityHistoryRow>(HISTORY_TABLE)
      .where('day', '<', day)
      .whereNotIn(['entity_ref', 'day'], latest)
      .delete();
  }
}
