import {
  durationBucket,
  weekStart,
} from '@golden-path/plugin-golden-path-common';
import { Knex } from 'knex';
import {
  DeployedServicesCount,
  DeploymentCountsRow,
  DeploymentOutcome,
  DeploymentQuery,
  DeploymentRecord,
  DeploymentStore,
} from './DeploymentStore';
import {
  bucketsOf,
  HISTOGRAM_COLUMNS,
  histogramCounts,
  sumHistograms,
} from './operations/histogramColumns';
import { lockRow } from './operations/lockRow';
import {
  clearMarks,
  markWeeks,
  pendingMarks,
  rebuildMarkedWeeks,
  rebuildWeeksNow,
  RollupMark,
} from './operations/rollupMarks';
import { insertSelect } from './operations/insertSelect';
import {
  insertTotals,
  rollupPathId,
  rollupSliceColumns,
  sliceRows,
} from './operations/rollupTotals';
import {
  DbDeploymentRow,
  DEPLOYED_SERVICES_TABLE,
  DEPLOYMENT_WEEKLY_TABLE,
  DEPLOYMENTS_TABLE,
  LEAD_TIMES_TABLE,
  LOCKS_TABLE,
} from './tables';
import { toDate } from './toDate';

/** The rollup name of deployment weeks in the marks table. */
const ROLLUP = 'deployments';
// Ids per IN (...) lookup, and rows per INSERT (17 columns): below every
// engine's bound-parameter limit.
const LOOKUP_BATCH_SIZE = 500;
const INSERT_BATCH_SIZE = 500;
// Weeks rebuilt per transaction.
const REBUILD_WEEKS = 8;

function toRow(d: DeploymentRecord, ingestedAt: Date): DbDeploymentRow {
  return {
    source: d.source,
    external_id: d.externalId,
    service: d.service,
    entity_ref: d.entityRef ?? null,
    environment: d.environment,
    production: d.production,
    outcome: d.outcome,
    deployed_at: d.deployedAt,
    updated_at: d.updatedAt,
    lead_time_ms: d.leadTimeMs ?? null,
    version: d.version ?? null,
    url: d.url ?? null,
    team: d.team,
    path_id: d.pathId ?? null,
    ingested_at: ingestedAt,
    week: weekStart(d.deployedAt),
    lead_time_bucket:
      d.production && d.outcome === 'success' && d.leadTimeMs !== undefined
        ? durationBucket(d.leadTimeMs)
        : null,
  };
}

function fromRow(row: DbDeploymentRow): DeploymentRecord {
  return {
    source: row.source,
    externalId: row.external_id,
    service: row.service,
    ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
    environment: row.environment,
    production: Boolean(row.production),
    outcome: row.outcome as DeploymentOutcome,
    deployedAt: toDate(row.deployed_at),
    updatedAt: toDate(row.updated_at),
    ...(row.lead_time_ms !== null
      ? { leadTimeMs: Number(row.lead_time_ms) }
      : {}),
    ...(row.version ? { version: row.version } : {}),
    ...(row.url ? { url: row.url } : {}),
    team: row.team,
    ...(row.path_id ? { pathId: row.path_id } : {}),
  };
}

const same = (a: DeploymentRecord, b: DeploymentRecord) =>
  JSON.stringify(toRow(a, new Date(0))) ===
  JSON.stringify(toRow(b, new Date(0)));

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a < b ? a : b;
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

/** {@link DeploymentStore} on the plugin's Knex database. */
export class DatabaseDeploymentStore implements DeploymentStore {
  constructor(private readonly db: Knex) {}

  async upsertDeployments(source: string, deployments: DeploymentRecord[]) {
    const counts = { inserted: 0, updated: 0, unchanged: 0, stale: 0 };
    if (deployments.length === 0) {
      return { ...counts, weeks: [] };
    }
    const now = new Date();
    return this.db.transaction(async tx => {
      // One writer at a time across replicas, so that rollup deltas and
      // each service's first and last deployment are computed from what
      // is stored.
      await lockRow(tx, LOCKS_TABLE, { name: 'deployments' });
      const stored = new Map<string, DeploymentRecord>();
      const ids = deployments.map(d => d.externalId);
      for (let i = 0; i < ids.length; i += LOOKUP_BATCH_SIZE) {
        const rows = await tx<DbDeploymentRow>(DEPLOYMENTS_TABLE)
          .where('source', source)
          .whereIn('external_id', ids.slice(i, i + LOOKUP_BATCH_SIZE));
        rows.forEach(row => stored.set(row.external_id, fromRow(row)));
      }
      const weeks = new Set<string>();
      const rows: DbDeploymentRow[] = [];
      const written: DeploymentRecord[] = [];
      for (const deployment of deployments) {
        const before = stored.get(deployment.externalId);
        if (before && deployment.updatedAt < before.updatedAt) {
          counts.stale += 1;
          continue;
        }
        if (before && same(before, deployment)) {
          counts.unchanged += 1;
          continue;
        }
        if (before) {
          weeks.add(weekStart(before.deployedAt));
          counts.updated += 1;
        } else {
          counts.inserted += 1;
        }
        weeks.add(weekStart(deployment.deployedAt));
        rows.push(toRow(deployment, now));
        written.push(deployment);
      }
      for (let i = 0; i < rows.length; i += INSERT_BATCH_SIZE) {
        await tx<DbDeploymentRow>(DEPLOYMENTS_TABLE)
          .insert(rows.slice(i, i + INSERT_BATCH_SIZE))
          .onConflict(['source', 'external_id'])
          .merge();
      }
      await markWeeks(tx, ROLLUP, weeks, now);
      await this.recordServices(tx, written);
      return { ...counts, weeks: [...weeks].sort() };
    });
  }

