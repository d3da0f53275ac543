import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityHistoryResponse,
  EntityResultsResponse,
  GroupRollupResponse,
  TemplateEntitiesResponse,
  TemplateFiguresResponse,
  TemplateRunStatus,
  TemplateRunsResponse,
} from '@golden-path/plugin-golden-path-common';

/**
 * Which of a template's runs to list, and which page of them.
 *
 * @public
 */
export interface TemplateRunsQuery {
  /** The runner's user entity ref. */
  user?: string;
  status?: TemplateRunStatus;
  /** Runs created at or after this ISO time. */
  from?: string;
  /** Runs created before this ISO time. */
  to?: string;
  /** Page size; the backend defaults to 50 and caps it at 500. */
  limit?: number;
  offset?: number;
}

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
  /** A template's run figures over a range; the backend defaults to 90 days. */
  getTemplateFigures(
    ref: CompoundEntityRef,
    range?: { from?: string; to?: string },
  ): Promise<TemplateFiguresResponse>;
  /** A page of a template's runs, newest first. */
  getTemplateRuns(
    ref: CompoundEntityRef,
    query?: TemplateRunsQuery,
  ): Promise<TemplateRunsResponse>;
  /** The catalog entities created from a template, most drifted first. */
  getTemplateEntities(
    ref: CompoundEntityRef,
  ): Promise<TemplateEntitiesResponse>;
}

/**
 * @public
 */
export const goldenPathApiRef = createApiRef<GoldenPathApi>({
  id: 'plugin.golden-path.api',
});
