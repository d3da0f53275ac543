import {
  TicketStatus,
  TicketType,
} from '@golden-path/plugin-golden-path-common';
import { Knex } from 'knex';
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
  rollupColumns,
  TYPE_COLUMNS,
  weeksOfTicket,
} from './operations/ticketRollups';
import {
  DbTicketRow,
  LOCKS_TABLE,
  TICKET_DURATIONS_TABLE,
  TICKET_FACETS_BY_PATH_TABLE,
  TICKET_FACETS_TABLE,
  TICKET_WEEKLY_TABLE,
  TICKETS_TABLE,
} from './tables';
import {
  DurationBucketRow,
  DurationMeasure,
  TicketCountsRow,
  TicketMerge,
  TicketRecord,
  TicketRollupQuery,
  TicketStore,
  TicketUpsertCounts,
} from './TicketStore';
import { toDate } from './toDate';

/** The rollup name of ticket weeks in the marks table. */
const ROLLUP = 'tickets';
// Ids per IN (...) lookup, and rows per INSERT: 25 columns × 250 rows stays
// below every engine's bound-parameter limit (SQLite's 32,766 the lowest)
// while a batch of 500 takes two statements.
const LOOKUP_BATCH_SIZE = 500;
const INSERT_BATCH_SIZE = 250;
// Weeks rebuilt per transaction: each reads about a week of tickets.
const REBUILD_WEEKS = 8;

const TYPE_ENTRIES = Object.entries(TYPE_COLUMNS);
const WEEKLY_COUNTERS = [
  'opened',
  'resolved',
  'reopened_resolved',
  ...Object.values(TYPE_COLUMNS),
];

// The rollup column each slice of the figures sums by.
const SLICE_COLUMNS = {
  week: 'week',
  team: 'team',
  path: 'path_id',
  all: undefined,
} as const;

const optionalDate = (value: Date | string | number | null) =>
  value === null ? undefined : toDate(value);

function toRow(ticket: TicketRecord, ingestedAt: Date): DbTicketRow {
  return {
    source: ticket.source,
    external_id: ticket.externalId,
    title: ticket.title ?? null,
    url: ticket.url ?? null,
    type: ticket.type,
    category: ticket.category ?? null,
    labels: JSON.stringify(ticket.labels),
    components: JSON.stringify(ticket.components),
    status: ticket.status,
    requester: ticket.requester ?? null,
    user_ref: ticket.userRef ?? null,
    team: ticket.team,
    entity_ref: ticket.entityRef ?? null,
    path_id: ticket.pathId ?? null,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    first_response_at: ticket.firstResponseAt ?? null,
    resolved_at: ticket.resolvedAt ?? null,
    reopen_count: ticket.reopenCount,
    ingested_at: ingestedAt,
    ...rollupColumns(ticket),
  };
}

function fromRow(row: DbTicketRow): TicketRecord {
  const optional = <K extends string, V>(key: K, value: V | null) =>
    (value === null ? {} : { [key]: value }) as { [k in K]?: V };
  return {
    source: row.source,
    externalId: row.external_id,
    ...optional('title', row.title),
    ...optional('url', row.url),
    type: row.type as TicketType,
    ...optional('category', row.category),
    labels: JSON.parse(row.labels),
    components: JSON.parse(row.components),
    status: row.status as TicketStatus,
    ...optional('requester', row.requester),
    ...optional('userRef', row.user_ref),
    team: row.team,
    ...optional('entityRef', row.entity_ref),
    ...optional('pathId', row.path_id),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    ...optional('firstResponseAt', optionalDate(row.first_response_at) ?? null),
    ...optional('resolvedAt', optionalDate(row.resolved_at) ?? null),
    reopenCount: Number(row.reopen_count),
  };
}

/** Whether two records would store the same row. */
function sameTicket(a: TicketRecord, b: TicketRecord): boolean {
  const epoch = new Date(0);
  return JSON.stringify(toRow(a, epoch)) === JSON.stringify(toRow(b, epoch));
}

