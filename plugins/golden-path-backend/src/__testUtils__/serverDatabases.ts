import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The database servers for tests that need one (concurrent transactions,
 * row locks): PostgreSQL and MySQL where their connection strings are set.
 * Tests use them as
 *
 *   const onEachServer = ids.length > 0 ? it.each(ids) : it.skip.each(NONE);
 *
 * so that on a machine with SQLite alone they are reported as skipped
 * rather than failing; CI sets both and fails a run in which no test ran
 * against one of them.
 */
export function serverDatabases() {
  const databases = TestDatabases.create({ ids: ['POSTGRES_17', 'MYSQL_8'] });
  return { databases, ids: databases.eachSupportedId() };
}

/**
 * The row `it.skip.each` reports when no server is configured: never run,
 * it only names the reason in the skipped test's title.
 */
export const NONE = [
  ['no PostgreSQL or MySQL connection string set'],
] as unknown as Array<[TestDatabaseId]>;
