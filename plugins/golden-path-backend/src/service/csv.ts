import { stringify } from 'csv-stringify/sync';

type Cell = string | number | boolean | undefined;

/** A CSV table with a header row; booleans as true/false, absent as empty. */
export function toCsv(columns: string[], rows: Cell[][]): string {
  return stringify(rows, {
    header: true,
    columns,
    cast: { boolean: value => String(value) },
  });
}
