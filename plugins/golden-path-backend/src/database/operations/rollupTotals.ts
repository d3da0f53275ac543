import { Knex } from 'knex';
import { insertSelect } from './insertSelect';

/**
 * The team and path of a rollup's total rows. Beside each week's rows per
 * team and path, a rebuild writes their sums over all teams, over all
 * paths and over both, so that a figure for everyone or per path reads a
 * handful of rows instead of every team's. Neither a team (an entity ref
 * or `unassigned`) nor a path id can be `*`.
 */
export const ALL = '*';

/** A source row's path as a rollup keys it: `''` for none. */
export function rollupPathId(db: Knex | Knex.Transaction): Knex.Raw {
  return db.raw("coalesce(path_id, '')");
}

/**
 * The key columns of a rollup row selected from its source table: the
 * given week column as `week`, the team, and {@link rollupPathId} as
 * `path_id`. Group by the week column, `team` and `rollupPathId`.
 */
export function rollupSliceColumns(
  db: Knex | Knex.Transaction,
  weekColumn: string,
): Array<string | Knex.Raw> {
  return [
    db.raw('?? as week', [weekColumn]),
    'team',
    db.raw('? as path_id', [rollupPathId(db)]),
  ];
}

/**
 * Writes the total rows of some weeks of a rollup table from its rows per
 * team and path, already written: their counters summed by the `keep`
 * columns (the week, and any other key) with the team, the path or both
 * replaced by {@link ALL}.
 */
export async function insertTotals(
  tx: Knex.Transaction,
  table: string,
  weeks: string[],
  keep: string[],
  counters: string[],
): Promise<void> {
  const columns = [...keep, 'team', 'path_id', ...counters];
  for (const by of [['path_id'], ['team'], []]) {
    const dimension = (column: string) =>
      by.includes(column) ? column : tx.raw(`'${ALL}' as ??`, [column]);
    await insertSelect(
      tx,
      table,
      columns,
      tx(table)
        .whereIn('week', weeks)
        .whereNot('team', ALL)
        .whereNot('path_id', ALL)
        .groupBy([...keep, ...by])
        .select(
          ...keep,
          dimension('team'),
          dimension('path_id'),
          ...counters.map(c => tx.raw('sum(??) as ??', [c, c])),
        ),
    );
  }
}

/** Which slice of a rollup a figure reads. */
export interface RollupSlice {
  teams?: string[];
  pathId?: string;
}

/**
 * Narrows a rollup read to the rows it must sum: the named teams, else the
 * team rows when it is grouped by team, else the all-teams total; and the
 * same for the path.
 */
export function sliceRows(
  query: Knex.QueryBuilder,
  slice: RollupSlice,
  by: 'week' | 'team' | 'path' | 'all',
): Knex.QueryBuilder {
  if (slice.teams) {
    query.whereIn('team', slice.teams);
  } else if (by === 'team') {
    query.whereNot('team', ALL);
  } else {
    query.where('team', ALL);
  }
  if (slice.pathId !== undefined) {
    query.where('path_id', slice.pathId);
  } else if (by === 'path') {
    query.whereNot('path_id', ALL);
  } else {
    query.where('path_id', ALL);
  }
  return query;
}
