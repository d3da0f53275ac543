import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import { EntityProvenanceResponse } from '@golden-path/plugin-golden-path-common';

/**
 * Reads Golden Path data from the golden-path backend.
 *
 * @public
 */
export interface GoldenPathApi {
  /** What the backend recorded about one entity's golden-path provenance. */
  getEntityProvenance(
    ref: CompoundEntityRef,
  ): Promise<EntityProvenanceResponse>;
}

/**
 * @public
 */
export const goldenPathApiRef = createApiRef<GoldenPathApi>({
  id: 'plugin.golden-path.api',
});
