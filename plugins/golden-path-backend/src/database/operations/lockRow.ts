import { Knex } from 'knex';
import { dialectOf } from './dialect';

/**
 * Locks a row until the transaction ends, serializing transactions that
 * lock the same row across every replica. SQLite serializes all writing
 * transactions already, and has no row locks.
 */
export async function lockRow(
  tx: Knex.Transaction,
  table: string,
  where: Record<string, string>,
): Promise<Record<string, unknown> | undefined> {
  const query = tx(table).where(where).first();
  return dialectOf(tx) === 'sqlite' ? query : query.forUpdate();
}
