import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  npsFromDistribution,
  PathRatingFigures,
  PathRatingsResponse,
  SurveyCommentsResponse,
  SurveyResultsResponse,
  SurveyTrendResponse,
} from '@golden-path/plugin-golden-path-common';
import { toCsv } from './csv';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { RUN_ORIGIN } from '../database/DatabaseSurveyStore';
import { RatingRollupRow, SurveyStore } from '../database/SurveyStore';
import { groupWithDescendants } from './groupHierarchy';
import { AudienceResolver } from './surveys/AudienceResolver';
import {
  npsBreakdown,
  rowsOfShownTeams,
  sumDistributions,
} from './surveys/breakdown';
import { suppressedRows } from './surveys/suppression';
import { toCampaign } from './surveys/toCampaign';
import { SurveyCampaignService } from './SurveyCampaignService';

/** The tables of a campaign's results that export as CSV. */
export type SurveyExportTable = 'teams' | 'quarters' | 'paths' | 'comments';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function ratingFigures(
  pathId: string,
  title: string,
  distribution: number[],
  minGroupSize: number,
): PathRatingFigures {
  const ratings = sum(distribution);
  const suppressed = ratings > 0 && ratings < minGroupSize;
  return {
    pathId,
    title,
    ratings,
    suppressed,
    ...(suppressed || ratings === 0
      ? {}
      : {
          average:
            distribution.reduce((acc, count, i) => acc + count * (i + 1), 0) /
            ratings,
          distribution,
        }),
  };
}

function sumRatings(rows: RatingRollupRow[]): number[] {
  const totals = [0, 0, 0, 0, 0];
  rows.forEach(row => row.distribution.forEach((c, i) => (totals[i] += c)));
  return totals;
}

/**
 * Survey figures read from the rollups: never from the responses
 * themselves, except the comments, which are paged.
 */
export class SurveyResultsService {
  constructor(
    private readonly deps: {
      store: SurveyStore;
      campaigns: SurveyCampaignService;
      audiences: AudienceResolver;
      catalog: CatalogService;
      settings: GoldenPathSettings;
    },
  ) {}

  private get minGroupSize() {
    return this.deps.settings.surveys.minGroupSize;
  }

  private pathTitle(pathId: string) {
    return this.deps.settings.paths.find(p => p.id === pathId)?.title ?? pathId;
  }

  async results(
    campaignId: string,
    commentsReadable: boolean,
    now = new Date(),
  ): Promise<SurveyResultsResponse> {
    const campaign = await this.deps.campaigns.campaign(campaignId);
    const [rows, ratingRows, audienceSize] = await Promise.all([
      this.deps.store.surveyRollup([campaignId]),
      this.deps.store.ratingRollup({ origin: campaignId }),
      this.deps.audiences.size(campaign.audience).catch(() => undefined),
    ]);
    const min = this.minGroupSize;
    const distribution =
      sumDistributions(
        rows,
        () => 'all',
        r => r.distribution,
      ).get('all') ?? new Array(11).fill(0);
    const responses = sum(distribution);
    const overallSuppressed = responses > 0 && responses < min;
    const teams = npsBreakdown(
      sumDistributions(
        rows,
        r => r.team,
        r => r.distribution,
      ),
      min,
    ).sort((a, b) => b.responses - a.responses || a.key.localeCompare(b.key));
    const quarters = npsBreakdown(
      sumDistributions(
        rows,
        r => r.quarter,
        r => r.distribution,
      ),
      min,
    ).sort((a, b) => a.key.localeCompare(b.key));
    const pathIds = campaign.questions.flatMap(q =>
      q.type === 'path-rating' ? [q.pathId] : [],
    );
    return {
      campaign: toCampaign(campaign, now),
      minGroupSize: min,
      ...(audienceSize !== undefined ? { audienceSize } : {}),
      ...(audienceSize ? { responseRate: responses / audienceSize } : {}),
      overall: overallSuppressed
        ? { responses, suppressed: true }
        : {
            responses,
            suppressed: false,
            nps: npsFromDistribution(distribution),
            distribution,
          },
      teams: teams.map(({ key, ...row }) => ({ team: key, ...row })),
      quarters: quarters.map(({ key, ...row }) => ({ quarter: key, ...row })),
      paths: [...new Set(pathIds)].map(pathId =>
        ratingFigures(
          pathId,
          this.pathTitle(pathId),
          sumRatings(ratingRows.filter(r => r.pathId === pathId)),
          min,
        ),
      ),
      comments: {
        count: sum(rows.map(r => r.comments)),
        readable: commentsReadable,
      },
      computedAt: now.toISOString(),
    };
  }

  async comments(
    campaignId: string,
    page: { limit: number; offset: number },
  ): Promise<SurveyCommentsResponse> {
    const campaign = await this.deps.campaigns.campaign(campaignId);
    const [{ items, totalItems }, rows] = await Promise.all([
      this.deps.store.comments(campaignId, page),
      this.deps.store.surveyRollup([campaignId]),
    ]);
    // An anonymous comment names its team only where the team's results
    // are shown too.
    const shownTeams = new Set(
      npsBreakdown(
        sumDistributions(
          rows,
          r => r.team,
          r => r.distribution,
        ),
        this.minGroupSize,
      )
        .filter(row => !row.suppressed)
        .map(row => row.key),
    );
    const textQuestions = campaign.questions.filter(q => q.type === 'text');
    return {
      totalItems,
      items: items.flatMap(item =>
        textQuestions.flatMap(question => {
          const text = item.answers[question.id];
          if (typeof text !== 'string') {
            return [];
          }
          return [
            {
              text,
              nps: item.nps,
              ...(campaign.anonymous
                ? {
                    when: item.quarter,
                    ...(shownTeams.has(item.team) ? { team: item.team } : {}),
                  }
                : {
                    when: item.submittedAt.toISOString().slice(0, 10),
                    team: item.team,
                    ...(item.userRef ? { userRef: item.userRef } : {}),
                  }),
            },
          ];
        }),
      ),
    };
  }

