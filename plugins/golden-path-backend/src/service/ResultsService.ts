import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityResultsResponse,
  PathsResponse,
} from '@golden-path/plugin-golden-path-common';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ExemptionStore } from '../database/ExemptionStore';
import { ResultsStore } from '../database/ResultsStore';
import { EVALUATED_KINDS } from '../scheduler/ScoringTask';
import {
  emptyEntityResultsResponse,
  toEntityResultsResponse,
  toPathsResponse,
} from './responses';

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
      entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
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
}
