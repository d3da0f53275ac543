import { Knex } from 'knex';
import { toDate } from '../toDate';

const MARKS_TABLE = 'golden_path_rollup_marks';

/** A week whose rollups wait to be rebuilt, since when. */
export interface RollupMark {
  week: string;
  markedAt: Date;
}

/**
 * Marks weeks of a rollup for rebuilding. A mark made again moves its time
 * on, so that a rebuild already reading the week's rows leaves it in place,
 * and keeps the time it was first made.
 * Rows are written in week order, as {@link clearMarks} deletes them, so
 * that a write and a rebuild never wait on each other's rows in a cycle.
 */
export async function markWeeks(
  tx: Knex | Knex.Transaction,
  rollup: string,
  weeks: Iterable<string>,
  at: Date,
): Promise<void> {
  const rows = [...new Set(weeks)].sort().map(week => ({
    rollup,
    week,
    marked_at: at,
    first_marked_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await tx(MARKS_TABLE)
      .insert(rows.slice(i, i + 500))
      .onConflict(['rollup', 'week'])
      .merge(['marked_at']);
  }
}

/** When a rollup's pending marks were first made and last made. */
export interface PendingMarks {
  firstMarkedAt: Date;
  lastMarkedAt: Date;
}

/** The span of a rollup's pending marks, or undefined if none wait. */
export async function pendingMarks(
  db: Knex,
  rollup: string,
): Promise<PendingMarks | undefined> {
  const [row] = await db(MARKS_TABLE)
    .where({ rollup })
    .min({ first: db.raw('coalesce(first_marked_at, marked_at)') })
    .max({ last: 'marked_at' });
  return row?.last
    ? {
        firstMarkedAt: toDate(row.first),
        lastMarkedAt: toDate(row.last),
      }
    : undefined;
}

/** The weeks of a rollup waiting to be rebuilt, oldest mark first. */
export async function markedWeeks(
  db: Knex | Knex.Transaction,
  rollup: string,
  limit: number,
): Promise<RollupMark[]> {
  const rows = await db(MARKS_TABLE)
    .where({ rollup })
    .orderBy('marked_at')
    .limit(limit)
    .select('week', 'marked_at');
  return rows.map(row => ({
    week: row.week,
    markedAt: new Date(row.marked_at),
  }));
}

/** Rebuilds some weeks' rollups. */
export type RebuildWeeks = (
  weeks: string[],
  marks: RollupMark[],
) => Promise<void>;

/**
 * Rebuilds the given weeks now, a chunk per transaction, each clearing
 * the marks of its weeks.
 */
export async function rebuildWeeksNow(
  db: Knex,
  rollup: string,
  weeks: string[],
  chunkSize: number,
  rebuild: RebuildWeeks,
): Promise<void> {
  for (let i = 0; i < weeks.length; i += chunkSize) {
    const chunk = weeks.slice(i, i + chunkSize);
    const rows = await db(MARKS_TABLE)
      .where({ rollup })
      .whereIn('week', chunk)
      .select('week', 'marked_at');
    await rebuild(
      chunk,
      rows.map(row => ({ week: row.week, markedAt: new Date(row.marked_at) })),
    );
  }
}

/** Rebuilds up to `limit` marked weeks, oldest mark first; how many. */
export async function rebuildMarkedWeeks(
  db: Knex,
  rollup: string,
  limit: number,
  chunkSize: number,
  rebuild: RebuildWeeks,
): Promise<number> {
  const marks = await markedWeeks(db, rollup, limit);
  for (let i = 0; i < marks.length; i += chunkSize) {
    const chunk = marks.slice(i, i + chunkSize);
    await rebuild(
      chunk.map(mark => mark.week),
      chunk,
    );
  }
  return marks.length;
}

/**
 * Clears the marks a rebuild read, unless they were made again since; in
 * week order, as {@link markWeeks} writes them.
 */
export async function clearMarks(
  tx: Knex.Transaction,
  rollup: string,
  marks: RollupMark[],
): Promise<void> {
  const inOrder = [...marks].sort((a, b) => a.week.localeCompare(b.week));
  for (const mark of inOrder) {
    await tx(MARKS_TABLE)
      .where({ rollup, week: mark.week })
      .where('marked_at', '<=', mark.markedAt)
      .delete();
  }
}
