import {
  BackstageCredentials,
  AuthService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DAY_MS,
  TicketFiguresResponse,
  TicketImportResponse,
  TicketIngestResult,
  TicketInput,
  TicketType,
  trendOf,
  utcDay,
} from '@golden-path/plugin-golden-path-common';
import { toCsv } from './csv';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ResultsStore } from '../database/ResultsStore';
import {
  TicketRecord,
  TicketRollupQuery,
  TicketStore,
} from '../database/TicketStore';
import { mergeTicket } from '../ingest/tickets/mergeTicket';
import { parseTicketCsv } from '../ingest/tickets/parseTicketCsv';
import { TicketAttributor } from '../ingest/tickets/TicketAttributor';
import { ParsedTicket, parseTickets } from '../ingest/tickets/ticketSchema';
import { BatchError } from '../validation/parseBatch';
import {
  githubTicket,
  jiraTicket,
  WebhookTicket,
} from '../ingest/tickets/webhookPayloads';
import { groupWithDescendants } from './groupHierarchy';
import { figuresBySlice, sliceFigures } from './tickets/sliceFigures';
import { weekPeriod } from './metrics/period';
import { rebuildIfFew } from './metrics/rebuildIfFew';
import { UNASSIGNED_TEAM } from '../catalog/teamsOf';
import { TeamDirectory } from '../catalog/TeamDirectory';

// Rows a CSV import previews, and labels a figure lists.
const PREVIEW_ROWS = 20;
const TOP_LABELS = 20;

/** A ticket figures request. */
export interface TicketFiguresQuery {
  from?: string;
  to?: string;
  group?: string;
  path?: string;
}

/** The tables of ticket figures that export as CSV. */
export type TicketExportTable =
  | 'weeks'
  | 'teams'
  | 'paths'
  | 'categories'
  | 'labels';

function toRecord(
  source: string,
  ticket: ParsedTicket,
  attribution: Awaited<ReturnType<TicketAttributor['attribute']>>[number],
): TicketRecord {
  const resolved = ticket.status === 'resolved' || ticket.status === 'closed';
  const date = (value?: string) => (value ? new Date(value) : undefined);
  return {
    source,
    externalId: ticket.id,
    ...(ticket.title ? { title: ticket.title } : {}),
    ...(ticket.url ? { url: ticket.url } : {}),
    type: ticket.type,
    ...(ticket.category ? { category: ticket.category } : {}),
    labels: ticket.labels,
    components: ticket.components,
    status: ticket.status,
    ...(ticket.requester ? { requester: ticket.requester } : {}),
    ...attribution,
    createdAt: new Date(ticket.createdAt),
    updatedAt: new Date(ticket.updatedAt),
    ...(ticket.firstResponseAt
      ? { firstResponseAt: date(ticket.firstResponseAt) }
      : {}),
    // A resolved ticket without a resolution time was resolved by the
    // update that says so; an unresolved one has none.
    ...(resolved
      ? { resolvedAt: date(ticket.resolvedAt) ?? new Date(ticket.updatedAt) }
      : {}),
    reopenCount: ticket.reopenCount,
  };
}

/**
 * Support tickets: validated and attributed batches in, figures out. Who
 * may send them is the router's to check.
 */
export class TicketService {
  private readonly attributor: TicketAttributor;

  constructor(
    private readonly deps: {
      tickets: TicketStore;
      results: ResultsStore;
      catalog: CatalogService;
      auth: AuthService;
      settings: GoldenPathSettings;
      teams: TeamDirectory;
    },
  ) {
    this.attributor = new TicketAttributor({
      ...deps,
      pathIds: deps.settings.paths.map(p => p.id),
    });
  }

  private get pathIds() {
    return this.deps.settings.paths.map(p => p.id);
  }

