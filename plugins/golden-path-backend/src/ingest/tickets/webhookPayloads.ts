import { TicketType } from '@golden-path/plugin-golden-path-common';

/** What a webhook delivery means for the ticket store. */
export type WebhookTicket =
  | { ticket: Record<string, unknown> }
  | { ignored: string };

type Json = Record<string, any>;

/** A sender's value for a message: text as it is, anything else by type
 * (String() of a deeply nested array would overflow the stack). */
export function named(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 200) : typeof value;
}

/** Each item through `f` when `value` is an array; otherwise the value as
 * it came, for validation to name. */
function mapItems<T>(value: unknown, f: (item: any) => T): T[] | unknown {
  return Array.isArray(value) ? value.map(f) : value;
}

// Jira writes offsets as +0000; an unreadable date is passed on as it is,
// for validation to name.
function iso(value: unknown) {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return undefined;
  }
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : at.toISOString();
}

/** `owner/name#number` of a repository's item, when both are plain values. */
export function repositoryItemId(
  fullName: unknown,
  number: unknown,
): string | undefined {
  const plain = (v: unknown) => typeof v === 'string' || typeof v === 'number';
  return fullName && plain(fullName) && plain(number)
    ? `${fullName}#${number}`
    : undefined;
}

function typeOf(names: unknown[]): TicketType {
  const text = names
    .filter(name => typeof name === 'string')
    .join(' ')
    .toLocaleLowerCase('en-US');
  if (/incident|outage/.test(text)) return 'incident';
  if (/bug|defect/.test(text)) return 'bug';
  if (/question|how.?to|help/.test(text)) return 'question';
  if (/request|access|provision|task/.test(text)) return 'request';
  return 'other';
}

// Jira's status categories: new, indeterminate (in progress) and done.
const JIRA_STATUS = new Map([
  ['done', 'resolved'],
  ['indeterminate', 'in-progress'],
]);

/**
 * A Jira (Service Management) `jira:issue_created` / `jira:issue_updated`
 * webhook body as a ticket. The request type names the category where the
 * issue has one; the "Time to first response" SLA field gives the first
 * response.
 */
export function jiraTicket(body: Json): WebhookTicket {
  const event = body?.webhookEvent;
  if (event !== 'jira:issue_created' && event !== 'jira:issue_updated') {
    return {
      ignored: `webhookEvent '${named(event)}' carries no ticket change`,
    };
  }
  const issue = body.issue;
  const fields: Json = issue?.fields ?? {};
  const values = Object.values(fields).filter(
    (v): v is Json => typeof v === 'object' && v !== null,
  );
  const requestType = values.find(v => v.requestType?.name)?.requestType
    ?.name as string | undefined;
  const firstResponse = values.find(
    v => typeof v.name === 'string' && /first response/i.test(v.name),
  );
  const stop =
    firstResponse?.completedCycles?.[0]?.stopTime?.epochMillis ??
    firstResponse?.completedCycles?.[0]?.stopTime?.iso8601;
  const category =
    fields.statusCategory?.key ?? fields.status?.statusCategory?.key;
  const status = JIRA_STATUS.get(named(category)) ?? 'open';
  const issueType: string = fields.issuetype?.name ?? '';
  return {
    ticket: {
      id: issue?.key,
      title: fields.summary,
      ...(issue?.self ? { url: issue.self } : {}),
      type: typeOf([issueType, requestType ?? '']),
      ...(requestType || issueType
        ? { category: requestType ?? issueType }
        : {}),
      labels: fields.labels ?? [],
      components: mapItems(fields.components ?? [], (c: Json) => c?.name),
      status,
      requester:
        fields.reporter?.emailAddress ??
        fields.reporter?.name ??
        fields.reporter?.accountId,
      createdAt: iso(fields.created),
      updatedAt: iso(fields.updated ?? fields.created),
      ...(stop ? { firstResponseAt: iso(stop) } : {}),
      ...(fields.resolutiondate
        ? { resolvedAt: iso(fields.resolutiondate) }
        : {}),
    },
  };
}

/**
 * A GitHub `issues` or `issue_comment` event as a ticket: closed issues are
 * resolved, the first comment by someone other than the author is the
 * first response, labels give the type, `category:*` and `component:*`
 * labels the category and components.
 */
export function githubTicket(
  event: string | undefined,
  body: Json,
): WebhookTicket {
  if (event !== 'issues' && event !== 'issue_comment') {
    return {
      ignored: `GitHub event '${named(event)}' carries no ticket change`,
    };
  }
  const issue = body?.issue;
  if (issue?.pull_request) {
    return { ignored: 'a pull request is not a ticket' };
  }
  if (body?.action === 'deleted' && event === 'issues') {
    return { ignored: 'deleted issues are kept as they were' };
  }
  const sent = mapItems(issue?.labels ?? [], (l: Json) =>
    typeof l === 'string' ? l : l?.name,
  );
  const labels: string[] = Array.isArray(sent) ? sent : [];
  const prefixed = (prefix: string) =>
    labels
      .filter(l => typeof l === 'string' && l.startsWith(prefix))
      .map(l => l.slice(prefix.length));
  const comment = event === 'issue_comment' ? body.comment : undefined;
  const responded =
    comment &&
    body.action === 'created' &&
    comment.user?.login !== issue?.user?.login;
  return {
    ticket: {
      id: repositoryItemId(body?.repository?.full_name, issue?.number),
      title: issue?.title,
      ...(issue?.html_url ? { url: issue.html_url } : {}),
      type: typeOf(labels),
      ...(prefixed('category:')[0]
        ? { category: prefixed('category:')[0] }
        : {}),
      labels: Array.isArray(sent)
        ? labels.filter(l => typeof l === 'string' && !l.includes(':'))
        : sent,
      components: prefixed('component:'),
      status: issue?.state === 'closed' ? 'resolved' : 'open',
      requester: issue?.user?.login,
      createdAt: iso(issue?.created_at),
      updatedAt: iso(issue?.updated_at ?? issue?.created_at),
      ...(responded ? { firstResponseAt: iso(comment.created_at) } : {}),
      ...(issue?.closed_at && issue?.state === 'closed'
        ? { resolvedAt: iso(issue.closed_at) }
        : {}),
    },
  };
}