  /** A table of the results as CSV, with the same suppression. */
  async exportCsv(
    campaignId: string,
    table: SurveyExportTable,
  ): Promise<string> {
    if (table === 'comments') {
      const all = await this.comments(campaignId, {
        limit: 100_000,
        offset: 0,
      });
      return toCsv(
        ['when', 'team', 'nps', 'comment'],
        all.items.map(c => [c.when, c.team ?? '', c.nps, c.text]),
      );
    }
    const results = await this.results(campaignId, false);
    if (table === 'paths') {
      return toCsv(
        ['path', 'title', 'ratings', 'average', 'suppressed'],
        results.paths.map(p => [
          p.pathId,
          p.title,
          p.ratings,
          p.suppressed ? '' : p.average ?? '',
          p.suppressed,
        ]),
      );
    }
    const rows =
      table === 'teams'
        ? results.teams.map(t => ({ key: t.team, ...t }))
        : results.quarters.map(q => ({ key: q.quarter, ...q }));
    return toCsv(
      [
        table === 'teams' ? 'team' : 'quarter',
        'responses',
        'nps',
        'promoters',
        'passives',
        'detractors',
        'suppressed',
      ],
      rows.map(r => [
        r.key,
        r.responses,
        r.nps?.score ?? '',
        r.nps?.promoters ?? '',
        r.nps?.passives ?? '',
        r.nps?.detractors ?? '',
        r.suppressed,
      ]),
    );
  }

  /** NPS per quarter and per campaign, for everyone or one group's tree. */
  async trend(
    group: string | undefined,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<SurveyTrendResponse> {
    const teams = group
      ? new Set(
          await groupWithDescendants(this.deps.catalog, group, credentials),
        )
      : undefined;
    const [campaigns, rows] = await Promise.all([
      this.deps.store.listCampaigns(),
      this.deps.store.surveyRollup(),
    ]);
    const min = this.minGroupSize;
    const kept = teams ? rowsOfShownTeams(rows, teams, min) : rows;
    const quarters = npsBreakdown(
      sumDistributions(
        kept,
        r => r.quarter,
        r => r.distribution,
      ),
      min,
    ).sort((a, b) => a.key.localeCompare(b.key));
    const byCampaign = npsBreakdown(
      sumDistributions(
        kept,
        r => r.campaignId,
        r => r.distribution,
      ),
      min,
    );
    return {
      ...(group ? { group } : {}),
      minGroupSize: min,
      quarters: quarters.map(({ key, ...row }) => ({ quarter: key, ...row })),
      campaigns: campaigns
        .map(campaign => {
          const row = byCampaign.find(r => r.key === campaign.id);
          return {
            id: campaign.id,
            title: campaign.title,
            opensAt: campaign.opensAt.toISOString(),
            closesAt: campaign.closesAt.toISOString(),
            responses: row?.responses ?? 0,
            suppressed: row?.suppressed ?? false,
            ...(row?.nps ? { nps: row.nps } : {}),
          };
        })
        .sort((a, b) => a.opensAt.localeCompare(b.opensAt)),
      computedAt: now.toISOString(),
    };
  }

  /** Each path's ratings, overall and per template version after runs. */
  async pathRatings(now = new Date()): Promise<PathRatingsResponse> {
    const rows = await this.deps.store.ratingRollup();
    const min = this.minGroupSize;
    const pathIds = [
      ...new Set([
        ...this.deps.settings.paths.map(p => p.id),
        ...rows.map(r => r.pathId),
      ]),
    ];
    return {
      minGroupSize: min,
      paths: pathIds.map(pathId => {
        const ofPath = rows.filter(r => r.pathId === pathId);
        const versions = new Map<string, RatingRollupRow[]>();
        for (const row of ofPath.filter(r => r.origin === RUN_ORIGIN)) {
          const key = `${row.templateRef}\n${row.templateVersion}`;
          versions.set(key, [...(versions.get(key) ?? []), row]);
        }
        const versionRows = [...versions.values()].map(group => {
          const distribution = sumRatings(group);
          const figures = ratingFigures(pathId, '', distribution, min);
          return {
            templateRef: group[0].templateRef,
            ...(group[0].templateVersion
              ? { templateVersion: group[0].templateVersion }
              : {}),
            ratings: figures.ratings,
            suppressed: figures.suppressed,
            ...(figures.average !== undefined
              ? { average: figures.average }
              : {}),
          };
        });
        const withheld = suppressedRows(
          versionRows.map(v => v.ratings),
          min,
        );
        return {
          ...ratingFigures(
            pathId,
            this.pathTitle(pathId),
            sumRatings(ofPath),
            min,
          ),
          versions: versionRows.map((v, i) =>
            withheld.has(i)
              ? {
                  templateRef: v.templateRef,
                  ...(v.templateVersion
                    ? { templateVersion: v.templateVersion }
                    : {}),
                  ratings: v.ratings,
                  suppressed: true,
                }
              : v,
          ),
        };
      }),
      computedAt: now.toISOString(),
    };
  }
}
