import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityHistoryResponse,
  EntityResultsResponse,
  FeatureUsageResponse,
  GroupRollupResponse,
  PathRatingsResponse,
  PathsResponse,
  PlatformMetricsResponse,
  SurveyAnswers,
  SurveyCampaign,
  SurveyCampaignInput,
  SurveyCommentsResponse,
  SurveyPromptResponse,
  SurveyResultsResponse,
  SurveyTrendResponse,
  TeamMetricsResponse,
  TemplateEntitiesResponse,
  TemplateFiguresResponse,
  TemplateRatingInput,
  TemplateRunStatus,
  TemplateRunsResponse,
  TicketFiguresResponse,
  TicketImportResponse,
} from '@golden-path/plugin-golden-path-common';

/**
 * Which of a template's runs to list, and which page of them.
 *
 * @public
 */
export interface TemplateRunsQuery {
  /** The runner's user entity ref. */
  user?: string;
  status?: TemplateRunStatus;
  /** Runs created at or after this ISO time. */
  from?: string;
  /** Runs created before this ISO time. */
  to?: string;
  /** Page size; the backend defaults to 50 and caps it at 500. */
  limit?: number;
  offset?: number;
}

/**
 * A table of a campaign's results that exports as CSV; `comments` needs
 * the comments permission.
 *
 * @public
 */
export type SurveyExportTable = 'teams' | 'quarters' | 'paths' | 'comments';

/**
 * Which support tickets the figures count.
 *
 * @public
 */
export interface TicketFiguresQuery {
  /** ISO time; the figures count whole ISO weeks from its Monday. */
  from?: string;
  /** ISO time; the backend defaults to now. */
  to?: string;
  /** A group ref: the group and every group below it. */
  group?: string;
  /** A golden path id. */
  path?: string;
}

/**
 * A table of the ticket figures that exports as CSV.
 *
 * @public
 */
export type TicketExportTable =
  | 'weeks'
  | 'teams'
  | 'paths'
  | 'categories'
  | 'labels';

/**
 * A period of whole weeks and a team tree to count in.
 *
 * @public
 */
export interface PeriodQuery {
  /** ISO time; the figures count whole ISO weeks from its Monday. */
  from?: string;
  /** ISO time; the backend defaults to now. */
  to?: string;
  /** A group ref: the group and every group below it. */
  group?: string;
}

/**
 * Which period, team tree and golden path the platform metrics count.
 *
 * @public
 */
export interface PlatformMetricsQuery extends PeriodQuery {
  /** A golden path id. */
  path?: string;
}

/**
 * Reads Golden Path data from the golden-path backend.
 *
 * @public
 */
export interface GoldenPathApi {
  /** The golden-path results the backend recorded for one entity. */
  getEntityResults(ref: CompoundEntityRef): Promise<EntityResultsResponse>;
  /** Re-scores one entity now and returns its new results. */
  refreshEntity(ref: CompoundEntityRef): Promise<EntityResultsResponse>;
  /** One entity's score history, a point per change. */
  getEntityHistory(
    ref: CompoundEntityRef,
    range?: { from?: string; to?: string },
  ): Promise<EntityHistoryResponse>;
  /** A group's standing over it and its nested sub-groups. */
  getGroupRollup(ref: CompoundEntityRef): Promise<GroupRollupResponse>;
  /** A template's run figures over a range; the backend defaults to 90 days. */
  getTemplateFigures(
    ref: CompoundEntityRef,
    range?: { from?: string; to?: string },
  ): Promise<TemplateFiguresResponse>;
  /** A page of a template's runs, newest first. */
  getTemplateRuns(
    ref: CompoundEntityRef,
    query?: TemplateRunsQuery,
  ): Promise<TemplateRunsResponse>;
  /** The catalog entities created from a template, most drifted first. */
  getTemplateEntities(
    ref: CompoundEntityRef,
  ): Promise<TemplateEntitiesResponse>;
  /** The configured golden paths with their adoption. */
  getPaths(): Promise<PathsResponse>;

