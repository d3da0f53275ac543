import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  antiPatternsOf,
  DAY_MS,
  median,
  metricStatus,
  MetricPoint,
  npsFromDistribution,
  percentile,
  percentileOfBuckets,
  PLATFORM_METRIC_IDS,
  PLATFORM_METRICS,
  PlatformMetric,
  PlatformMetricId,
  PlatformMetricsResponse,
  TeamMetricsResponse,
  trendOf,
  utcDay,
  weekStart,
} from '@golden-path/plugin-golden-path-common';
import { TeamDirectory } from '../catalog/TeamDirectory';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { DeploymentStore } from '../database/DeploymentStore';
import { ResultsStore } from '../database/ResultsStore';
import { SurveyStore } from '../database/SurveyStore';
import { TemplateRunStore } from '../database/TemplateRunStore';
import { TicketStore } from '../database/TicketStore';
import { UsageStore } from '../database/UsageStore';
import { ALL_PATHS } from '../scoring/SnapshotAccumulator';
import { groupWithDescendants } from './groupHierarchy';
import { weekPeriod, WEEK_MS } from './metrics/period';
import {
  npsBreakdown,
  rowsOfShownTeams,
  sumDistributions,
} from './surveys/breakdown';

/** A metrics request: a period, a team tree, a golden path. */
export interface MetricsQuery {
  from?: string;
  to?: string;
  group?: string;
  path?: string;
}

// The catalog's templates change rarely; their docs are re-read at most
// this often per replica.
const TEMPLATE_DOCS_CACHE_MS = 5 * 60_000;

type Period = ReturnType<typeof weekPeriod>;

