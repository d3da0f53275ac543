import { DURATION_BUCKETS } from '@golden-path/plugin-golden-path-common';
import { Knex } from 'knex';

/** The columns of a duration histogram row: h<n> counts bucket n. */
export const HISTOGRAM_COLUMNS = Array.from(
  { length: DURATION_BUCKETS },
  (_, bucket) => `h${bucket}`,
);

/**
 * The select expressions of a histogram row counted in SQL, as `h<n>`:
 * the rows of a grouped query whose `bucketColumn` is n.
 */
export function histogramCounts(
  db: Knex | Knex.Transaction,
  bucketColumn: string,
): Knex.Raw[] {
  return HISTOGRAM_COLUMNS.map((column, bucket) =>
    db.raw(`sum(case when ?? = ${bucket} then 1 else 0 end) as ??`, [
      bucketColumn,
      column,
    ]),
  );
}

/** Sums every histogram column, as `h<n>` (add to a grouped query). */
export function sumHistograms(query: Knex.QueryBuilder): Knex.QueryBuilder {
  return query.sum(
    Object.fromEntries(HISTOGRAM_COLUMNS.map(column => [column, column])),
  );
}

/** The non-empty buckets of a summed histogram row. */
export function bucketsOf(
  row: Record<string, unknown>,
): Array<{ bucket: number; count: number }> {
  return HISTOGRAM_COLUMNS.flatMap((column, bucket) => {
    const count = Number(row[column] ?? 0);
    return count > 0 ? [{ bucket, count }] : [];
  });
}
