import {
  durationBucket,
  TicketType,
  weekStart,
} from '@golden-path/plugin-golden-path-common';
import { TicketRecord } from '../TicketStore';
import { CounterDeltas } from './incrementCounters';

const SLICE_KEYS = ['week', 'team', 'path_id'];

/** The weekly rollup's column counting each type of opened ticket. */
export const TYPE_COLUMNS: Record<TicketType, string> = {
  request: 'requests',
  incident: 'incidents',
  bug: 'bugs',
  question: 'questions',
  other: 'others',
};

/** The counter deltas of the three ticket rollups. */
export function ticketDeltas() {
  return {
    weekly: new CounterDeltas(SLICE_KEYS, [
      'opened',
      'resolved',
      'reopened_resolved',
      ...Object.values(TYPE_COLUMNS),
    ]),
    facets: new CounterDeltas([...SLICE_KEYS, 'facet', 'value'], ['count']),
    durations: new CounterDeltas(
      [...SLICE_KEYS, 'measure', 'bucket'],
      ['count'],
    ),
  };
}

/** Whether a ticket counts as resolved. */
export function isResolved(ticket: Pick<TicketRecord, 'status'>): boolean {
  return ticket.status === 'resolved' || ticket.status === 'closed';
}

/**
 * Adds (sign 1) or takes back (sign -1) what one ticket counts for: opened,
 * its type, category and labels in the week it was created; resolved and
 * its time to resolution in the week it was resolved; its time to first
 * response in the week of that response.
 */
export function countTicket(
  deltas: ReturnType<typeof ticketDeltas>,
  ticket: TicketRecord,
  sign: 1 | -1,
): void {
  const slice = (at: Date) => ({
    week: weekStart(at),
    team: ticket.team,
    path_id: ticket.pathId ?? '',
  });
  const opened = slice(ticket.createdAt);
  deltas.weekly.add(opened, {
    opened: sign,
    [TYPE_COLUMNS[ticket.type]]: sign,
  });
  const facets = [
    ...(ticket.category ? [['category', ticket.category]] : []),
    ...[...new Set(ticket.labels)].map(label => ['label', label]),
  ];
  for (const [facet, value] of facets) {
    deltas.facets.add({ ...opened, facet, value }, { count: sign });
  }
  if (ticket.firstResponseAt) {
    deltas.durations.add(
      {
        ...slice(ticket.firstResponseAt),
        measure: 'first_response',
        bucket: String(
          durationBucket(
            ticket.firstResponseAt.getTime() - ticket.createdAt.getTime(),
          ),
        ),
      },
      { count: sign },
    );
  }
  if (isResolved(ticket) && ticket.resolvedAt) {
    const resolved = slice(ticket.resolvedAt);
    deltas.weekly.add(resolved, {
      resolved: sign,
      reopened_resolved: ticket.reopenCount > 0 ? sign : 0,
    });
    deltas.durations.add(
      {
        ...resolved,
        measure: 'resolution',
        bucket: String(
          durationBucket(
            ticket.resolvedAt.getTime() - ticket.createdAt.getTime(),
          ),
        ),
      },
      { count: sign },
    );
  }
}
