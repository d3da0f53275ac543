import { Knex } from 'knex';

/**
 * The team and path of a rollup's total rows. Beside each week's rows per
 * team and path, a rebuild writes their sums over all teams, over all
 * paths and over both, so that a figure for everyone or per path reads a
 * handful of rows instead of every team's. Neither a team (an entity ref
 * or `unassigned`) nor a path id can be `*`.
 */
export const ALL = '*';

/**
 * The rows with their totals: for each row, its counters added to the
 * rows of the same week (and other `keep` columns) with the team, the path
 * or both replaced by {@link ALL}.
 */
export function withTotals<R extends Record<string, string | number>>(
  rows: R[],
  keep: string[],
  counters: string[],
): R[] {
  const totals = new Map<string, Record<string, string | number>>();
  const add = (row: R, team: string, pathId: string) => {
    const key = JSON.stringify([...keep.map(c => row[c]), team, pathId]);
    let total = totals.get(key);
    if (!total) {
      total = {
        ...Object.fromEntries(keep.map(c => [c, row[c]])),
        team,
        path_id: pathId,
        ...Object.fromEntries(counters.map(c => [c, 0])),
      };
      totals.set(key, total);
    }
    for (const c of counters) {
      total[c] = Number(total[c]) + Number(row[c]);
    }
  };
  for (const row of rows) {
    add(row, ALL, String(row.path_id));
    add(row, String(row.team), ALL);
    add(row, ALL, ALL);
  }
  return [...rows, ...(totals.values() as Iterable<R>)];
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
