import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  EntityResultsResponse,
  GroupRollupResponse,
  HistoryResponse,
  PathsResponse,
} from '@golden-path/plugin-golden-path-common';
import { groupWithDescendants } from './groupHierarchy';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ExemptionStore } from '../database/ExemptionStore';
import { ResultsStore } from '../database/ResultsStore';
import { EVALUATED_KINDS } from '../scheduler/ScoringTask';
import {
  emptyEntityResultsResponse,
  toEntityResultsResponse,
  toGroupRollupResponse,
  toHistoryResponse,
  toPathsResponse,
} from './responses';
import { DAY_MS } from '../time';

// Entities listed in a group rollup; the aggregates always cover them all.
const GROUP_ENTITY_LIMIT = 1000;
const DEFAULT_HISTORY_DAYS = 90;

/** Reads results for the API and the actions registry alike. */
export class ResultsService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      results: ResultsStore;
      exemptions: ExemptionStore;
      settings: GoldenPathSettings;
    },
  ) {}

  /**
   * Looks the entity up in the catalog as the caller, so that what they may
   * not see there does not exist here either; throws `NotFoundError`.
   */
  async visibleEntity(
    ref: string | CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<{ entityRef: string; kind: string }> {
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    const entityRef = (
      typeof ref === 'string' ? ref : stringifyEntityRef(ref)
    ).toLocaleLowerCase('en-US');
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    return {
      entityRef: entityRefKey(entity),
      kind: entity.kind.toLocaleLowerCase('en-US'),
    };
  }

  async entityResults(entity: {
    entityRef: string;
    kind: string;
  }): Promise<EntityResultsResponse> {
    const { results, exemptions, settings } = this.options;
    if (!EVALUATED_KINDS.includes(entity.kind)) {
      return emptyEntityResultsResponse(entity.entityRef, 'not-eligible');
    }
    const record = await results.get(entity.entityRef);
    if (!record) {
      return emptyEntityResultsResponse(entity.entityRef, 'pending');
    }
    const active = await exemptions.listActive([entity.entityRef], new Date());
    return toEntityResultsResponse(record, settings, active);
  }

  async paths(): Promise<PathsResponse> {
    return toPathsResponse(
      await this.options.results.latestSnapshots(),
      this.options.settings,
    );
  }

  async groupRollup(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<GroupRollupResponse> {
    const { catalog, results } = this.options;
    const groupRef = entityRefKey(ref);
    if (!(await catalog.getEntityByRef(ref, { credentials }))) {
      throw new NotFoundError(`No group '${groupRef}' in the catalog`);
    }
    const groups = await groupWithDescendants(catalog, groupRef, credentials);
    const [snapshots, entities] = await Promise.all([
      results.latestSnapshotsOf(groups),
      results.listByOwners(groups, GROUP_ENTITY_LIMIT + 1),
    ]);
    return toGroupRollupResponse({
      groupRef,
      groups,
      snapshots,
      entities,
      limit: GROUP_ENTITY_LIMIT,
    });
  }

  /** Throws `InputError` naming the parameter for an unknown path or group, or a bad range. */
  async history(
    query: { path: string; group?: string; from?: string; to?: string },
    credentials: BackstageCredentials,
  ): Promise<HistoryResponse> {
    const { catalog, results, settings } = this.options;
    if (query.path !== '*' && !settings.paths.some(p => p.id === query.path)) {
      throw new InputError(
        `Invalid query: path: '${query.path}' is not a configured golden path`,
      );
    }
    let ownerRefs: string[] | undefined;
    if (query.group) {
      if (!(await catalog.getEntityByRef(query.group, { credentials }))) {
        throw new InputError(
          `Invalid query: group: '${query.group}' is not in the catalog`,
        );
      }
      ownerRefs = await groupWithDescendants(catalog, query.group, credentials);
    }
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from =
      query.from ??
      new Date(Date.parse(to) - DEFAULT_HISTORY_DAYS * DAY_MS)
        .toISOString()
        .slice(0, 10);
    if (from > to) {
      throw new InputError('Invalid query: from: must not be after to');
    }
    const points = await results.snapshotSeries({
      pathId: query.path,
      ownerRefs,
      from,
      to,
    });
    return toHistoryResponse(query.path, query.group ?? null, points);
  }
}
