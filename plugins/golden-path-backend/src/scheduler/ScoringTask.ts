import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FactProvider,
  ProvenanceResolver,
} from '@golden-path/plugin-golden-path-node';
import { randomUUID } from 'node:crypto';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { EntityResultRecord, ResultsStore } from '../database/ResultsStore';
import { collectFacts } from '../scoring/collectFacts';
import { compilePaths, evaluateEntity } from '../scoring/evaluateEntity';
import { resolveProvenance } from '../scoring/resolveProvenance';
import { SnapshotAccumulator } from '../scoring/SnapshotAccumulator';

// Catalog page size: a page of full entities stays within a few MB of memory
// and is written as one transaction.
const PAGE_SIZE = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The kinds the scoring run evaluates. */
export const EVALUATED_KINDS = ['component'];

function ownerRefOf(entity: Entity): string | null {
  const owner =
    entity.relations?.find(r => r.type === 'ownedBy')?.targetRef ??
    entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) {
    return null;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return null;
  }
}

/**
 * A scoring run: streams the catalog page by page, evaluates every entity
 * against the golden paths, writes each page in one transaction, and only
 * once every page is written removes the results of entities that left the
 * catalog and writes the day's aggregates. A run that dies half way leaves
 * the previous results readable; the next run completes the job.
 */
export class ScoringTask {
  static readonly id = 'golden-path-scoring';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { minutes: 30 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 30 },
  };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: ResultsStore;
      settings: GoldenPathSettings;
      factProviders: FactProvider[];
      provenanceResolvers: ProvenanceResolver[];
      logger: LoggerService;
    },
  ) {}

  async run(
    signal?: AbortSignal,
  ): Promise<{ evaluated: number; removed: number }> {
    const {
      catalog,
      auth,
      store,
      settings,
      factProviders,
      provenanceResolvers,
    } = this.options;
    const runId = randomUUID();
    const logger = this.options.logger.child({ runId });
    const started = new Date();
    const paths = compilePaths(settings.paths);
    const snapshots = new SnapshotAccumulator();
    const credentials = await auth.getOwnServiceCredentials();
    let cursor: string | undefined;
    let evaluated = 0;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : { filter: { kind: EVALUATED_KINDS }, limit: PAGE_SIZE },
        { credentials },
      );
      const { facts } = await collectFacts(factProviders, page.items, logger);
      const now = new Date();
      const records: EntityResultRecord[] = [];
      for (const entity of page.items) {
        const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
        const provenance = await resolveProvenance(
          entity,
          provenanceResolvers,
          logger,
        );
        const entityFacts = facts.get(entityRef) ?? {};
        const result = evaluateEntity({
          entity,
          provenance,
          facts: entityFacts,
          paths,
          levels: settings.levels,
          now,
        });
        const ownerRef = ownerRefOf(entity);
        snapshots.add({
          ownerRef,
          eligibleFor: result.eligibleFor,
          pathId: result.pathId,
          score: result.summary.score,
          level: result.summary.level,
        });
        records.push({
          entityRef,
          ownerRef,
          eligible: result.eligibleFor.length > 0 || result.pathId !== null,
          pathId: result.pathId,
          provenance: provenance ?? null,
          drift: result.drift,
          score: result.summary.score,
          coverage: result.summary.coverage,
          level: result.summary.level,
          checks: result.checks,
          unavailableSources: result.unavailableSources,
          evaluatedAt: now,
        });
      }
      if (signal?.aborted) {
        throw new Error(
          `Scoring run ${runId} aborted after ${evaluated} entities`,
        );
      }
      await store.writeBatch(runId, records);
      evaluated += records.length;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);

    const removed = await store.removeRecordsNotFromRun(runId);
    const day = started.toISOString().slice(0, 10);
    await store.replaceDaySnapshots(day, snapshots.records(day, new Date()));
    const oldest = new Date(
      started.getTime() - settings.historyRetentionDays * DAY_MS,
    )
      .toISOString()
      .slice(0, 10);
    const expired = await store.removeSnapshotsBefore(oldest);
    logger.info(
      `Scored ${evaluated} entities in ${
        Date.now() - started.getTime()
      } ms; removed ${removed} that left the catalog and ${expired} expired daily aggregates`,
    );
    return { evaluated, removed };
  }
}
