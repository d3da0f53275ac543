import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { EntityProvenanceRecord, ProvenanceStore } from './ProvenanceStore';
import { DbEntityProvenanceRow, PROVENANCE_TABLE } from './tables';

const migrationsDir = resolvePackagePath(
  '@golden-path/plugin-golden-path-backend',
  'migrations',
);

// Keeps each INSERT well under SQLite's 999 bound parameters (7 per row)
// while still writing a catalog page in a handful of statements.
const BATCH_SIZE = 100;

/** Runs the plugin's migrations on the given connection. */
export async function applyMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}

// SQLite hands timestamps back as epoch milliseconds or strings, PostgreSQL
// and MySQL as Date objects.
function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

function toRow(
  runId: string,
  record: EntityProvenanceRecord,
): DbEntityProvenanceRow {
  return {
    entity_ref: record.entityRef,
    template_ref: record.provenance?.templateRef ?? null,
    template_version: record.provenance?.templateVersion ?? null,
    golden_path_id: record.provenance?.goldenPathId ?? null,
    source: record.provenance?.source ?? null,
    run_id: runId,
    evaluated_at: record.evaluatedAt,
  };
}

function fromRow(row: DbEntityProvenanceRow): EntityProvenanceRecord {
  return {
    entityRef: row.entity_ref,
    provenance:
      row.template_ref === null
        ? null
        : {
            templateRef: row.template_ref,
            source: row.source ?? 'unknown',
            ...(row.template_version
              ? { templateVersion: row.template_version }
              : {}),
            ...(row.golden_path_id ? { goldenPathId: row.golden_path_id } : {}),
          },
    evaluatedAt: toDate(row.evaluated_at),
  };
}

/** {@link ProvenanceStore} on the plugin's Knex database. */
export class DatabaseProvenanceStore implements ProvenanceStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseProvenanceStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await applyMigrations(knex);
    }
    return new DatabaseProvenanceStore(knex);
  }

  private constructor(private readonly db: Knex) {}

  async writeBatch(
    runId: string,
    records: EntityProvenanceRecord[],
  ): Promise<void> {
    if (records.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (let i = 0; i < records.length; i += BATCH_SIZE) {
        await tx<DbEntityProvenanceRow>(PROVENANCE_TABLE)
          .insert(
            records
              .slice(i, i + BATCH_SIZE)
              .map(record => toRow(runId, record)),
          )
          .onConflict('entity_ref')
          .merge();
      }
    });
  }

  async removeRecordsNotFromRun(runId: string): Promise<number> {
    return this.db<DbEntityProvenanceRow>(PROVENANCE_TABLE)
      .whereNot('run_id', runId)
      .delete();
  }

  async get(entityRef: string): Promise<EntityProvenanceRecord | undefined> {
    const row = await this.db<DbEntityProvenanceRow>(PROVENANCE_TABLE)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first();
    return row ? fromRow(row) : undefined;
  }
}