  /** Every survey campaign, newest first. */
  getSurveyCampaigns(): Promise<{ items: SurveyCampaign[] }>;
  /** One survey campaign. */
  getSurveyCampaign(id: string): Promise<SurveyCampaign>;
  /** Creates a campaign; needs the survey manage permission. */
  createSurveyCampaign(input: SurveyCampaignInput): Promise<SurveyCampaign>;
  /**
   * Replaces a campaign that is not closed; needs the survey manage
   * permission. Once it has responses, its questions and anonymity cannot
   * change (409).
   */
  updateSurveyCampaign(
    id: string,
    input: SurveyCampaignInput,
  ): Promise<SurveyCampaign>;
  /** Deletes a campaign with its responses; needs the manage permission. */
  deleteSurveyCampaign(id: string): Promise<void>;
  /** Closes a campaign now; needs the manage permission. */
  closeSurveyCampaign(id: string): Promise<SurveyCampaign>;
  /** What the in-portal prompt should ask the signed-in user now, if anything. */
  getSurveyPrompt(): Promise<SurveyPromptResponse>;
  /**
   * The signed-in user's answers to a campaign, replacing their earlier
   * ones; `replaced` says whether there were any.
   */
  answerSurveyCampaign(
    id: string,
    answers: SurveyAnswers['answers'],
  ): Promise<{ replaced: boolean }>;
  /** The signed-in user does not want to answer: stop asking, everywhere. */
  dismissSurveyCampaign(id: string): Promise<void>;
  /** A campaign's NPS, breakdowns and ratings, small groups withheld. */
  getSurveyResults(id: string): Promise<SurveyResultsResponse>;
  /** A page of a campaign's comments; needs the comments permission. */
  getSurveyComments(
    id: string,
    page?: { limit?: number; offset?: number },
  ): Promise<SurveyCommentsResponse>;
  /** A table of a campaign's results as CSV text. */
  exportSurveyResults(id: string, table: SurveyExportTable): Promise<string>;
  /** NPS per quarter and per campaign, for everyone or one group's tree. */
  getSurveyTrend(query?: { group?: string }): Promise<SurveyTrendResponse>;
  /** Each golden path's ratings, from template runs and campaigns. */
  getPathRatings(): Promise<PathRatingsResponse>;
  /** The signed-in user rates the golden path of a template run of theirs. */
  ratePath(input: TemplateRatingInput): Promise<{ replaced: boolean }>;
  /** The signed-in user does not want to rate this run. */
  dismissPathRating(taskId: string): Promise<void>;

  /** Support-ticket figures; the backend defaults to the last 13 weeks. */
  getTicketFigures(query?: TicketFiguresQuery): Promise<TicketFiguresResponse>;
  /** A table of the ticket figures as CSV text. */
  exportTicketFigures(
    table: TicketExportTable,
    query?: TicketFiguresQuery,
  ): Promise<string>;
  /**
   * Sends a CSV file of tickets. A dry run previews the rows and their
   * errors; otherwise the file is stored whole or, with any row error, not
   * at all, and the response lists the errors.
   */
  importTickets(
    csv: string,
    options: { source?: string; dryRun: boolean },
  ): Promise<TicketImportResponse>;

  /**
   * The nine platform metrics with their targets, trends and series, the
   * anti-patterns they show, the template funnel and catalog coverage; the
   * backend defaults to the last 13 weeks.
   */
  getPlatformMetrics(
    query?: PlatformMetricsQuery,
  ): Promise<PlatformMetricsResponse>;
  /** Every team's standing in a period, from every source. */
  getTeamMetrics(query?: PeriodQuery): Promise<TeamMetricsResponse>;
  /**
   * Which plugins and pages of the portal are used, by how many teams, and
   * which installed plugins nobody used; the backend defaults to 28 days.
   */
  getFeatureUsage(query?: PeriodQuery): Promise<FeatureUsageResponse>;
}

/**
 * @public
 */
export const goldenPathApiRef = createApiRef<GoldenPathApi>({
  id: 'plugin.golden-path.api',
});
