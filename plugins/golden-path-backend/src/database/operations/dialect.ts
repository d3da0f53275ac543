import { Knex } from 'knex';

/** Which SQL engine a connection talks to. */
export function dialectOf(knex: Knex): 'sqlite' | 'postgres' | 'mysql' {
  const client = String(knex.client.config.client);
  if (client.includes('sqlite')) {
    return 'sqlite';
  }
  return client.includes('mysql') ? 'mysql' : 'postgres';
}
