import { Knex } from 'knex';

const MARKS_TABLE = 'golden_path_rollup_marks';

/** A week whose rollups wait to be rebuilt, since when. */
export interface RollupMark {
  week: string;
  markedAt: Date;
}

/**
 * Marks weeks of a rollup for rebuilding. A mark made again moves its time
 * on, so that a rebuild already reading the week's rows leaves it in place.
 */
export async function markWeeks(
  tx: Knex | Knex.Transaction,
  rollup: string,
  weeks: Iterable<string>,
  at: Date,
): Promise<void> {
  const rows = [...new Set(weeks)].map(week => ({
    rollup,
    week,
    marked_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await tx(MARKS_TABLE)
      .insert(rows.slice(i, i + 500))
      .onConflict(['rollup', 'week'])
      .merge(['marked_at']);
  }
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

/** Clears the marks a rebuild read, unless they were made again since. */
export async function clearMarks(
  tx: Knex.Transaction,
  rollup: string,
  marks: RollupMark[],
): Promise<void> {
  for (const mark of marks) {
    await tx(MARKS_TABLE)
      .where({ rollup, week: mark.week })
      .where('marked_at', '<=', mark.markedAt)
      .delete();
  }
}