  private async recordServices(
    tx: Knex.Transaction,
    deployments: DeploymentRecord[],
  ) {
    const services = [...new Set(deployments.map(d => d.service))];
    const merged = new Map<string, Record<string, any>>();
    for (let i = 0; i < services.length; i += LOOKUP_BATCH_SIZE) {
      const rows = await tx(DEPLOYED_SERVICES_TABLE).whereIn(
        'service',
        services.slice(i, i + LOOKUP_BATCH_SIZE),
      );
      rows.forEach(row =>
        merged.set(row.service, {
          ...row,
          first_production_at: row.first_production_at
            ? toDate(row.first_production_at)
            : null,
          first_attempt_at: row.first_attempt_at
            ? toDate(row.first_attempt_at)
            : null,
          last_attempt_at: row.last_attempt_at
            ? toDate(row.last_attempt_at)
            : null,
          last_deployed_at: toDate(row.last_deployed_at),
        }),
      );
    }
    for (const d of deployments) {
      const row = merged.get(d.service);
      const succeeded =
        d.production && d.outcome === 'success' ? d.deployedAt : null;
      const attempted = d.production ? d.deployedAt : null;
      merged.set(d.service, {
        service: d.service,
        entity_ref: d.entityRef ?? row?.entity_ref ?? null,
        team: d.team,
        path_id: d.pathId ?? row?.path_id ?? null,
        first_production_at: earliest(
          row?.first_production_at ?? null,
          succeeded,
        ),
        first_attempt_at: earliest(row?.first_attempt_at ?? null, attempted),
        last_attempt_at: latest(row?.last_attempt_at ?? null, attempted),
        last_deployed_at: latest(row?.last_deployed_at ?? null, d.deployedAt),
      });
    }
    const rows = [...merged.values()];
    for (let i = 0; i < rows.length; i += INSERT_BATCH_SIZE) {
      await tx(DEPLOYED_SERVICES_TABLE)
        .insert(rows.slice(i, i + INSERT_BATCH_SIZE))
        .onConflict('service')
        .merge();
    }
  }

  async rebuildWeeks(weeks: string[]): Promise<void> {
    await rebuildWeeksNow(this.db, ROLLUP, weeks, REBUILD_WEEKS, (w, m) =>
      this.rebuild(w, m),
    );
  }

  pendingMarks() {
    return pendingMarks(this.db, ROLLUP);
  }

  async rebuildMarked(limit: number): Promise<number> {
    return rebuildMarkedWeeks(this.db, ROLLUP, limit, REBUILD_WEEKS, (w, m) =>
      this.rebuild(w, m),
    );
  }

  /**
   * Replaces the rollup rows of some weeks with a recount of deployments,
   * counted by the database.
   */
  private async rebuild(weeks: string[], marks: RollupMark[]) {
    await this.db.transaction(async tx => {
      await lockRow(tx, LOCKS_TABLE, { name: 'deployment-rollups' });
      const pathId = rollupPathId(tx);
      const production = tx.raw('case when production then 1 else 0 end');
      const slice = rollupSliceColumns(tx, 'week');
      await tx(DEPLOYMENT_WEEKLY_TABLE).whereIn('week', weeks).delete();
      await tx(LEAD_TIMES_TABLE).whereIn('week', weeks).delete();
      const counters = ['deployments', 'failures'];
      await insertSelect(
        tx,
        DEPLOYMENT_WEEKLY_TABLE,
        ['week', 'team', 'path_id', 'production', ...counters],
        tx(DEPLOYMENTS_TABLE)
          .whereIn('week', weeks)
          .groupBy('week', 'team', pathId, production)
          .select(
            ...slice,
            tx.raw('? as production', [production]),
            tx.raw('count(*) as deployments'),
            tx.raw(
              "sum(case when outcome = 'success' then 0 else 1 end) as failures",
            ),
          ),
      );
      await insertTotals(
        tx,
        DEPLOYMENT_WEEKLY_TABLE,
        weeks,
        ['week', 'production'],
        counters,
      );
      await insertSelect(
        tx,
        LEAD_TIMES_TABLE,
        ['week', 'team', 'path_id', ...HISTOGRAM_COLUMNS],
        tx(DEPLOYMENTS_TABLE)
          .whereIn('week', weeks)
          .whereNotNull('lead_time_bucket')
          .groupBy('week', 'team', pathId)
          .select(...slice, ...histogramCounts(tx, 'lead_time_bucket')),
      );
      await insertTotals(
        tx,
        LEAD_TIMES_TABLE,
        weeks,
        ['week'],
        HISTOGRAM_COLUMNS,
      );
      await clearMarks(tx, ROLLUP, marks);
    });
  }

