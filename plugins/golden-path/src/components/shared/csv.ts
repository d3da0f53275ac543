type Cell = string | number | boolean | undefined;

// A cell holding any of these is quoted, its quotes doubled (RFC 4180).
const NEEDS_QUOTES = /[",\r\n]/;

function cell(value: Cell): string {
  const text = value === undefined ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV table with a header row, written like the backend's exports:
 * booleans as true/false, absent as empty, one line per row.
 */
export function toCsv(columns: string[], rows: Cell[][]): string {
  return [columns, ...rows].map(row => `${row.map(cell).join(',')}\n`).join('');
}
