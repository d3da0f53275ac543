import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityHistoryResponse,
  EntityResultsResponse,
  GroupRollupResponse,
} from '@golden-path/plugin-golden-path-common';

/**
 * Reads Golden Path data from the golden-path backend.
 *
 * @public
 */
export interface GoldenPathApi {
  /** The golden-path results the backend recorded for one entity. */
  getEntityResults(ref: CompoundEntityRef): Promise<EntityResultsResponse>;
  /** Re-scores one entity now and returns its new results. */
  refreshEntity(ref: CompoundEntityRef): Promise<EntityResultsResponse>;
  /** One entity's score history, a point per change. */
  getEntityHistory(
    ref: CompoundEntityRef,
    range?: { from?: string; to?: string },
  ): Promise<EntityHistoryResponse>;
  /** A group's standing over it and its nested sub-groups. */
  getGroupRollup(ref: CompoundEntityRef): Promise<GroupRollupResponse>;
}

/**
 * @public
 */
export const goldenPathApiRef = createApiRef<GoldenPathApi>({
  id: 'plugin.golden-path.api',
});
