import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Provenance,
  readProvenance,
} from '@golden-path/plugin-golden-path-common';
import { ProvenanceResolver } from '@golden-path/plugin-golden-path-node';

/**
 * The entity's provenance from its catalog data, or else from the first
 * resolver a module added that knows it.
 */
export async function resolveProvenance(
  entity: Entity,
  resolvers: ProvenanceResolver[],
  logger: LoggerService,
): Promise<Provenance | undefined> {
  const own = readProvenance(entity);
  if (own) {
    return own;
  }
  for (const resolver of resolvers) {
    try {
      const provenance = await resolver.resolve(entity);
      if (provenance) {
        return provenance;
      }
    } catch (error) {
      // One broken resolver must not stop the run: it only loses its say.
      logger.warn(
        `Provenance resolver ${resolver.id} failed for ${stringifyEntityRef(
          entity,
        )}`,
        error as Error,
      );
    }
  }
  return undefined;
}
