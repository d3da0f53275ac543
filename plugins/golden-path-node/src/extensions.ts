import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Provenance } from '@golden-path/plugin-golden-path-common';

/**
 * Tells which template an entity came from, for organisations that record
 * provenance somewhere the built-in readers do not look (a label of their
 * own, an external registry, ...).
 *
 * @public
 */
export interface ProvenanceResolver {
  /** Names the resolver in logs. */
  id: string;
  /**
   * Returns the entity's provenance, or `undefined` when this resolver has
   * nothing to say about it. Consulted only for entities whose catalog data
   * names no template.
   */
  resolve(entity: Entity): Promise<Provenance | undefined>;
}

/**
 * Lets backend modules add provenance resolvers. Additive: every resolver
 * added is consulted, in the order the modules registered them.
 *
 * @public
 */
export interface GoldenPathProvenanceExtensionPoint {
  addProvenanceResolver(...resolvers: ProvenanceResolver[]): void;
}

/**
 * @public
 */
export const goldenPathProvenanceExtensionPoint =
  createExtensionPoint<GoldenPathProvenanceExtensionPoint>({
    id: 'golden-path.provenance',
  });
