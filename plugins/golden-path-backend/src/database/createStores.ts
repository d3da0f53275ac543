import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';
import { DatabasePushedFactsStore } from './DatabasePushedFactsStore';
import { DatabaseResultsStore } from './DatabaseResultsStore';
import { DatabaseTemplateRunStore } from './DatabaseTemplateRunStore';
import { DatabaseSurveyStore } from './DatabaseSurveyStore';
import { DatabaseTicketStore } from './DatabaseTicketStore';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';
import { DatabaseUsageStore } from './DatabaseUsageStore';

const migrationsDir = resolvePackagePath(
  '@golden-path/plugin-golden-path-backend',
  'migrations',
);

// Replicas starting together on an empty database race to create knex's
// own migration tables (the loser sees them exist), then for knex's
// migration lock (the loser is refused it while the winner migrates).
// Both retry until the winner is done, when there is nothing left to run;
// a lock still held after a minute is a crashed run, which knex names.
const MIGRATION_WAIT_MS = 60_000;
const MIGRATION_RETRY_MS = 500;

function isReplicaRace(error: unknown): boolean {
  const { code, message, name } = error as {
    code?: string;
    message?: string;
    name?: string;
  };
  if (name === 'MigrationLocked') {
    return true;
  }
  // PostgreSQL names the table (42P07), its row type (42710) or the
  // catalog's unique index (23505), depending on where the race is lost.
  return (
    ['42P07', '42710', '23505', 'ER_TABLE_EXISTS_ERROR'].includes(code ?? '') &&
    /knex_migrations/.test(message ?? '')
  );
}

/** Runs the plugin's migrations on the given connection. */
export async function applyMigrations(knex: Knex): Promise<void> {
  const giveUpAt = Date.now() + MIGRATION_WAIT_MS;
  for (;;) {
    try {
      await knex.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (!isReplicaRace(error) || Date.now() >= giveUpAt) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, MIGRATION_RETRY_MS));
    }
  }
}

/** Opens the plugin's database, migrated unless told to skip, and its stores. */
export async function createStores(database: DatabaseService) {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await applyMigrations(knex);
  }
  return {
    results: new DatabaseResultsStore(knex),
    exemptions: new DatabaseExemptionStore(knex),
    pushedFacts: new DatabasePushedFactsStore(knex),
    templateRuns: new DatabaseTemplateRunStore(knex),
    surveys: new DatabaseSurveyStore(knex),
    tickets: new DatabaseTicketStore(knex),
    deployments: new DatabaseDeploymentStore(knex),
    usage: new DatabaseUsageStore(knex),
  };
}
