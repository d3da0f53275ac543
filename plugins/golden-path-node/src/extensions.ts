import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
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

/**
 * Facts about entities from a system outside the catalog (SonarQube, GitHub,
 * a security scanner, ...). Checks read them as `facts.<id>.<name>`.
 *
 * @public
 */
export interface FactProvider {
  /** The `<id>` in `facts.<id>.<name>`; lower-case letters, digits and dashes. */
  id: string;
  /**
   * Facts for a page of entities, keyed by lower-case entity ref. An entity
   * missing from the result has unknown facts from this provider: checks
   * reading them are `unknown`, neither passed nor failed.
   */
  getFacts(
    entities: Entity[],
    options: { signal: AbortSignal },
  ): Promise<Map<string, JsonObject>>;
  /** How long one page may take before its facts count as unknown. Default 10 s. */
  timeoutMs?: number;
}

/**
 * Lets backend modules add fact providers. Additive: every provider added is
 * asked, each isolated from the others: one that fails or times out leaves
 * its own facts unknown and does not fail the scoring run.
 *
 * @public
 */
export interface GoldenPathFactsExtensionPoint {
  addFactProvider(...providers: FactProvider[]): void;
}

/**
 * @public
 */
export const goldenPathFactsExtensionPoint =
  createExtensionPoint<GoldenPathFactsExtensionPoint>({
    id: 'golden-path.facts',
  });
