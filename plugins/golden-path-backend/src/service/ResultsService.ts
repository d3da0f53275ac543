import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  EntityHistoryResponse,
  EntityResultsResponse,
  GroupRollupResponse,
  HistoryResponse,
  PathsResponse,
} from '@golden-path/plugin-golden-path-common';
import { EntityReadAuthorizer } from './EntityReadAuthorizer';
import { groupWithDescendants } from './groupHierarchy';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ExemptionStore } from '../database/ExemptionStore';
import { EntityResultRecord, ResultsStore } from '../database/ResultsStore';
import { EVALUATED_KINDS } from '../scheduler/ScoringTask';
import {
  emptyEntityResultsResponse,
  toEntityHistoryResponse,
  toEntityResultsResponse,
  toGroupRollupResponse,
  toHistoryResponse,
  toPathsResponse,
} from './responses';
import { DAY_MS } from '../time';

// Entities listed in a group rollup; the aggregates always cover them all.
const GROUP_ENTITY_LIMIT = 1000;
const DEFAULT_HISTORY_DAYS = 90;

/**
 * The days a history query covers: up to today, 90 days back by default;
 * throws `InputError` for a reversed range.
 */
function historyWindow(query: { from?: string; to?: string }): {
  from: string;
  to: string;
} {
  const to = query.to ?? new Date().toISOString().slice(0, 10);
  const from =
    query.from ??
    new Date(Date.parse(to) - DEFAULT_HISTORY_DAYS * DAY_MS)
      .toISOString()
      .slice(0, 10);
  if (from > to) {
    throw new InputError('Invalid query: from: must not be after to');
  }
  return { from, to };
}

/** Reads results for the API and the actions registry alike. */
export class ResultsService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      readAuthorizer: EntityReadAuthorizer;
      results: ResultsStore;
      exemptions: ExemptionStore;
      settings: GoldenPathSettings;
    },
  ) {}

  /**
   * One entity's results for a caller who may read the entity in the
   * catalog; throws `NotFoundError` otherwise. A scored entity is checked
   * against the catalog's read permission for its ref, which spares the
   * catalog lookup on the hot path (the entity card); one without results
   * is looked up as the caller, to tell pending from not in the catalog.
   */
  async readableEntityResults(
    ref: string | CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityResultsResponse> {
    const { results, readAuthorizer } = this.options;
    let entityRef: string;
    try {
      entityRef = entityRefKey(ref);
    } catch (error) {
      throw new InputError(`Malformed entity ref: ${(error as Error).message}`);
    }
    // The permission decision and the results in parallel: this is the
    // entity card's request.
    const [record, readable] = await Promise.all([
      results.get(entityRef),
      readAuthorizer.canRead(entityRef, credentials),
    ]);
    if (!record) {
      // Known unscored: only the catalog can tell pending from absent.
      return this.unscored(await this.visibleEntity(ref, credentials));
    }
    if (!readable) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    return this.withExemptions(record);
  }

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
    const record = EVALUATED_KINDS.includes(entity.kind)
      ? await this.options.results.get(entity.entityRef)
      : undefined;
    return record ? this.withExemptions(record) : this.unscored(entity);
  }

  /** An entity without results: of a kind not scored, or not scored yet. */
  private unscored(entity: {
    entityRef: string;
    kind: string;
  }): EntityResultsResponse {
    return emptyEntityResultsResponse(
      entity.entityRef,
      EVALUATED_KINDS.includes(entity.kind) ? 'pending' : 'not-eligible',
      this.options.settings.levels,
    );
  }

  private async withExemptions(
    record: EntityResultRecord,
  ): Promise<EntityResultsResponse> {
    const { exemptions, settings } = this.options;
    // Only exempt verdicts show their exemption: most entities have none,
    // and their read is one query.
    const active = record.checks.some(check => check.verdict === 'exempt')
      ? await exemptions.listActive([record.entityRef], new Date())
      : [];
    return toEntityResultsResponse(record, settings, active);
  }

  /** One entity's score history; throws `InputError` for a reversed range. */
  async entityHistory(
    entity: { entityRef: string },
    query: { from?: string; to?: string },
  ): Promise<EntityHistoryResponse> {
    const window = historyWindow(query);
    const points = await this.options.results.entityHistory({
      entityRef: entity.entityRef,
      ...window,
    });
    return toEntityHistoryResponse(entity.entityRef, window, points);
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
    const points = await results.snapshotSeries({
      pathId: query.path,
      ownerRefs,
      ...historyWindow(query),
    });
    return toHistoryResponse(query.path, query.group ?? null, points);
  }
}
