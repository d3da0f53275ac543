// Opens a fresh database for one benchmark process: a SQLite file in a
// temporary directory, or a new PostgreSQL database on the server at
// BENCH_POSTGRES_CONNECTION (default postgresql://postgres@127.0.0.1:5432).
// `close` destroys the connection and removes the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';

export type BenchEngine = 'sqlite' | 'postgres';

export async function openBenchDatabase(
  engine: BenchEngine,
): Promise<{ knex: Knex; close: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'golden-path-bench-'));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, 'bench.sqlite') },
      useNullAsDefault: true,
    });
    return {
      knex,
      close: async () => {
        await knex.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const connection =
    process.env.BENCH_POSTGRES_CONNECTION ??
    'postgresql://postgres@127.0.0.1:5432';
  const admin = knexFactory({ client: 'pg', connection });
  const database = `golden_path_bench_${process.pid}`;
  await admin.raw(`CREATE DATABASE ${database}`);
  const knex = knexFactory({
    client: 'pg',
    connection: `${connection}/${database}`,
    pool: { min: 0, max: 10 },
  });
  return {
    knex,
    close: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE ${database}`);
      await admin.destroy();
    },
  };
}
