import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FactProvider,
  ProvenanceResolver,
} from '@golden-path/plugin-golden-path-node';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import { randomUUID } from 'node:crypto';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ExemptionStore } from '../database/ExemptionStore';
import { EntityResultRecord, ResultsStore } from '../database/ResultsStore';
import { collectFacts } from '../scoring/collectFacts';
import {
  CompiledPath,
  compilePaths,
  EntityEvaluation,
  evaluateEntity,
} from '../scoring/evaluateEntity';
import { resolveProvenance } from '../scoring/resolveProvenance';
import { SnapshotAccumulator } from '../scoring/SnapshotAccumulator';
import { ownerRefOf } from '../scoring/ownerRef';
import { findLevelDrops, LevelDrop } from '../scoring/levelDrops';
import { DAY_MS } from '../time';

// Catalog page size: a page of full entities stays within a few MB of memory
// and is written as one transaction.
const PAGE_SIZE = 500;

/** The kinds the scoring run evaluates. */
export const EVALUATED_KINDS = ['component'];

type Evaluated = { record: EntityResultRecord; evaluation: EntityEvaluation };

/**
 * A scoring run: streams the catalog page by page, evaluates every entity
 * against the golden paths, writes each page in one transaction, and only
 * once every page is written removes the results of entities that left the
 * catalog and writes the day's aggregates. A run that dies half way leaves
 * the previous results readable; the next run completes the job. Also
 * re-evaluates one entity on demand.
 */
export class ScoringTask {
  static readonly id = 'golden-path-scoring';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { minutes: 30 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 30 },
  };

  private readonly paths: CompiledPath[];

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: ResultsStore;
      exemptions: ExemptionStore;
      settings: GoldenPathSettings;
      factProviders: FactProvider[];
      provenanceResolvers: ProvenanceResolver[];
      logger: LoggerService;
      /** Told, by the run that saw them, of entities that dropped a level. */
      onLevelDrops?: (drops: LevelDrop[]) => Promise<void>;
    },
  ) {
    this.paths = compilePaths(options.settings.paths);
  }

  async run(
    signal?: AbortSignal,
  ): Promise<{ evaluated: number; removed: number }> {
    const { catalog, auth, store, settings } = this.options;
    const runId = randomUUID();
    const logger = this.options.logger.child({ runId });
    const started = new Date();
    const snapshots = new SnapshotAccumulator();
    const credentials = await auth.getOwnServiceCredentials();
    const fetchPage = (cursor?: string) =>
      catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : { filter: { kind: EVALUATED_KINDS }, limit: PAGE_SIZE },
        { credentials },
      );
    logger.info(`Scoring run ${runId} started`);
    let evaluated = 0;
    let next: ReturnType<typeof fetchPage> | undefined = fetchPage();
    while (next) {
      const page: Awaited<ReturnType<typeof fetchPage>> = await next;
      // The catalog serves the next page while this one is evaluated and
      // written: a run then takes about as long as the slower of the two.
      const cursor = page.pageInfo.nextCursor;
      next = cursor ? fetchPage(cursor) : undefined;
      // A run that stops early must not leave the prefetch unobserved.
      next?.catch(() => {});
      const results = await this.evaluate(page.items, logger);
      for (const { record, evaluation } of results) {
        snapshots.add({
          ownerRef: record.ownerRef,
          eligibleFor: evaluation.eligibleFor,
          pathId: record.pathId,
          score: record.score,
          level: record.level,
        });
      }
      if (signal?.aborted) {
        throw new Error(
          `Scoring run ${runId} aborted after ${evaluated} entities`,
        );
      }
      const records = results.map(r => r.record);
      const previousLevels = await store.writeBatch(runId, records);
      if (this.options.onLevelDrops) {
        await this.reportLevelDrops(previousLevels, records, logger);
      }
      evaluated += results.length;
    }

    const removed = await store.removeRecordsNotFromRun(runId);
    const day = started.toISOString().slice(0, 10);
    await store.replaceDaySnapshots(day, snapshots.records(day, new Date()));
    const oldest = new Date(
      started.getTime() - settings.historyRetentionDays * DAY_MS,
    )
      .toISOString()
      .slice(0, 10);
    const expired = await store.removeSnapshotsBefore(oldest);
    const expiredPoints = await store.removeEntityHistoryBefore(oldest);
    logger.info(
      `Scoring run ${runId}: scored ${evaluated} entities in ${
        Date.now() - started.getTime()
      } ms; removed ${removed} that left the catalog, ${expired} expired daily aggregates and ${expiredPoints} expired history points`,
    );
    return { evaluated, removed };
  }

  /**
   * Re-evaluates one catalog entity now and stores its results; daily
   * aggregates follow at the next run. Returns `false` when the catalog does
   * not have it or it is of a kind the run does not evaluate.
   */
  async refresh(entityRef: string): Promise<boolean> {
    const { catalog, auth, store, logger } = this.options;
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (
      !entity ||
      !EVALUATED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'))
    ) {
      return false;
    }
    const [{ record }] = await this.evaluate([entity], logger);
    await store.writeRefreshed(record);
    return true;
  }

  private async reportLevelDrops(
    previous: Map<string, string | null>,
    records: EntityResultRecord[],
    logger: LoggerService,
  ) {
    const drops = findLevelDrops(
      previous,
      records,
      this.options.settings.levels,
    );
    if (drops.length === 0) {
      return;
    }
    try {
      await this.options.onLevelDrops!(drops);
    } catch (error) {
      // The scores are stored; a notification outage must not fail the run.
      logger.warn(
        `Could not report ${drops.length} level drops: ${
          (error as Error).message
        }`,
      );
    }
  }

  private async evaluate(
    entities: Entity[],
    logger: LoggerService,
  ): Promise<Evaluated[]> {
    const { settings, factProviders, provenanceResolvers, exemptions } =
      this.options;
    const refs = entities.map(entity => entityRefKey(entity));
    const now = new Date();
    const [{ facts }, active] = await Promise.all([
      collectFacts(factProviders, entities, logger),
      exemptions.listActive(refs, now),
    ]);
    const exemptionsByEntity = new Map<string, Map<string, Date>>();
    for (const exemption of active) {
      const byCheck = exemptionsByEntity.get(exemption.entityRef) ?? new Map();
      byCheck.set(exemption.checkId, new Date(exemption.expiresAt));
      exemptionsByEntity.set(exemption.entityRef, byCheck);
    }

    const results: Evaluated[] = [];
    for (const [i, entity] of entities.entries()) {
      const entityRef = refs[i];
      const provenance = await resolveProvenance(
        entity,
        provenanceResolvers,
        logger,
      );
      const evaluation = evaluateEntity({
        entity,
        provenance,
        facts: facts.get(entityRef) ?? {},
        paths: this.paths,
        levels: settings.levels,
        exemptions: exemptionsByEntity.get(entityRef) ?? new Map(),
        now,
      });
      results.push({
        evaluation,
        record: {
          entityRef,
          ownerRef: ownerRefOf(entity),
          eligible:
            evaluation.eligibleFor.length > 0 || evaluation.pathId !== null,
          eligibleFor: evaluation.eligibleFor,
          pathId: evaluation.pathId,
          provenance: provenance ?? null,
          drift: evaluation.drift,
          score: evaluation.summary.score,
          coverage: evaluation.summary.coverage,
          level: evaluation.summary.level,
          checks: evaluation.checks,
          unavailableSources: evaluation.unavailableSources,
          evaluatedAt: now,
        },
      });
    }
    return results;
  }
}
