import { parse } from 'csv-parse/sync';

/** The most rows one CSV import may hold. */
export const MAX_CSV_ROWS = 10_000;

// Header names accepted for each field, compared lower-case without spaces,
// dashes or underscores.
const COLUMNS: Record<string, string[]> = {
  id: ['id', 'key', 'externalid', 'ticketid', 'issuekey'],
  title: ['title', 'summary'],
  url: ['url', 'link'],
  type: ['type', 'issuetype', 'tickettype'],
  category: ['category', 'requesttype'],
  labels: ['labels', 'tags'],
  components: ['components', 'component'],
  status: ['status', 'state'],
  requester: ['requester', 'reporter', 'author', 'email'],
  entityRef: ['entityref', 'entity'],
  pathId: ['pathid', 'path', 'goldenpath'],
  createdAt: ['createdat', 'created', 'opened', 'openedat'],
  updatedAt: ['updatedat', 'updated'],
  firstResponseAt: ['firstresponseat', 'firstresponse', 'respondedat'],
  resolvedAt: ['resolvedat', 'resolved', 'closedat', 'closed'],
  reopenCount: ['reopencount', 'reopened', 'reopens'],
};
const LIST_FIELDS = new Set(['labels', 'components']);
const DATE_FIELDS = new Set([
  'createdAt',
  'updatedAt',
  'firstResponseAt',
  'resolvedAt',
]);

const normalize = (header: string) =>
  header
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/[\s_-]/g, '');

// `2026-11-20 10:00` and `2026-11-20T10:00:00` without an offset are UTC.
const LOCAL_TIME =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

function cell(field: string, value: string): unknown {
  const text = value.trim();
  if (LIST_FIELDS.has(field)) {
    return text
      .split(/[;|]/)
      .map(part => part.trim())
      .filter(Boolean);
  }
  if (DATE_FIELDS.has(field)) {
    const local = LOCAL_TIME.exec(text);
    return local ? `${local[1]}T${local[2]}Z` : text;
  }
  if (field === 'reopenCount') {
    return /^\d+$/.test(text) ? Number(text) : text;
  }
  if (field === 'status' || field === 'type') {
    return text.toLocaleLowerCase('en-US').replace(/\s+/g, '-');
  }
  return text;
}

/** A CSV file's rows as ticket objects, with the line each ends on. */
export interface CsvTickets {
  rows: Array<{ line: number; ticket: Record<string, unknown> }>;
  /** Problems with the file as a whole (header, quoting, size). */
  fileError?: { line: number; message: string };
}

/**
 * Reads a CSV of tickets: a header row naming the fields (`id`, `status`,
 * `created`, `updated`, … with common aliases such as `key` or `summary`),
 * lists in one cell split on `;`, empty cells left out.
 */
export function parseTicketCsv(text: string): CsvTickets {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      bom: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      fileError: { line, message: (error as Error).message },
    };
  }
  if (records.length === 0) {
    return { rows: [], fileError: { line: 1, message: 'the file is empty' } };
  }
  const header = records[0].record.map(normalize);
  const fields = header.map(name =>
    Object.keys(COLUMNS).find(f => COLUMNS[f].includes(name)),
  );
  const unknown = header.filter((_, i) => !fields[i]);
  if (unknown.length > 0) {
    return {
      rows: [],
      fileError: {
        line: 1,
        message: `unknown column ${unknown
          .map(u => `'${u}'`)
          .join(', ')}; columns are ${Object.keys(COLUMNS).join(', ')}`,
      },
    };
  }
  for (const required of ['id', 'status', 'createdAt', 'updatedAt']) {
    if (!fields.includes(required)) {
      return {
        rows: [],
        fileError: { line: 1, message: `missing column '${required}'` },
      };
    }
  }
  if (records.length - 1 > MAX_CSV_ROWS) {
    return {
      rows: [],
      fileError: {
        line: MAX_CSV_ROWS + 2,
        message: `more than ${MAX_CSV_ROWS} rows; split the file`,
      },
    };
  }
  return {
    rows: records.slice(1).map(({ record, info }) => {
      const ticket: Record<string, unknown> = {};
      record.forEach((value, i) => {
        if (value.trim() !== '') {
          ticket[fields[i]!] = cell(fields[i]!, value);
        }
      });
      return { line: info.lines, ticket };
    }),
  };
}
