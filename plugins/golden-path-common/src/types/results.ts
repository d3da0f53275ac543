import type { TemplateDrift } from '../scoring/drift';
import type { CheckVerdict, ScoreSummary } from '../scoring/score';
import type { CheckDefinition, GoldenPathDefinition } from './goldenPath';
import type { Provenance } from './provenance';
import type { JsonValue } from '@backstage/types';

/**
 * One check's outcome on one entity, with what a developer needs to fix it.
 *
 * @public
 */
export interface CheckResult
  extends Pick<
    CheckDefinition,
    'id' | 'title' | 'description' | 'level' | 'weight' | 'remediation'
  > {
  verdict: CheckVerdict;
  /**
   * The values the check's predicate read (`spec.lifecycle`,
   * `facts.catalog.hasDocs`, ...); `null` for absent. Lists longer than ten
   * and objects are given by their size.
   */
  inputs?: Record<string, JsonValue>;
  /** The exemption behind an `exempt` verdict. */
  exemption?: Pick<Exemption, 'id' | 'reason' | 'expiresAt' | 'grantedBy'>;
}

/**
 * An entity's golden-path results, as served by
 * `GET /entities/{kind}/{namespace}/{name}`.
 *
 * @public
 */
export interface EntityResultsResponse {
  entityRef: string;
  /**
   * `recorded` once a scoring run has evaluated the entity; `pending` while
   * it has not; `not-eligible` for kinds the suite does not evaluate.
   */
  status: 'recorded' | 'pending' | 'not-eligible';
  /** Whether some path's `appliesTo` selects the entity (or it is on a path). */
  eligible: boolean;
  /** The path the entity is on; `null` for none. */
  path: Pick<
    GoldenPathDefinition,
    'id' | 'title' | 'docsUrl' | 'latestVersion'
  > | null;
  /**
   * For an entity on no path: the paths that apply to it, with the
   * templates that would put it on one.
   */
  suggestedPaths: Array<
    Pick<GoldenPathDefinition, 'id' | 'title' | 'docsUrl' | 'templates'>
  >;
  /** The template the entity came from; `null` when no source names one. */
  provenance: Provenance | null;
  /** Template version against the path's latest; `null` when on no path. */
  drift: TemplateDrift | null;
  score: ScoreSummary['score'];
  coverage: ScoreSummary['coverage'];
  level: ScoreSummary['level'];
  /** The configured levels, lowest first. */
  levels: string[];
  /** Every check of the path, failing first. */
  checks: CheckResult[];
  /** Fact providers whose facts were unavailable for this entity. */
  unavailableSources: string[];
  /** When the scoring run evaluated it (ISO 8601); `null` unless recorded. */
  evaluatedAt: string | null;
}

/**
 * Adoption of one golden path, from the latest scoring run.
 *
 * @public
 */
export interface PathAdoption {
  /** Entities the path's `appliesTo` selects, plus any on the path. */
  eligible: number;
  onPath: number;
  /** onPath ÷ eligible; `null` when nothing is eligible. */
  ratio: number | null;
  /** Mean score of the path's entities that have one; `null` for none. */
  averageScore: number | null;
  /** Entities per level reached (`none` for no level). */
  levels: Record<string, number>;
}

/**
 * A golden path with its adoption, as served by `GET /paths`.
 *
 * @public
 */
export interface GoldenPathSummary extends GoldenPathDefinition {
  adoption: PathAdoption;
}

/** @public */
export interface PathsResponse {
  paths: GoldenPathSummary[];
  /** All paths together: eligible entities on any path ÷ eligible entities. */
  overall: Pick<PathAdoption, 'eligible' | 'onPath' | 'ratio'>;
  /** When the figures were computed (ISO 8601); `null` before the first run. */
  computedAt: string | null;
}

/**
 * A granted exception to one check for one entity: the check counts as
 * passing until `expiresAt`.
 *
 * @public
 */
export interface Exemption {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  /** ISO 8601. */
  expiresAt: string;
  /** Entity ref of the user who granted it. */
  grantedBy: string;
  /** ISO 8601. */
  grantedAt: string;
}

/** Body of `POST /exemptions`. @public */
export interface CreateExemptionRequest {
  entityRef: string;
  checkId: string;
  reason: string;
  /** ISO 8601, in the future. */
  expiresAt: string;
}

/**
 * A team's golden-path standing, rolled up over its nested sub-groups, as
 * served by `GET /groups/{namespace}/{name}`.
 *
 * @public
 */
export interface GroupRollupResponse {
  groupRef: string;
  /** The group and every group below it, whose entities are counted. */
  groups: string[];
  /** Eligible entities of these groups on any path ÷ eligible entities. */
  adoption: Pick<PathAdoption, 'eligible' | 'onPath' | 'ratio'>;
  /** Mean score of their entities on a path that have one; `null` for none. */
  averageScore: number | null;
  /** Entities on a path per level reached (`none` for no level). */
  levels: Record<string, number>;
  /** Their entities' results, by entity ref. */
  entities: Array<
    Pick<
      EntityResultsResponse,
      'entityRef' | 'eligible' | 'score' | 'coverage' | 'level' | 'drift'
    > & { ownerRef: string; pathId: string | null }
  >;
  /** Whether `entities` was cut at the limit. */
  truncated: boolean;
  /** When the aggregates were computed (ISO 8601); `null` before the first run. */
  computedAt: string | null;
}

/**
 * Daily adoption and average score of one path (or all, `*`), optionally of
 * one group and its sub-groups, as served by `GET /history`.
 *
 * @public
 */
export interface HistoryResponse {
  pathId: string;
  groupRef: string | null;
  points: Array<{
    day: string;
    eligible: number;
    onPath: number;
    ratio: number | null;
    averageScore: number | null;
  }>;
}

/**
 * One entity's score history as served by
 * `GET /entities/{kind}/{namespace}/{name}/history`: a point per change (at
 * most one per day), each holding until the next. The first point may be
 * older than `from`: it is the one in force on that day.
 *
 * @public
 */
export interface EntityHistoryResponse {
  entityRef: string;
  from: string;
  to: string;
  points: Array<{
    day: string;
    pathId: string | null;
    score: number | null;
    coverage: number | null;
    level: string | null;
    /** When the scoring run or refresh that produced it ran (ISO 8601). */
    evaluatedAt: string;
  }>;
}
