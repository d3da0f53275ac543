export const PROVENANCE_TABLE = 'golden_path_entity_provenance';

/** A row of {@link PROVENANCE_TABLE}. */
export interface DbEntityProvenanceRow {
  entity_ref: string;
  template_ref: string | null;
  template_version: string | null;
  golden_path_id: string | null;
  source: string | null;
  run_id: string;
  evaluated_at: Date | string | number;
}
