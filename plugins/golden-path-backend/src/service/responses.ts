import {
  CheckResult,
  EntityHistoryResponse,
  EntityResultsResponse,
  Exemption,
  GoldenPathSummary,
  GroupRollupResponse,
  HistoryResponse,
  meanScore,
  PathsResponse,
} from '@golden-path/plugin-golden-path-common';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import {
  EntityHistoryPoint,
  EntityResultRecord,
  SeriesPoint,
  SnapshotRecord,
} from '../database/ResultsStore';
import { ALL_PATHS } from '../scoring/SnapshotAccumulator';

const ratio = (part: number, whole: number) =>
  whole > 0 ? part / whole : null;

function sumLevels(rows: SnapshotRecord[]): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const row of rows) {
    for (const [level, count] of Object.entries(row.levels)) {
      levels[level] = (levels[level] ?? 0) + count;
    }
  }
  return levels;
}

function latestComputedAt(rows: SnapshotRecord[]): Date | null {
  return rows.reduce<Date | null>(
    (latest, row) =>
      !latest || row.computedAt > latest ? row.computedAt : latest,
    null,
  );
}

const VERDICT_ORDER = { fail: 0, unknown: 1, exempt: 2, pass: 3 };

/**
 * The API view of an entity's stored results, joined with the current check
 * definitions (titles, remediation) from configuration.
 */
export function toEntityResultsResponse(
  record: EntityResultRecord,
  settings: GoldenPathSettings,
  activeExemptions: Exemption[],
): EntityResultsResponse {
  const path = settings.paths.find(p => p.id === record.pathId);
  const checks: CheckResult[] = [];
  for (const { id, verdict, inputs } of record.checks) {
    const definition = path?.checks.find(check => check.id === id);
    if (definition) {
      const { predicate: _predicate, ...shown } = definition;
      const exemption = activeExemptions.find(e => e.checkId === id);
      checks.push({
        ...shown,
        verdict,
        ...(inputs ? { inputs } : {}),
        ...(verdict === 'exempt' && exemption
          ? {
              exemption: {
                id: exemption.id,
                reason: exemption.reason,
                expiresAt: exemption.expiresAt,
                grantedBy: exemption.grantedBy,
              },
            }
          : {}),
      });
    }
  }
  checks.sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]);
  return {
    entityRef: record.entityRef,
    status: 'recorded',
    eligible: record.eligible,
    path: path
      ? {
          id: path.id,
          title: path.title,
          docsUrl: path.docsUrl,
          latestVersion: path.latestVersion,
        }
      : null,
    suggestedPaths: path
      ? []
      : settings.paths
          .filter(p => record.eligibleFor.includes(p.id))
          .map(p => ({
            id: p.id,
            title: p.title,
            docsUrl: p.docsUrl,
            templates: p.templates,
          })),
    provenance: record.provenance,
    drift: record.drift,
    score: record.score,
    coverage: record.coverage,
    level: record.level,
    levels: settings.levels,
    checks,
    unavailableSources: record.unavailableSources,
    evaluatedAt: record.evaluatedAt.toISOString(),
  };
}

/** An entity the scoring run has not seen (yet), or of a kind it skips. */
export function emptyEntityResultsResponse(
  entityRef: string,
  status: 'pending' | 'not-eligible',
  levels: string[],
): EntityResultsResponse {
  return {
    entityRef,
    status,
    eligible: false,
    path: null,
    suggestedPaths: [],
    provenance: null,
    drift: null,
    score: null,
    coverage: null,
    level: null,
    levels,
    checks: [],
    unavailableSources: [],
    evaluatedAt: null,
  };
}

/** Paths with adoption figures summed over owners from the latest day's aggregates. */
export function toPathsResponse(
  snapshots: SnapshotRecord[],
  settings: GoldenPathSettings,
): PathsResponse {
  const sum = (pathId: string) => {
    const rows = snapshots.filter(row => row.pathId === pathId);
    const levels = sumLevels(rows);
    const total = (key: 'eligible' | 'onPath' | 'scored' | 'scoreSum') =>
      rows.reduce((acc, row) => acc + row[key], 0);
    return {
      eligible: total('eligible'),
      onPath: total('onPath'),
      scored: total('scored'),
      scoreSum: total('scoreSum'),
      levels,
    };
  };
  const paths: GoldenPathSummary[] = settings.paths.map(path => {
    const figures = sum(path.id);
    return {
      ...path,
      adoption: {
        eligible: figures.eligible,
        onPath: figures.onPath,
        ratio: ratio(figures.onPath, figures.eligible),
        averageScore: meanScore(figures.scoreSum, figures.scored),
        levels: figures.levels,
      },
    };
  });
  const overall = sum(ALL_PATHS);
  const computedAt = latestComputedAt(snapshots);
  return {
    paths,
    overall: {
      eligible: overall.eligible,
      onPath: overall.onPath,
      ratio: ratio(overall.onPath, overall.eligible),
    },
    computedAt: computedAt ? computedAt.toISOString() : null,
  };
}

/** A group's standing from its owners' latest aggregates and entity results. */
export function toGroupRollupResponse(options: {
  groupRef: string;
  groups: string[];
  snapshots: SnapshotRecord[];
  entities: EntityResultRecord[];
  limit: number;
}): GroupRollupResponse {
  const { groupRef, groups, snapshots, entities, limit } = options;
  const all = snapshots.filter(row => row.pathId === ALL_PATHS);
  const perPath = snapshots.filter(row => row.pathId !== ALL_PATHS);
  const eligible = all.reduce((acc, row) => acc + row.eligible, 0);
  const onPath = all.reduce((acc, row) => acc + row.onPath, 0);
  const computedAt = latestComputedAt(snapshots);
  return {
    groupRef,
    groups,
    adoption: { eligible, onPath, ratio: ratio(onPath, eligible) },
    averageScore: meanScore(
      perPath.reduce((acc, row) => acc + row.scoreSum, 0),
      perPath.reduce((acc, row) => acc + row.scored, 0),
    ),
    levels: sumLevels(perPath),
    entities: entities.slice(0, limit).map(record => ({
      entityRef: record.entityRef,
      ownerRef: record.ownerRef ?? '',
      pathId: record.pathId,
      eligible: record.eligible,
      score: record.score,
      coverage: record.coverage,
      level: record.level,
      drift: record.drift,
    })),
    truncated: entities.length > limit,
    computedAt: computedAt ? computedAt.toISOString() : null,
  };
}

/** A history series from per-day sums. */
export function toHistoryResponse(
  pathId: string,
  groupRef: string | null,
  points: SeriesPoint[],
): HistoryResponse {
  return {
    pathId,
    groupRef,
    points: points.map(point => ({
      day: point.day,
      eligible: point.eligible,
      onPath: point.onPath,
      ratio: ratio(point.onPath, point.eligible),
      averageScore: meanScore(point.scoreSum, point.scored),
    })),
  };
}

/** One entity's history points within a window. */
export function toEntityHistoryResponse(
  entityRef: string,
  window: { from: string; to: string },
  points: EntityHistoryPoint[],
): EntityHistoryResponse {
  return {
    entityRef,
    ...window,
    points: points.map(point => ({
      ...point,
      evaluatedAt: point.evaluatedAt.toISOString(),
    })),
  };
}
