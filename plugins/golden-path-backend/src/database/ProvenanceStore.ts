import { Provenance } from '@golden-path/plugin-golden-path-common';

/**
 * What the catalog pass learned about one entity.
 */
export interface EntityProvenanceRecord {
  /** Lower-case entity ref. */
  entityRef: string;
  /** `null` when no source names a template: the entity is on no path. */
  provenance: Provenance | null;
  evaluatedAt: Date;
}

/**
 * Storage of entity provenance, written by catalog passes and read by the API.
 */
export interface ProvenanceStore {
  /** Inserts or replaces the records, atomically, tagged with the pass. */
  writeBatch(runId: string, records: EntityProvenanceRecord[]): Promise<void>;
  /**
   * Removes every record not written by the given (completed) pass: the
   * entities that left the catalog. Returns how many were removed.
   */
  removeRecordsNotFromRun(runId: string): Promise<number>;
  get(entityRef: string): Promise<EntityProvenanceRecord | undefined>;
}
