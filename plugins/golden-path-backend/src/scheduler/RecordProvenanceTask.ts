import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Provenance,
  readProvenance,
} from '@golden-path/plugin-golden-path-common';
import { ProvenanceResolver } from '@golden-path/plugin-golden-path-node';
import { randomUUID } from 'node:crypto';
import {
  EntityProvenanceRecord,
  ProvenanceStore,
} from '../database/ProvenanceStore';

// Catalog page size: a page of full entities stays within a few MB of memory
// and is written as one transaction.
const PAGE_SIZE = 200;

/** The kinds whose provenance the pass records. */
export const RECORDED_KINDS = ['component'];

/**
 * A pass over the catalog recording, for each Component, the template it came
 * from. Pages through the catalog with service credentials, writes each page
 * in one transaction, and only once every page is written removes the records
 * of entities that left the catalog: a pass that dies half way leaves the
 * previous records readable, and the next pass completes the job.
 */
export class RecordProvenanceTask {
  static readonly id = 'golden-path-record-provenance';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { minutes: 30 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 30 },
  };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: ProvenanceStore;
      resolvers: ProvenanceResolver[];
      logger: LoggerService;
    },
  ) {}

  async run(
    signal?: AbortSignal,
  ): Promise<{ recorded: number; removed: number }> {
    const { catalog, auth, store } = this.options;
    const runId = randomUUID();
    const logger = this.options.logger.child({ runId });
    const credentials = await auth.getOwnServiceCredentials();
    let cursor: string | undefined;
    let recorded = 0;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : { filter: { kind: RECORDED_KINDS }, limit: PAGE_SIZE },
        { credentials },
      );
      const evaluatedAt = new Date();
      const records: EntityProvenanceRecord[] = [];
      for (const entity of page.items) {
        records.push({
          entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
          provenance: (await this.resolve(entity, logger)) ?? null,
          evaluatedAt,
        });
      }
      if (signal?.aborted) {
        throw new Error(
          `Provenance pass ${runId} aborted after ${recorded} entities`,
        );
      }
      await store.writeBatch(runId, records);
      recorded += records.length;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    const removed = await store.removeRecordsNotFromRun(runId);
    logger.info(
      `Recorded the provenance of ${recorded} entities, removed ${removed} that left the catalog`,
    );
    return { recorded, removed };
  }

  private async resolve(
    entity: Entity,
    logger: LoggerService,
  ): Promise<Provenance | undefined> {
    const own = readProvenance(entity);
    if (own) {
      return own;
    }
    for (const resolver of this.options.resolvers) {
      try {
        const provenance = await resolver.resolve(entity);
        if (provenance) {
          return provenance;
        }
      } catch (error) {
        // One broken resolver must not stop the pass: it only loses its say.
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
}
