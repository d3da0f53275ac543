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

/** Runs the plugin's migrations on the given connection. */
export async function applyMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
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