  /** The rows a figure sums, totals where they serve. */
  private slice(
    table: string,
    query: DeploymentQuery,
    by: 'week' | 'team' | 'all',
  ) {
    return sliceRows(
      this.db(table)
        .where('week', '>=', query.fromWeek)
        .where('week', '<', query.toWeek),
      query,
      by,
    );
  }

  async counts(
    query: DeploymentQuery,
    by: 'week' | 'team' | 'all',
  ): Promise<DeploymentCountsRow[]> {
    const column = by === 'all' ? undefined : by;
    const rows: Array<Record<string, any>> = await this.slice(
      DEPLOYMENT_WEEKLY_TABLE,
      query,
      by,
    )
      .modify(q => {
        if (column) q.groupBy(column).select(column);
      })
      .count({ rows: '*' })
      .sum({
        production: this.db.raw(
          'CASE WHEN production = 1 THEN deployments ELSE 0 END',
        ),
        production_failures: this.db.raw(
          'CASE WHEN production = 1 THEN failures ELSE 0 END',
        ),
        other: this.db.raw(
          'CASE WHEN production = 0 THEN deployments ELSE 0 END',
        ),
      });
    return rows
      .filter(row => Number(row.rows) > 0)
      .map(row => ({
        slice: column ? row[column] : '',
        production: Number(row.production),
        productionFailures: Number(row.production_failures),
        other: Number(row.other),
      }));
  }

  async leadTimes(query: DeploymentQuery, by: 'week' | 'all') {
    const rows: Array<Record<string, any>> = await sumHistograms(
      this.slice(LEAD_TIMES_TABLE, query, by).modify(q => {
        if (by === 'week') q.groupBy('week').select('week');
      }),
    );
    return rows.flatMap(row =>
      bucketsOf(row).map(({ bucket, count }) => ({
        slice: by === 'week' ? (row.week as string) : '',
        bucket,
        count,
      })),
    );
  }

  private services(filter: { teams?: string[]; pathId?: string }) {
    return this.db(DEPLOYED_SERVICES_TABLE).modify(q => {
      if (filter.teams) q.whereIn('team', filter.teams);
      if (filter.pathId !== undefined) q.where('path_id', filter.pathId);
    });
  }

  async deployedServices(
    from: Date,
    to: Date,
    filter: { teams?: string[]; pathId?: string },
  ): Promise<DeployedServicesCount> {
    const row: Record<string, any> | undefined = await this.services(filter)
      .where('first_attempt_at', '<', to)
      .where('last_attempt_at', '>=', from)
      .count({ services: '*' })
      .count({ in_catalog: 'entity_ref' })
      .first();
    return {
      services: Number(row?.services ?? 0),
      inCatalog: Number(row?.in_catalog ?? 0),
    };
  }

  async firstProductionDeployments(
    from: Date,
    to: Date,
    filter: { teams?: string[]; pathId?: string },
  ) {
    const rows: Array<Record<string, any>> = await this.services(filter)
      .whereNotNull('entity_ref')
      .where('first_production_at', '>=', from)
      .where('first_production_at', '<', to)
      .select('entity_ref', 'first_production_at');
    return rows.map(row => ({
      entityRef: row.entity_ref as string,
      firstProductionAt: toDate(row.first_production_at),
    }));
  }

  async deployedEntities(entityRefs: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < entityRefs.length; i += LOOKUP_BATCH_SIZE) {
      const refs = await this.db(DEPLOYED_SERVICES_TABLE)
        .whereIn('entity_ref', entityRefs.slice(i, i + LOOKUP_BATCH_SIZE))
        .whereNotNull('first_production_at')
        .pluck('entity_ref');
      refs.forEach(ref => found.add(ref));
    }
    return found;
  }

  async removeBefore(deployedBefore: Date): Promise<number> {
    const week = deployedBefore.toISOString().slice(0, 10);
    return this.db.transaction(async tx => {
      await lockRow(tx, LOCKS_TABLE, { name: 'deployments' });
      const removed = await tx(DEPLOYMENTS_TABLE)
        .where('deployed_at', '<', deployedBefore)
        .delete();
      for (const table of [DEPLOYMENT_WEEKLY_TABLE, LEAD_TIMES_TABLE]) {
        await tx(table).where('week', '<', week).delete();
      }
      await tx(DEPLOYED_SERVICES_TABLE)
        .where('last_deployed_at', '<', deployedBefore)
        .delete();
      return removed;
    });
  }
}
