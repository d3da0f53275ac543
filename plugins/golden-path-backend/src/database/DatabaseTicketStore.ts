import { Knex } from 'knex';
import {
  TicketStatus,
  TicketType,
} from '@golden-path/plugin-golden-path-common';
import { lockRow } from './operations/lockRow';
import {
  countTicket,
  ticketDeltas,
  TYPE_COLUMNS,
} from './operations/ticketContributions';
import {
  DbTicketRow,
  LOCKS_TABLE,
  TICKET_DURATIONS_TABLE,
  TICKET_FACETS_TABLE,
  TICKET_WEEKLY_TABLE,
  TICKETS_TABLE,
} from './tables';
import {
  DurationBucketRow,
  TicketRecord,
  TicketRollupQuery,
  TicketMerge,
  TicketStore,
  TicketUpsertCounts,
  TicketCountsRow,
} from './TicketStore';
import { toDate } from './toDate';

// Ids per IN (...) lookup, and rows per INSERT: 20 columns × 250 rows stays
// below every engine's bound-parameter limit (SQLite's 32,766 the lowest)
// while a batch of 500 takes two statements.
const LOOKUP_BATCH_SIZE = 500;
const INSERT_BATCH_SIZE = 250;

const TYPE_ENTRIES = Object.entries(TYPE_COLUMNS);

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
      return counts;
    }
    const now = new Date();
    return this.db.transaction(async tx => {
      // One writer at a time across replicas: each batch's rollup deltas
      // are computed against the rows it read.
      await lockRow(tx, LOCKS_TABLE, { name: 'tickets' });
      const stored = await this.read(
        tx,
        source,
        tickets.map(t => t.externalId),
      );
      const deltas = ticketDeltas();
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
          countTicket(deltas, before, -1);
          counts.updated += 1;
        } else {
          counts.inserted += 1;
        }
        countTicket(deltas, ticket, 1);
        rows.push(toRow(ticket, now));
      }
      for (let i = 0; i < rows.length; i += INSERT_BATCH_SIZE) {
        await tx<DbTicketRow>(TICKETS_TABLE)
          .insert(rows.slice(i, i + INSERT_BATCH_SIZE))
          .onConflict(['source', 'external_id'])
          .merge();
      }
      await deltas.weekly.apply(tx, TICKET_WEEKLY_TABLE);
      await deltas.facets.apply(tx, TICKET_FACETS_TABLE);
      await deltas.durations.apply(tx, TICKET_DURATIONS_TABLE);
      return counts;
    });
  }

  private slice(table: string, query: TicketRollupQuery) {
    return this.db(table)
      .where('week', '>=', query.fromWeek)
      .where('week', '<', query.toWeek)
      .modify(q => {
        if (query.teams) {
          q.whereIn('team', query.teams);
        }
        if (query.pathId !== undefined) {
          q.where('path_id', query.pathId);
        }
      });
  }

  async counts(
    query: TicketRollupQuery,
    by: 'week' | 'team' | 'path' | 'all',
  ): Promise<TicketCountsRow[]> {
    const column = SLICE_COLUMNS[by];
    const rows: Array<Record<string, any>> = await this.slice(
      TICKET_WEEKLY_TABLE,
      query,
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
    const rows = await this.slice(TICKET_FACETS_TABLE, query)
      .groupBy('facet', 'value')
      .select('facet', 'value')
      .sum({ count: 'count' });
    return rows
      .map((row: Record<string, any>) => ({
        facet: row.facet as string,
        value: row.value as string,
        count: Number(row.count),
      }))
      .filter((row: { count: number }) => row.count > 0);
  }

  async durations(
    query: TicketRollupQuery,
    by: 'team' | 'path' | 'all',
  ): Promise<DurationBucketRow[]> {
    const column = SLICE_COLUMNS[by];
    const rows: Array<Record<string, any>> = await this.slice(
      TICKET_DURATIONS_TABLE,
      query,
    )
      .groupBy([...(column ? [column] : []), 'measure', 'bucket'])
      .select([...(column ? [column] : []), 'measure', 'bucket'])
      .sum({ count: 'count' });
    return rows
      .map((row: Record<string, any>) => ({
        slice: column ? (row[column] as string) : '',
        measure: row.measure,
        bucket: Number(row.bucket),
        count: Number(row.count),
      }))
      .filter(row => row.count > 0);
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
        TICKET_DURATIONS_TABLE,
      ]) {
        await tx(table).where('week', '<', week).delete();
      }
      return removed;
    });
  }
}
