import { Knex } from 'knex';

/**
 * `INSERT INTO table (columns) SELECT ...`: rows computed and written by
 * the database, never carried through Node. The select names its columns
 * in the order given.
 */
export async function insertSelect(
  tx: Knex | Knex.Transaction,
  table: string,
  columns: string[],
  select: Knex.QueryBuilder,
): Promise<void> {
  const { sql, bindings } = select.toSQL();
  await tx.raw(
    `insert into ?? (${columns.map(() => '??').join(', ')}) ${sql}`,
    [table, ...columns, ...bindings],
  );
}