/** {@link TicketStore} on the plugin's Knex database. */
export class DatabaseTicketStore implements TicketStore {
  constructor(private readonly db: Knex) {}

  private async read(
    db: Knex | Knex.Transaction,
    source: string,
    externalIds: string[],
  ): Promise<Map<string, TicketRecord>> {
    const found = new Map<string, TicketRecord>();
    for (let i = 0; i < externalIds.length; i += LOOKUP_BATCH_SIZE) {
      const rows = await db<DbTicketRow>(TICKETS_TABLE)
        .where('source', source)
        .whereIn('external_id', externalIds.slice(i, i + LOOKUP_BATCH_SIZE));
      rows.forEach(row => found.set(row.external_id, fromRow(row)));
    }
    return found;
  }

  async getTickets(source: string, externalIds: string[]) {
    const found = await this.read(this.db, source, externalIds);
    return externalIds.flatMap(id => found.get(id) ?? []);
  }

  async upsertTickets(
    source: string,
    tickets: TicketRecord[],
    merge: TicketMerge = incoming => incoming,
  ): Promise<TicketUpsertCounts> {
    const counts = { inserted: 0, updated: 0, unchanged: 0, stale: 0 };
    if (tickets.length === 0) {
      return { ...counts, weeks: [] };
    }
    const now = new Date();
    return this.db.transaction(async tx => {
      // One writer at a time across replicas: each merge reads the row it
      // replaces.
      await lockRow(tx, LOCKS_TABLE, { name: 'tickets' });
      const stored = await this.read(
        tx,
        source,
        tickets.map(t => t.externalId),
      );
      const weeks = new Set<string>();
      const rows: DbTicketRow[] = [];
      for (const incoming of tickets) {
        const before = stored.get(incoming.externalId);
        if (before && incoming.updatedAt < before.updatedAt) {
          counts.stale += 1;
          continue;
        }
        const ticket = merge(incoming, before);
        if (before) {
          if (sameTicket(before, ticket)) {
            counts.unchanged += 1;
            continue;
          }
          weeksOfTicket(before).forEach(week => weeks.add(week));
          counts.updated += 1;
        } else {
          counts.inserted += 1;
        }
        weeksOfTicket(ticket).forEach(week => weeks.add(week));
        rows.push(toRow(ticket, now));
      }
      for (let i = 0; i < rows.length; i += INSERT_BATCH_SIZE) {
        await tx<DbTicketRow>(TICKETS_TABLE)
          .insert(rows.slice(i, i + INSERT_BATCH_SIZE))
          .onConflict(['source', 'external_id'])
          .merge();
      }
      await markWeeks(tx, ROLLUP, weeks, now);
      return { ...counts, weeks: [...weeks].sort() };
    });
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
   * Replaces the rollup rows of some weeks with a recount of the tickets,
   * counted by the database: only the labels, a list per ticket, are
   * counted here.
   */
  private async rebuild(weeks: string[], marks: RollupMark[]) {
    await this.db.transaction(async tx => {
      await lockRow(tx, LOCKS_TABLE, { name: 'ticket-rollups' });
      const tickets = () => tx<DbTicketRow>(TICKETS_TABLE);
      const pathId = rollupPathId(tx);
      const slice = (week: string) => rollupSliceColumns(tx, week);
      const constant = (value: number, column: string) =>
        tx.raw(`${value} as ??`, [column]);
      const labelled = await tickets()
        .whereIn('created_week', weeks)
        .whereNot('labels', '[]')
        .select('created_week', 'team', 'path_id', 'labels');

      for (const table of [
        TICKET_WEEKLY_TABLE,
        TICKET_FACETS_TABLE,
        TICKET_FACETS_BY_PATH_TABLE,
        TICKET_DURATIONS_TABLE,
      ]) {
        await tx(table).whereIn('week', weeks).delete();
      }

      const opened = tickets()
        .whereIn('created_week', weeks)
        .select(
          ...slice('created_week'),
          constant(1, 'opened'),
          constant(0, 'resolved'),
          constant(0, 'reopened_resolved'),
          ...TYPE_ENTRIES.map(([type, column]) =>
            tx.raw(`case when type = '${type}' then 1 else 0 end as ??`, [
              column,
            ]),
          ),
        );
      const resolved = tickets()
        .whereIn('resolved_week', weeks)
        .select(
          ...slice('resolved_week'),
          constant(0, 'opened'),
          constant(1, 'resolved'),
          tx.raw('case when reopen_count > 0 then 1 else 0 end as ??', [
            'reopened_resolved',
          ]),
          ...TYPE_ENTRIES.map(([, column]) => constant(0, column)),
        );
      await insertSelect(
        tx,
        TICKET_WEEKLY_TABLE,
        ['week', 'team', 'path_id', ...WEEKLY_COUNTERS],
        tx
          .from(opened.unionAll(resolved).as('counted'))
          .groupBy('week', 'team', 'path_id')
          .select(
            'week',
            'team',
            'path_id',
            ...WEEKLY_COUNTERS.map(c => tx.raw('sum(??) as ??', [c, c])),
          ),
      );
      await insertTotals(
        tx,
        TICKET_WEEKLY_TABLE,
        weeks,
        ['week'],
        WEEKLY_COUNTERS,
      );

      await insertSelect(
        tx,
        TICKET_FACETS_TABLE,
        ['week', 'team', 'path_id', 'facet', 'value', 'count'],
        tickets()
          .whereIn('created_week', weeks)
          .whereNotNull('category')
          .groupBy('created_week', 'team', pathId, 'category')
          .select(
            ...slice('created_week'),
            tx.raw("'category' as facet"),
            'category as value',
            tx.raw('count(*) as ??', ['count']),
          ),
      );
      const labels = new Map<string, Record<string, string | number>>();
      for (const r of labelled) {
        for (const label of new Set<string>(JSON.parse(r.labels))) {
          const key = JSON.stringify([
            r.created_week,
            r.team,
            r.path_id ?? '',
            label,
          ]);
          const row = labels.get(key);
          if (row) {
            row.count = Number(row.count) + 1;
          } else {
            labels.set(key, {
              week: r.created_week,
              team: r.team,
              path_id: r.path_id ?? '',
              facet: 'label',
              value: label,
              count: 1,
            });
          }
        }
      }
      await insertAll(tx, TICKET_FACETS_TABLE, [...labels.values()], 2000);
      await insertSelect(
        tx,
        TICKET_FACETS_BY_PATH_TABLE,
        ['week', 'path_id', 'facet', 'value', 'count'],
        tx(TICKET_FACETS_TABLE)
          .whereIn('week', weeks)
          .groupBy('week', 'path_id', 'facet', 'value')
          .select(
            'week',
            'path_id',
            'facet',
            'value',
            tx.raw('sum(??) as ??', ['count', 'count']),
          ),
      );

      const measures: Array<[DurationMeasure, string, string]> = [
        ['first_response', 'first_response_week', 'first_response_bucket'],
        ['resolution', 'resolved_week', 'resolution_bucket'],
      ];
      for (const [measure, week, bucket] of measures) {
        await insertSelect(
          tx,
          TICKET_DURATIONS_TABLE,
          ['week', 'team', 'path_id', 'measure', ...HISTOGRAM_COLUMNS],
          tickets()
            .whereIn(week, weeks)
            .whereNotNull(bucket)
            .groupBy(week, 'team', pathId)
            .select(
              ...slice(week),
              tx.raw(`'${measure}' as measure`),
              ...histogramCounts(tx, bucket),
            ),
        );
      }
      await insertTotals(
        tx,
        TICKET_DURATIONS_TABLE,
        weeks,
        ['week', 'measure'],
        HISTOGRAM_COLUMNS,
      );
      await clearMarks(tx, ROLLUP, marks);
    });
  }

  private range(table: string, query: TicketRollupQuery) {
    return this.db(table)
      .where('week', '>=', query.fromWeek)
      .where('week', '<', query.toWeek);
  }

  /** The weekly or duration rows a figure sums, totals where they serve. */
  private slice(
    table: string,
    query: TicketRollupQuery,
    by: 'week' | 'team' | 'path' | 'all',
  ) {
    return sliceRows(this.range(table, query), query, by);
  }

  async counts(
    query: TicketRollupQuery,
    by: 'week' | 'team' | 'path' | 'all',
  ): Promise<TicketCountsRow[]> {
    const column = SLICE_COLUMNS[by];
    const rows: Array<Record<string, any>> = await this.slice(
      TICKET_WEEKLY_TABLE,
      query,
      by,
    )
      .modify(q => {
        if (column) {
          q.groupBy(column).select(column);
        }
      })
      .count({ rows: '*' })
      .sum({
        opened: 'opened',
        resolved: 'resolved',
        reopened_resolved: 'reopened_resolved',
        ...Object.fromEntries(TYPE_ENTRIES.map(([, c]) => [c, c])),
      });
    return rows
      .filter(row => Number(row.rows) > 0)
      .map(row => ({
        slice: column ? (row[column] as string) : '',
        opened: Number(row.opened),
        resolved: Number(row.resolved),
        reopenedResolved: Number(row.reopened_resolved),
        types: Object.fromEntries(
          TYPE_ENTRIES.map(([type, c]) => [type, Number(row[c])]),
        ) as TicketCountsRow['types'],
      }));
  }

  async facets(query: TicketRollupQuery) {
    // Without a team filter the per-path counts answer with far fewer rows.
    const table = query.teams
      ? TICKET_FACETS_TABLE
      : TICKET_FACETS_BY_PATH_TABLE;
    const rows: Array<Record<string, any>> = await this.range(table, query)
      .modify(q => {
        if (query.teams) q.whereIn('team', query.teams);
        if (query.pathId !== undefined) q.where('path_id', query.pathId);
      })
      .groupBy('facet', 'value')
      .select('facet', 'value')
      .sum({ count: 'count' });
    return rows
      .map(row => ({
        facet: row.facet as string,
        value: row.value as string,
        count: Number(row.count),
      }))
      .filter(row => row.count > 0);
  }

  async durations(
    query: TicketRollupQuery,
    by: 'week' | 'team' | 'path' | 'all',
  ): Promise<DurationBucketRow[]> {
    const column = SLICE_COLUMNS[by];
    const groups = [...(column ? [column] : []), 'measure'];
    const rows: Array<Record<string, any>> = await sumHistograms(
      this.slice(TICKET_DURATIONS_TABLE, query, by)
        .groupBy(groups)
        .select(groups),
    );
    return rows.flatMap(row =>
      bucketsOf(row).map(({ bucket, count }) => ({
        slice: column ? (row[column] as string) : '',
        measure: row.measure as DurationMeasure,
        bucket,
        count,
      })),
    );
  }

  async removeBefore(createdBefore: Date): Promise<number> {
    const week = createdBefore.toISOString().slice(0, 10);
    return this.db.transaction(async tx => {
      await lockRow(tx, LOCKS_TABLE, { name: 'tickets' });
      const removed = await tx(TICKETS_TABLE)
        .where('created_at', '<', createdBefore)
        .delete();
      for (const table of [
        TICKET_WEEKLY_TABLE,
        TICKET_FACETS_TABLE,
        TICKET_FACETS_BY_PATH_TABLE,
        TICKET_DURATIONS_TABLE,
      ]) {
        await tx(table).where('week', '<', week).delete();
      }
      return removed;
    });
  }
}

async function insertAll(
  tx: Knex.Transaction,
  table: string,
  rows: Array<Record<string, unknown>>,
  batchSize: number,
) {
  for (let i = 0; i < rows.length; i += batchSize) {
    await tx(table).insert(rows.slice(i, i + batchSize));
  }
}
