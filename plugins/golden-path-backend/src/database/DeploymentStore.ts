import { PendingMarks } from './operations/rollupMarks';

/** A deployment's outcome. */
export type DeploymentOutcome = 'success' | 'failure' | 'rolled-back';

/** A deployment as stored, attributed to its entity, team and path. */
export interface DeploymentRecord {
  source: string;
  externalId: string;
  /** The entity ref when the catalog knows the service, else its name. */
  service: string;
  entityRef?: string;
  environment: string;
  production: boolean;
  outcome: DeploymentOutcome;
  deployedAt: Date;
  /** When the source last changed the deployment (its status). */
  updatedAt: Date;
  /** Commit to production, for successful production deployments. */
  leadTimeMs?: number;
  version?: string;
  url?: string;
  team: string;
  pathId?: string;
}

/** Which weeks, teams and path a figure reads. */
export interface DeploymentQuery {
  fromWeek: string;
  toWeek: string;
  teams?: string[];
  pathId?: string;
}

/** Deployments summed over a slice. */
export interface DeploymentCountsRow {
  /** The week or team summed over; '' for all. */
  slice: string;
  production: number;
  productionFailures: number;
  other: number;
}

/** Services that deployed to production in a period. */
export interface DeployedServicesCount {
  services: number;
  /** Of those, services with a catalog entity. */
  inCatalog: number;
}

/** Deployments, their weekly rollups and the services that deployed. */
export interface DeploymentStore {
  /**
   * Upserts a batch atomically by source and id: an update older than the
   * stored one is ignored; the weeks of each stored change are marked for
   * their rollups to be rebuilt.
   */
  upsertDeployments(
    source: string,
    deployments: DeploymentRecord[],
  ): Promise<{
    inserted: number;
    updated: number;
    unchanged: number;
    stale: number;
    /** The weeks whose rollups the stored changes marked for rebuilding. */
    weeks: string[];
  }>;
  /** Rebuilds the rollups of the given weeks from the deployments now. */
  rebuildWeeks(weeks: string[]): Promise<void>;
  /** When the marked weeks waiting to be rebuilt were marked, if any. */
  pendingMarks(): Promise<PendingMarks | undefined>;
  /** Rebuilds up to `limit` marked weeks, oldest mark first; how many. */
  rebuildMarked(limit: number): Promise<number>;
  counts(
    query: DeploymentQuery,
    by: 'week' | 'team' | 'all',
  ): Promise<DeploymentCountsRow[]>;
  /** Lead-time histogram buckets, per week or over all. */
  leadTimes(
    query: DeploymentQuery,
    by: 'week' | 'all',
  ): Promise<Array<{ slice: string; bucket: number; count: number }>>;
  /** Services whose production deployments (any outcome) span into the period. */
  deployedServices(
    from: Date,
    to: Date,
    filter: { teams?: string[]; pathId?: string },
  ): Promise<DeployedServicesCount>;
  /**
   * For entities first deployed to production in the period: when, so that
   * onboarding time can be measured from the template run that created
   * them.
   */
  firstProductionDeployments(
    from: Date,
    to: Date,
    filter: { teams?: string[]; pathId?: string },
  ): Promise<Array<{ entityRef: string; firstProductionAt: Date }>>;
  /** Which of the given entities were ever deployed to production. */
  deployedEntities(entityRefs: string[]): Promise<Set<string>>;
  /** Removes deployments before the instant, and older rollup weeks. */
  removeBefore(deployedBefore: Date): Promise<number>;
}