/** What one metric measured, before its target and trend are applied. */
interface Measured {
  value?: number;
  previous?: number;
  series: MetricPoint[];
  population: PlatformMetric['population'];
  details?: Record<string, number>;
  sources: string[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function medianOfBuckets(rows: Array<{ bucket: number; count: number }>) {
  return percentileOfBuckets(rows, 50);
}

/**
 * The nine platform metrics for a period, each against its target with
 * its trend, series and population, read from the rollups every source
 * keeps (never from raw rows), plus the anti-patterns they show, the
 * template funnel and catalog coverage.
 */
export class PlatformMetricsService {
  private templateDocs?: { missing: Promise<string[]>; at: number };

  constructor(
    private readonly deps: {
      results: ResultsStore;
      runs: TemplateRunStore;
      surveys: SurveyStore;
      tickets: TicketStore;
      deployments: DeploymentStore;
      usage: UsageStore;
      teams: TeamDirectory;
      catalog: CatalogService;
      auth: AuthService;
      settings: GoldenPathSettings;
    },
  ) {}

  async metrics(
    query: MetricsQuery,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<PlatformMetricsResponse> {
    const { settings } = this.deps;
    const path = query.path
      ? settings.paths.find(p => p.id === query.path)
      : undefined;
    if (query.path && !path) {
      throw new InputError(
        `Invalid query: path: unknown golden path '${query.path}'`,
      );
    }
    const period = weekPeriod(query, now);
    const teams = query.group
      ? await groupWithDescendants(this.deps.catalog, query.group, credentials)
      : undefined;
    const scope = { teams, pathId: query.path, templateRefs: path?.templates };

    const [
      onboardingTime,
      activeTeams,
      adoption,
      developerNps,
      tickets,
      delivery,
      selfService,
      funnel,
      templatesWithoutDocs,
    ] = await Promise.all([
      this.onboardingTime(period, scope),
      this.activeTeams(period, teams),
      this.adoption(period, teams, query.path),
      this.developerNps(period, teams),
      this.tickets(period, scope),
      this.delivery(period, scope),
      this.selfServiceRuns(period, scope),
      this.funnel(period, scope),
      this.templatesWithoutDocs(),
    ]);
    const requestTickets = tickets.requests;
    const runs = selfService.current;
    const measured: Record<PlatformMetricId, Measured> = {
      onboardingTime,
      activeTeams,
      adoption,
      developerNps,
      ticketVolume: tickets.volume,
      timeToResolution: tickets.resolution,
      deploymentFrequency: delivery.frequency,
      leadTime: delivery.leadTime,
      selfServiceRate: {
        value:
          runs + requestTickets > 0
            ? runs / (runs + requestTickets)
            : undefined,
        previous:
          selfService.previous + tickets.previousRequests > 0
            ? selfService.previous /
              (selfService.previous + tickets.previousRequests)
            : undefined,
        series: period.weeks.map((week, i) => {
          const automated = selfService.weekly[i];
          const requests = tickets.requestsByWeek.get(week) ?? 0;
          return {
            period: week,
            ...(automated + requests > 0
              ? { value: automated / (automated + requests) }
              : {}),
          };
        }),
        population: {
          count: runs + requestTickets,
          description: `${runs} template runs and ${requestTickets} request tickets`,
        },
        sources: ['scaffolder', 'tickets'],
      },
    };
    const metrics = PLATFORM_METRIC_IDS.map(id =>
      this.toMetric(id, measured[id]),
    );
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      previous: {
        from: period.previous.from.toISOString(),
        to: period.previous.to.toISOString(),
      },
      ...(query.group ? { group: query.group } : {}),
      ...(query.path ? { pathId: query.path } : {}),
      metrics,
      antiPatterns: antiPatternsOf(metrics, {
        pathsWithoutDocs: settings.paths.filter(p => !p.docsUrl).map(p => p.id),
        templatesWithoutDocs,
        requestTickets,
        templateRuns: runs,
      }),
      funnel,
      catalogCoverage: delivery.coverage,
      computedAt: now.toISOString(),
    };
  }

  /** Every team's standing in the period, from every source. */
  async teams(
    query: Omit<MetricsQuery, 'path'>,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<TeamMetricsResponse> {
    const period = weekPeriod(query, now);
    const scope = query.group
      ? new Set(
          await groupWithDescendants(
            this.deps.catalog,
            query.group,
            credentials,
          ),
        )
      : undefined;
    const slice = { fromWeek: period.weeks[0], toWeek: period.endWeek };
    const end = new Date(period.endWeek);
    const [
      allTeams,
      snapshots,
      ticketCounts,
      ticketDurations,
      deploymentCounts,
      runs,
      activeUsers,
      campaigns,
      surveyRows,
    ] = await Promise.all([
      this.deps.teams.allTeams(),
      this.deps.results.latestSnapshots(),
      this.deps.tickets.counts(slice, 'team'),
      this.deps.tickets.durations(slice, 'team'),
      this.deps.deployments.counts(slice, 'team'),
      this.deps.runs.completedRunsByTeam({ from: period.from, to: end }),
      this.deps.usage.activeUsersByTeam(period.weeks[0], period.endWeek),
      this.deps.surveys.listCampaigns(),
      this.deps.surveys.surveyRollup(),
    ]);
    const latest = campaigns
      .filter(c => c.opensAt < end)
      .sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime())[0];
    const nps = new Map(
      npsBreakdown(
        sumDistributions(
          surveyRows.filter(r => r.campaignId === latest?.id),
          r => r.team,
          r => r.distribution,
        ),
        this.deps.settings.surveys.minGroupSize,
      ).map(row => [row.key, row]),
    );
    const adoption = new Map(
      snapshots.filter(s => s.pathId === ALL_PATHS).map(s => [s.ownerRef, s]),
    );
    const tickets = new Map(ticketCounts.map(row => [row.slice, row]));
    const deployments = new Map(deploymentCounts.map(row => [row.slice, row]));
    const teams = [
      ...new Set([
        ...allTeams,
        ...adoption.keys(),
        ...tickets.keys(),
        ...deployments.keys(),
        ...runs.keys(),
        ...activeUsers.keys(),
      ]),
    ]
      .filter(team => team && (!scope || scope.has(team)))
      .sort();
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      ...(query.group ? { group: query.group } : {}),
      teams: teams.map(team => {
        const a = adoption.get(team);
        const t = tickets.get(team);
        const d = deployments.get(team);
        const n = nps.get(team);
        const resolution = medianOfBuckets(
          ticketDurations.filter(
            r => r.slice === team && r.measure === 'resolution',
          ),
        );
        return {
          team,
          ...(a
            ? {
                adoption: {
                  eligible: a.eligible,
                  onPath: a.onPath,
                  ...(a.scored > 0
                    ? { averageScore: a.scoreSum / a.scored }
                    : {}),
                },
              }
            : {}),
          tickets: {
            opened: t?.opened ?? 0,
            requests: t?.types.request ?? 0,
            ...(resolution !== undefined
              ? { medianResolutionMs: resolution }
              : {}),
          },
          deployments: {
            production: d?.production ?? 0,
            failures: d?.productionFailures ?? 0,
          },
          templateRuns: runs.get(team) ?? 0,
          activeUsers: activeUsers.get(team) ?? 0,
          ...(n?.nps?.score !== undefined ? { nps: n.nps.score } : {}),
          npsResponses: n?.responses ?? 0,
          npsSuppressed: n?.suppressed ?? false,
        };
      }),
      computedAt: now.toISOString(),
    };
  }

  private toMetric(id: PlatformMetricId, m: Measured): PlatformMetric {
    const definition = PLATFORM_METRICS[id];
    const target = this.deps.settings.metricTargets[id];
    const trend = trendOf(m.value, m.previous, definition.better);
    return {
      id,
      title: definition.title,
      definition: definition.definition,
      unit: definition.unit,
      ...(m.value !== undefined ? { value: m.value } : {}),
      target,
      status: metricStatus(m.value, target, trend),
      ...(trend ? { trend } : {}),
      series: m.series,
      population: m.population,
      ...(m.details ? { details: m.details } : {}),
      sources: m.sources,
    };
  }

  private async onboardingTime(
    period: Period,
    scope: { teams?: string[]; pathId?: string },
  ): Promise<Measured> {
    const measure = async (from: Date, to: Date) => {
      const firsts = await this.deps.deployments.firstProductionDeployments(
        from,
        to,
        scope,
      );
      const runs = await this.deps.runs.runsCreating(
        firsts.map(f => f.entityRef),
      );
      return firsts.flatMap(f => {
        const run = runs.get(f.entityRef);
        return run && f.firstProductionAt >= run.finishedAt
          ? [
              {
                at: f.firstProductionAt,
                ms: f.firstProductionAt.getTime() - run.finishedAt.getTime(),
              },
            ]
          : [];
      });
    };
    const end = new Date(period.from.getTime() + period.weeks.length * WEEK_MS);
    const [current, previous] = await Promise.all([
      measure(period.from, end),
      measure(period.previous.from, period.previous.to),
    ]);
    return {
      value: median(current.map(c => c.ms)),
      previous: median(previous.map(c => c.ms)),
      series: period.weeks.map(week => {
        const value = median(
          current.filter(c => weekStart(c.at) === week).map(c => c.ms),
        );
        return { period: week, ...(value !== undefined ? { value } : {}) };
      }),
      population: {
        count: current.length,
        description: `entities created by a template run and first deployed to production in the period`,
      },
      details:
        current.length > 0
          ? {
              p90: percentile(
                current.map(c => c.ms),
                90,
              )!,
            }
          : undefined,
      sources: ['scaffolder', 'deployments'],
    };
  }

  private async activeTeams(
    period: Period,
    teams?: string[],
  ): Promise<Measured> {
    const [all, weekly] = await Promise.all([
      this.deps.teams.allTeams(),
      this.deps.usage.activeByWeek(
        period.previousWeeks[0],
        period.endWeek,
        teams,
      ),
    ]);
    const scoped = teams ? all.filter(t => new Set(teams).has(t)) : all;
    const total = scoped.length;
    const known = new Set(scoped);
    const ratioOf = (week?: string) => {
      const row = weekly.find(w => w.week === week);
      return total > 0 && row
        ? row.teams.filter(t => known.has(t)).length / total
        : undefined;
    };
    const lastWeek = period.weeks[period.weeks.length - 1];
    const previousLast = period.previousWeeks[period.previousWeeks.length - 1];
    const lastRow = weekly.find(w => w.week === lastWeek);
    const activeNow = lastRow
      ? lastRow.teams.filter(t => known.has(t)).length
      : 0;
    return {
      value: weekly.length > 0 && total > 0 ? activeNow / total : undefined,
      previous: ratioOf(previousLast) ?? (weekly.length > 0 ? 0 : undefined),
      series: period.weeks.map(week => {
        const value = ratioOf(week);
        return {
          period: week,
          ...(value !== undefined ? { value } : {}),
        };
      }),
      population: {
        count: activeNow,
        of: total,
        description: `teams with a portal user in the week of ${lastWeek}, of the teams users belong to`,
      },
      details: { activeUsers: lastRow ? lastRow.users : 0 },
      sources: ['portal analytics', 'catalog'],
    };
  }

  private async adoption(
    period: Period,
    teams?: string[],
    pathId?: string,
  ): Promise<Measured> {
    const points = await this.deps.results.snapshotSeries({
      pathId: pathId ?? ALL_PATHS,
      ownerRefs: teams,
      from: utcDay(period.previous.from),
      to: utcDay(new Date(period.endWeek).getTime() - DAY_MS),
    });
    const ratio = (p?: { eligible: number; onPath: number }) =>
      p && p.eligible > 0 ? p.onPath / p.eligible : undefined;
    const lastIn = (from: string, to: string) =>
      points.filter(p => p.day >= from && p.day < to).pop();
    const current = lastIn(period.weeks[0], period.endWeek);
    const previous = lastIn(period.previousWeeks[0], period.weeks[0]);
    return {
      value: ratio(current),
      previous: ratio(previous),
      series: period.weeks.map(week => {
        const value = ratio(lastIn(week, utcDay(Date.parse(week) + WEEK_MS)));
        return { period: week, ...(value !== undefined ? { value } : {}) };
      }),
      population: {
        count: current?.onPath ?? 0,
        of: current?.eligible ?? 0,
        description: current
          ? `eligible entities on a golden path on ${current.day}`
          : 'no scoring run in the period',
      },
      sources: ['catalog', 'scoring runs'],
    };
  }

  private async developerNps(
    period: Period,
    teams?: string[],
  ): Promise<Measured> {
    const [campaigns, rows] = await Promise.all([
      this.deps.surveys.listCampaigns(),
      this.deps.surveys.surveyRollup(),
    ]);
    const min = this.deps.settings.surveys.minGroupSize;
    const end = new Date(period.endWeek);
    const counted = teams ? rowsOfShownTeams(rows, new Set(teams), min) : rows;
    const ofCampaign = (id: string) => {
      const distribution = new Array(11).fill(0);
      for (const row of counted) {
        if (row.campaignId === id) {
          row.distribution.forEach((c, i) => (distribution[i] += c));
        }
      }
      const figures = npsFromDistribution(distribution);
      return figures.responses >= min ? figures : undefined;
    };
    // Per campaign: the latest campaign that opened before the period
    // ended, against the one before it.
    const opened = campaigns
      .filter(c => c.opensAt < end)
      .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
    const latest = opened[opened.length - 1];
    const before = opened[opened.length - 2];
    const current = latest ? ofCampaign(latest.id) : undefined;
    const previous = before ? ofCampaign(before.id) : undefined;
    return {
      value: current?.score,
      previous: previous?.score,
      series: opened.map(c => ({
        period: c.opensAt.toISOString().slice(0, 10),
        ...(ofCampaign(c.id)?.score !== undefined
          ? { value: ofCampaign(c.id)!.score }
          : {}),
      })),
      population: {
        count: current?.responses ?? 0,
        description: latest
          ? `answers to '${latest.title}'${
              teams ? ' from the teams whose own results it shows' : ''
            }${current ? '' : ` (fewer than ${min}: withheld)`}`
          : 'no survey campaign yet',
      },
      sources: ['surveys'],
    };
  }

  private async tickets(
    period: Period,
    scope: { teams?: string[]; pathId?: string },
  ) {
    const slice = (fromWeek: string, toWeek: string) => ({
      fromWeek,
      toWeek,
      ...(scope.teams ? { teams: scope.teams } : {}),
      ...(scope.pathId ? { pathId: scope.pathId } : {}),
    });
    const current = slice(period.weeks[0], period.endWeek);
    const before = slice(period.previousWeeks[0], period.weeks[0]);
    const { tickets } = this.deps;
    const [all, previousAll, byWeek, durations, previousDurations, weekly] =
      await Promise.all([
        tickets.counts(current, 'all'),
        tickets.counts(before, 'all'),
        tickets.counts(current, 'week'),
        tickets.durations(current, 'all'),
        tickets.durations(before, 'all'),
        tickets.durations(current, 'week'),
      ]);
    const weeks = period.weeks.length;
    const resolution = durations.filter(r => r.measure === 'resolution');
    const opened = all[0]?.opened ?? 0;
    const counts = new Map(byWeek.map(row => [row.slice, row]));
    return {
      requests: all[0]?.types.request ?? 0,
      previousRequests: previousAll[0]?.types.request ?? 0,
      requestsByWeek: new Map(byWeek.map(r => [r.slice, r.types.request])),
      volume: {
        value: all.length > 0 ? opened / weeks : undefined,
        previous:
          previousAll.length > 0
            ? (previousAll[0]?.opened ?? 0) / weeks
            : undefined,
        series: period.weeks.map(week => ({
          period: week,
          ...(all.length > 0 ? { value: counts.get(week)?.opened ?? 0 } : {}),
        })),
        population: {
          count: opened,
          description: `tickets opened in ${weeks} weeks`,
        },
        sources: ['tickets'],
      } as Measured,
      resolution: {
        value: medianOfBuckets(resolution),
        previous: medianOfBuckets(
          previousDurations.filter(r => r.measure === 'resolution'),
        ),
        series: period.weeks.map(week => {
          const value = medianOfBuckets(
            weekly.filter(r => r.slice === week && r.measure === 'resolution'),
          );
          return { period: week, ...(value !== undefined ? { value } : {}) };
        }),
        population: {
          count: sum(resolution.map(r => r.count)),
          description: 'tickets resolved in the period',
        },
        details:
          resolution.length > 0
            ? { p90: percentileOfBuckets(resolution, 90)! }
            : undefined,
        sources: ['tickets'],
      } as Measured,
    };
  }

  private async delivery(
    period: Period,
    scope: { teams?: string[]; pathId?: string },
  ) {
    const slice = (fromWeek: string, toWeek: string) => ({
      fromWeek,
      toWeek,
      ...(scope.teams ? { teams: scope.teams } : {}),
      ...(scope.pathId ? { pathId: scope.pathId } : {}),
    });
    const current = slice(period.weeks[0], period.endWeek);
    const before = slice(period.previousWeeks[0], period.weeks[0]);
    const end = new Date(period.endWeek);
    const { deployments } = this.deps;
    const [
      all,
      previousAll,
      byWeek,
      services,
      previousServices,
      leadTimes,
      previousLeadTimes,
      weeklyLeadTimes,
    ] = await Promise.all([
      deployments.counts(current, 'all'),
      deployments.counts(before, 'all'),
      deployments.counts(current, 'week'),
      deployments.deployedServices(period.from, end, scope),
      deployments.deployedServices(period.previous.from, period.from, scope),
      deployments.leadTimes(current, 'all'),
      deployments.leadTimes(before, 'all'),
      deployments.leadTimes(current, 'week'),
    ]);
    const days = period.weeks.length * 7;
    const frequency = (production: number, count: number) =>
      count > 0 ? production / count / days : undefined;
    const weekly = new Map(byWeek.map(row => [row.slice, row]));
    const production = all[0]?.production ?? 0;
    const failures = all[0]?.productionFailures ?? 0;
    return {
      coverage: services,
      frequency: {
        value: frequency(production, services.services),
        previous: frequency(
          previousAll[0]?.production ?? 0,
          previousServices.services,
        ),
        series: period.weeks.map(week => ({
          period: week,
          ...(services.services > 0
            ? {
                value:
                  (weekly.get(week)?.production ?? 0) / services.services / 7,
              }
            : {}),
        })),
        population: {
          count: services.services,
          description: `services deployed to production in the period, ${services.inCatalog} of them in the catalog`,
        },
        details: {
          productionDeployments: production,
          ...(production > 0
            ? { changeFailureRate: failures / production }
            : {}),
        },
        sources: ['deployments'],
      } as Measured,
      leadTime: {
        value: medianOfBuckets(leadTimes),
        previous: medianOfBuckets(previousLeadTimes),
        series: period.weeks.map(week => {
          const value = medianOfBuckets(
            weeklyLeadTimes.filter(r => r.slice === week),
          );
          return { period: week, ...(value !== undefined ? { value } : {}) };
        }),
        population: {
          count: sum(leadTimes.map(r => r.count)),
          description: 'successful production deployments with commit times',
        },
        details:
          leadTimes.length > 0
            ? { p90: percentileOfBuckets(leadTimes, 90)! }
            : undefined,
        sources: ['deployments'],
      } as Measured,
    };
  }

  private async selfServiceRuns(
    period: Period,
    scope: { teams?: string[]; templateRefs?: string[] },
  ) {
    const count = (from: Date, to: Date) =>
      this.deps.runs
        .countRuns({
          from,
          to,
          ...(scope.teams ? { teams: scope.teams } : {}),
          ...(scope.templateRefs ? { templateRefs: scope.templateRefs } : {}),
        })
        .then(c => c.completed);
    const [current, previous, ...weekly] = await Promise.all([
      count(period.from, new Date(period.endWeek)),
      count(period.previous.from, period.from),
      ...period.weeks.map(week =>
        count(new Date(week), new Date(Date.parse(week) + WEEK_MS)),
      ),
    ]);
    return { current, previous, weekly };
  }

  private async funnel(
    period: Period,
    scope: { teams?: string[]; templateRefs?: string[] },
  ) {
    const rows = await this.deps.runs.figureRows({
      from: period.from,
      to: new Date(period.endWeek),
      ...(scope.teams ? { teams: scope.teams } : {}),
      ...(scope.templateRefs ? { templateRefs: scope.templateRefs } : {}),
    });
    const succeeded = rows.filter(r => r.status === 'completed');
    const created = [
      ...new Set(succeeded.flatMap(r => (r.entityRef ? [r.entityRef] : []))),
    ];
    const [inCatalog, deployed] = await Promise.all([
      this.deps.results.existing(created),
      this.deps.deployments.deployedEntities(created),
    ]);
    return {
      runs: rows.length,
      succeeded: succeeded.length,
      inCatalog: inCatalog.size,
      deployed: [...deployed].filter(ref => inCatalog.has(ref)).length,
    };
  }

  private async templatesWithoutDocs(): Promise<string[]> {
    if (
      !this.templateDocs ||
      Date.now() - this.templateDocs.at >= TEMPLATE_DOCS_CACHE_MS
    ) {
      const missing = this.readTemplatesWithoutDocs();
      this.templateDocs = { missing, at: Date.now() };
      missing.catch(() => {
        this.templateDocs = undefined;
      });
    }
    return this.templateDocs.missing;
  }

  private async readTemplatesWithoutDocs(): Promise<string[]> {
    const refs = [
      ...new Set(this.deps.settings.paths.flatMap(p => p.templates)),
    ];
    if (refs.length === 0) {
      return [];
    }
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: ['kind', 'metadata.annotations'] },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return refs.filter(
      (_, i) =>
        items[i] &&
        !items[i]!.metadata?.annotations?.['backstage.io/techdocs-ref'],
    );
  }
}
