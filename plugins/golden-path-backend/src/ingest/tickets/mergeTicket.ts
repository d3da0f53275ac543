import { UNASSIGNED_TEAM } from '../../catalog/teamsOf';
import { isResolved } from '../../database/operations/ticketRollups';
import { TicketRecord } from '../../database/TicketStore';

/**
 * A newer version of a ticket over the stored one. The team and user stay
 * those of the first attribution (figures never move a ticket between
 * teams), unless the first found none; a resolved ticket that comes back
 * unresolved was reopened; first response and resolution times are kept
 * when the update leaves them out, and the first response is the earliest.
 */
export function mergeTicket(
  incoming: TicketRecord,
  stored: TicketRecord | undefined,
): TicketRecord {
  if (!stored) {
    return incoming;
  }
  const keepAttribution = stored.team !== UNASSIGNED_TEAM;
  const reopened = isResolved(stored) && !isResolved(incoming);
  const resolvedAt = isResolved(incoming)
    ? incoming.resolvedAt ??
      (isResolved(stored) ? stored.resolvedAt : undefined) ??
      incoming.updatedAt
    : undefined;
  // The first response is the earliest one either version knows of.
  const responses = [incoming.firstResponseAt, stored.firstResponseAt].filter(
    (at): at is Date => at !== undefined,
  );
  const firstResponseAt = responses.length
    ? new Date(Math.min(...responses.map(at => at.getTime())))
    : undefined;
  return {
    ...incoming,
    team: keepAttribution ? stored.team : incoming.team,
    ...((keepAttribution ? stored.userRef : incoming.userRef)
      ? { userRef: keepAttribution ? stored.userRef : incoming.userRef }
      : {}),
    ...(resolvedAt ? { resolvedAt } : { resolvedAt: undefined }),
    ...(firstResponseAt ? { firstResponseAt } : {}),
    reopenCount: Math.max(
      incoming.reopenCount,
      stored.reopenCount + (reopened ? 1 : 0),
    ),
  };
}
