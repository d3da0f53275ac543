import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import { EntityResultsResponse } from '@golden-path/plugin-golden-path-common';

/**
 * Reads Golden Path data from the golden-path backend.
 *
 * @public
 */
export interface GoldenPathApi {
  /** The golden-path results the backend recorded for one entity. */
  getEntityResults(ref: CompoundEntityRef): Promise<EntityResultsResponse>;
}

/**
 * @public
 */
export const goldenPathApiRef = createApiRef<GoldenPathApi>({
  id: 'plugin.golden-path.api',
});