  private async store(
    source: string,
    tickets: ParsedTicket[],
    now: Date,
  ): Promise<TicketIngestResult & { expired: number }> {
    const cutoff =
      now.getTime() - this.deps.settings.tickets.retentionDays * DAY_MS;
    const kept = tickets.filter(t => Date.parse(t.createdAt) >= cutoff);
    const attributions = await this.attributor.attribute(kept);
    const records = kept.map((t, i) => toRecord(source, t, attributions[i]));
    const { weeks, ...counts } = await this.deps.tickets.upsertTickets(
      source,
      records,
      mergeTicket,
    );
    await rebuildIfFew(this.deps.tickets, weeks);
    return {
      source,
      received: tickets.length,
      ...counts,
      expired: tickets.length - kept.length,
    };
  }

  /** Stores a batch whole, or nothing if any ticket is invalid. */
  async ingest(source: string, tickets: unknown[], now = new Date()) {
    const parsed = parseTickets(tickets, this.pathIds);
    if (parsed.problems.length > 0) {
      throw new BatchError(parsed.problems, 'tickets', 'tickets');
    }
    return this.store(source, parsed.tickets, now);
  }

  /** Checks (dry run) or stores a CSV file of tickets, all or nothing. */
  async importCsv(
    source: string,
    text: string,
    dryRun: boolean,
    now = new Date(),
  ): Promise<TicketImportResponse> {
    const csv = parseTicketCsv(text);
    if (csv.fileError) {
      return { dryRun, rows: 0, errors: [csv.fileError], preview: [] };
    }
    const parsed = parseTickets(
      csv.rows.map(row => row.ticket),
      this.pathIds,
      200,
    );
    const errors = parsed.problems.map(p => ({
      line: csv.rows[p.index].line,
      ...(p.field ? { field: p.field } : {}),
      message: p.message,
    }));
    const preview = parsed.tickets
      .slice(0, PREVIEW_ROWS)
      .map(t => t as TicketInput);
    const response = { dryRun, rows: csv.rows.length, errors, preview };
    if (dryRun || errors.length > 0) {
      return response;
    }
    return {
      ...response,
      result: await this.store(source, parsed.tickets, now),
    };
  }

