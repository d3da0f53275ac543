import { Exemption } from '@golden-path/plugin-golden-path-common';

/** Storage of check exemptions. */
export interface ExemptionStore {
  /**
   * Stores a new exemption. Throws `ConflictError` when the entity already
   * has one for the check.
   */
  create(exemption: Exemption): Promise<void>;
  /** Deletes one; returns it, or `undefined` when there was none. */
  delete(id: string): Promise<Exemption | undefined>;
  /** Every exemption, or one entity's; expired ones included. */
  list(entityRef?: string): Promise<Exemption[]>;
  /** Exemptions in force at `now` for the given entities. */
  listActive(entityRefs: string[], now: Date): Promise<Exemption[]>;
}
