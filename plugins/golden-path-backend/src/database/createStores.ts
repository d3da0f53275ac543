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
// own migration tables; the loser sees them exist, and retries once the
// winner holds the migration lock.
const MIGRATION_ATTEMPTS = 5;

function isTableRace(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (
    (code === '42P07' || code === 'ER_TABLE_EXISTS_ERROR' || code === '23505') &&
    /knex_migrations/.test(message ?? '')
  );
}

/** Runs the plugin's migrations on the given connection. */
export async function applyMigrations(knex: Knex): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (!isTableRace(error) || attempt >= MIGRATION_ATTEMPTS) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 250 * attempt));
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
