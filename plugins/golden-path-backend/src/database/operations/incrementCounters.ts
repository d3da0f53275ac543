import { Knex } from 'knex';
import { dialectOf } from './dialect';

// Rows per statement: the widest rollup row (survey answers, 15 columns)
// × 1000 stays below SQLite's 32,766 bound parameters, the lowest limit.
const BATCH_SIZE = 1000;

/**
 * Adds each row's counters to the row with the same key, creating it when
 * absent: `INSERT … ON CONFLICT DO UPDATE SET c = c + excluded.c`, or
 * MySQL's `ON DUPLICATE KEY UPDATE c = c + VALUES(c)`. Negative counters
 * subtract. Callers serialize writers of the same keys.
 */
export async function incrementCounters(
  tx: Knex | Knex.Transaction,
  table: string,
  keyColumns: string[],
  counterColumns: string[],
  rows: Array<Record<string, string | number>>,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const mysql = dialectOf(tx) === 'mysql';
  const merge = Object.fromEntries(
    counterColumns.map(column => [
      column,
      mysql
        ? tx.raw('?? + VALUES(??)', [column, column])
        : tx.raw('?? + excluded.??', [`${table}.${column}`, column]),
    ]),
  );
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    await tx(table)
      .insert(rows.slice(i, i + BATCH_SIZE))
      .onConflict(keyColumns)
      .merge(merge);
  }
}

/**
 * Sums counter deltas by key, so that one statement row carries each key's
 * total change and keys whose changes cancel out are not written.
 */
export class CounterDeltas {
  private readonly rows = new Map<string, Record<string, string | number>>();

  constructor(
    readonly keyColumns: string[],
    readonly counterColumns: string[],
  ) {}

  add(key: Record<string, string>, counters: Record<string, number>): void {
    const id = JSON.stringify(this.keyColumns.map(column => key[column]));
    let row = this.rows.get(id);
    if (!row) {
      row = { ...key };
      for (const column of this.counterColumns) {
        row[column] = 0;
      }
      this.rows.set(id, row);
    }
    for (const [column, delta] of Object.entries(counters)) {
      row[column] = (row[column] as number) + delta;
    }
  }

  /** The rows with a non-zero change. */
  changedRows(): Array<Record<string, string | number>> {
    return [...this.rows.values()].filter(row =>
      this.counterColumns.some(column => row[column] !== 0),
    );
  }

  async apply(tx: Knex | Knex.Transaction, table: string): Promise<void> {
    await incrementCounters(
      tx,
      table,
      this.keyColumns,
      this.counterColumns,
      this.changedRows(),
    );
  }
}
