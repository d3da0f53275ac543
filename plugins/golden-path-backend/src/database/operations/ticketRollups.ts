import {
  durationBucket,
  TicketType,
  weekStart,
} from '@golden-path/plugin-golden-path-common';
import { TicketRecord } from '../TicketStore';

/** The weekly rollup's column counting each type of opened ticket. */
export const TYPE_COLUMNS: Record<TicketType, string> = {
  request: 'requests',
  incident: 'incidents',
  bug: 'bugs',
  question: 'questions',
  other: 'others',
};

/** Whether a ticket counts as resolved. */
export function isResolved(ticket: Pick<TicketRecord, 'status'>): boolean {
  return ticket.status === 'resolved' || ticket.status === 'closed';
}

/**
 * The columns the rollups group a ticket by: the week it was opened, the
 * week and duration bucket of its first response, and, when resolved, of
 * its resolution.
 */
export function rollupColumns(ticket: TicketRecord) {
  const since = (at: Date) => at.getTime() - ticket.createdAt.getTime();
  const resolved = isResolved(ticket) && ticket.resolvedAt;
  return {
    created_week: weekStart(ticket.createdAt),
    first_response_week: ticket.firstResponseAt
      ? weekStart(ticket.firstResponseAt)
      : null,
    first_response_bucket: ticket.firstResponseAt
      ? durationBucket(since(ticket.firstResponseAt))
      : null,
    resolved_week: resolved ? weekStart(ticket.resolvedAt!) : null,
    resolution_bucket: resolved
      ? durationBucket(since(ticket.resolvedAt!))
      : null,
  };
}

/** The weeks whose rollups a ticket counts in. */
export function weeksOfTicket(ticket: TicketRecord): string[] {
  const columns = rollupColumns(ticket);
  return [
    columns.created_week,
    ...(columns.first_response_week ? [columns.first_response_week] : []),
    ...(columns.resolved_week ? [columns.resolved_week] : []),
  ];
}