  /** Stores the ticket a tracker's webhook delivery describes. */
  async webhook(
    kind: 'jira' | 'github',
    source: string,
    body: unknown,
    githubEvent?: string,
    now = new Date(),
  ): Promise<{ ignored: string } | (TicketIngestResult & { expired: number })> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InputError('Invalid webhook: the body must be a JSON object');
    }
    const mapped: WebhookTicket =
      kind === 'jira'
        ? jiraTicket(body as Record<string, unknown>)
        : githubTicket(githubEvent, body as Record<string, unknown>);
    if ('ignored' in mapped) {
      return mapped;
    }
    const parsed = parseTickets([mapped.ticket], this.pathIds);
    if (parsed.problems.length > 0) {
      throw new BatchError(parsed.problems, 'tickets', `${kind} ticket`);
    }
    return this.store(source, parsed.tickets, now);
  }

  async figures(
    query: TicketFiguresQuery,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<TicketFiguresResponse> {
    if (query.path && !this.pathIds.includes(query.path)) {
      throw new InputError(
        `Invalid query: path: unknown golden path '${query.path}'`,
      );
    }
    const { weeks, from, to, previous, endWeek } = weekPeriod(query, now);
    const teams = query.group
      ? await groupWithDescendants(this.deps.catalog, query.group, credentials)
      : undefined;
    const slice = (fromWeek: string, toWeek: string): TicketRollupQuery => ({
      fromWeek,
      toWeek,
      ...(teams ? { teams } : {}),
      ...(query.path ? { pathId: query.path } : {}),
    });
    const current = slice(weeks[0], endWeek);
    const before = slice(utcDay(previous.from), weeks[0]);
    const { tickets } = this.deps;
    const [
      all,
      previousAll,
      byWeek,
      byTeam,
      byPath,
      facets,
      durations,
      previousDurations,
      teamDurations,
      pathDurations,
    ] = await Promise.all([
      tickets.counts(current, 'all'),
      tickets.counts(before, 'all'),
      tickets.counts(current, 'week'),
      tickets.counts(current, 'team'),
      tickets.counts(current, 'path'),
      tickets.facets(current),
      tickets.durations(current, 'all'),
      tickets.durations(before, 'all'),
      tickets.durations(current, 'team'),
      tickets.durations(current, 'path'),
    ]);

    const totals = sliceFigures(all[0], durations);
    const previousTotals = sliceFigures(previousAll[0], previousDurations);
    const openedPerWeek = totals.opened / weeks.length;
    const teamFigures = figuresBySlice(byTeam, teamDurations);
    const pathFigures = figuresBySlice(byPath, pathDurations);
    const facet = (name: string) =>
      facets
        .filter(f => f.facet === name)
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const weekCounts = new Map(byWeek.map(row => [row.slice, row]));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      previous: {
        from: previous.from.toISOString(),
        to: previous.to.toISOString(),
      },
      ...(query.group ? { group: query.group } : {}),
      ...(query.path ? { pathId: query.path } : {}),
      totals,
      previousTotals,
      openedPerWeek,
      ...withTrend(
        'volumeTrend',
        previousAll.length > 0
          ? trendOf(
              openedPerWeek,
              previousTotals.opened / weeks.length,
              'lower',
            )
          : undefined,
      ),
      ...withTrend(
        'resolutionTrend',
        trendOf(
          totals.resolution.medianMs,
          previousTotals.resolution.medianMs,
          'lower',
        ),
      ),
      weeks: weeks.map(week => ({
        week,
        opened: weekCounts.get(week)?.opened ?? 0,
        resolved: weekCounts.get(week)?.resolved ?? 0,
      })),
      categories: facet('category').map(f => ({
        category: f.value,
        count: f.count,
      })),
      labels: facet('label')
        .slice(0, TOP_LABELS)
        .map(f => ({ label: f.value, count: f.count })),
      types: Object.entries(all[0]?.types ?? {})
        .filter(([, count]) => count > 0)
        .map(([type, count]) => ({ type: type as TicketType, count }))
        .sort((a, b) => b.count - a.count),
      teams: [...teamFigures]
        .map(([team, figures]) => ({ team, ...figures }))
        .sort((a, b) => b.opened - a.opened || a.team.localeCompare(b.team)),
      paths: [...pathFigures]
        .filter(([pathId]) => pathId !== '')
        .map(([pathId, figures]) => ({ pathId, ...figures }))
        .sort((a, b) => b.opened - a.opened),
      unattributed: {
        noPath: pathFigures.get('')?.opened ?? 0,
        noTeam: teamFigures.get(UNASSIGNED_TEAM)?.opened ?? 0,
      },
      computedAt: now.toISOString(),
    };
  }

  async exportCsv(
    query: TicketFiguresQuery,
    table: TicketExportTable,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const figures = await this.figures(query, credentials);
    const slice = (
      key: string,
      rows: Array<{ key: string } & TicketFiguresResponse['totals']>,
    ) =>
      toCsv(
        [
          key,
          'opened',
          'resolved',
          'requests',
          'reopen_rate',
          'median_first_response_ms',
          'median_resolution_ms',
          'p90_resolution_ms',
        ],
        rows.map(r => [
          r.key,
          r.opened,
          r.resolved,
          r.requests,
          r.reopenRate ?? '',
          r.firstResponse.medianMs ?? '',
          r.resolution.medianMs ?? '',
          r.resolution.p90Ms ?? '',
        ]),
      );
    switch (table) {
      case 'weeks':
        return toCsv(
          ['week', 'opened', 'resolved'],
          figures.weeks.map(w => [w.week, w.opened, w.resolved]),
        );
      case 'teams':
        return slice(
          'team',
          figures.teams.map(t => ({ key: t.team, ...t })),
        );
      case 'paths':
        return slice(
          'path',
          figures.paths.map(p => ({ key: p.pathId, ...p })),
        );
      case 'categories':
        return toCsv(
          ['category', 'tickets'],
          figures.categories.map(c => [c.category, c.count]),
        );
      default:
        return toCsv(
          ['label', 'tickets'],
          figures.labels.map(l => [l.label, l.count]),
        );
    }
  }
}

function withTrend<K extends string, T>(key: K, trend: T | undefined) {
  return (trend ? { [key]: trend } : {}) as { [k in K]?: T };
}
