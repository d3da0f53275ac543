import {
  SurveyAudience,
  SurveyQuestion,
} from '@golden-path/plugin-golden-path-common';

/** A campaign as stored. */
export interface CampaignRecord {
  id: string;
  title: string;
  description?: string;
  questions: SurveyQuestion[];
  audience: SurveyAudience;
  opensAt: Date;
  closesAt: Date;
  anonymous: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
  responses: number;
}

/** The fields an edit may change. */
export type CampaignChanges = Pick<
  CampaignRecord,
  | 'title'
  | 'description'
  | 'questions'
  | 'audience'
  | 'opensAt'
  | 'closesAt'
  | 'anonymous'
  | 'updatedAt'
>;

/** A response to store, already validated against its campaign. */
export interface ResponseRecord {
  campaignId: string;
  respondentKey: string;
  /** Null for anonymous campaigns. */
  userRef: string | null;
  team: string;
  nps: number;
  /** Answers to the other questions, by question id. */
  answers: Record<string, number | string>;
  /** The path-rating answers, for the rating rollup. */
  ratings: Array<{ pathId: string; rating: number }>;
  hasComment: boolean;
  submittedAt: Date;
  quarter: string;
}

/** A rating of the golden path of a template run. */
export interface PathRatingRecord {
  taskId: string;
  userRef: string;
  team: string;
  templateRef: string;
  templateVersion?: string;
  pathId: string;
  rating: number;
  comment?: string;
  ratedAt: Date;
  quarter: string;
}

/** Answer counts of one campaign, team and quarter. */
export interface SurveyRollupRow {
  campaignId: string;
  team: string;
  quarter: string;
  /** `distribution[a]` answers of `a`, 0..10. */
  distribution: number[];
  comments: number;
}

/** Rating counts of one path, origin, template version, team and quarter. */
export interface RatingRollupRow {
  /** `run`, or the campaign id. */
  origin: string;
  pathId: string;
  templateRef: string;
  templateVersion: string;
  team: string;
  quarter: string;
  /** `distribution[r - 1]` ratings of `r`. */
  distribution: number[];
}

/** A stored free-text answer. */
export interface CommentRecord {
  answers: Record<string, number | string>;
  nps: number;
  team: string;
  userRef: string | null;
  submittedAt: Date;
  quarter: string;
}

/** Survey campaigns, their responses and rollups, ratings and dismissals. */
export interface SurveyStore {
  /** A key generated once and shared by every replica. */
  sharedSecret(name: string): Promise<string>;

  createCampaign(campaign: CampaignRecord): Promise<void>;
  /**
   * Applies an edit; `check` runs inside the transaction on the locked
   * current campaign and may throw to refuse it.
   */
  updateCampaign(
    id: string,
    changes: (current: CampaignRecord) => CampaignChanges,
  ): Promise<CampaignRecord>;
  closeCampaign(id: string, at: Date): Promise<CampaignRecord>;
  /** Removes the campaign with its responses, rollups and dismissals. */
  deleteCampaign(id: string): Promise<CampaignRecord | undefined>;
  getCampaign(id: string): Promise<CampaignRecord | undefined>;
  listCampaigns(): Promise<CampaignRecord[]>;
  /** Campaigns open at the instant, closing soonest first. */
  openCampaigns(at: Date): Promise<CampaignRecord[]>;

  /**
   * Stores a response, replacing the respondent's earlier one, and moves
   * the rollups by the difference; refuses (409) a campaign not open at
   * the instant `at`.
   */
  submitResponse(
    response: ResponseRecord,
    at: Date,
  ): Promise<{ replaced: boolean }>;
  /**
   * Stores responses of one campaign in one transaction, each as
   * {@link SurveyStore.submitResponse} would, each checked against the
   * campaign's window at its own instant `at` (`submittedAt` may be
   * coarser).
   */
  importResponses(
    campaignId: string,
    submissions: Array<{ response: ResponseRecord; at: Date }>,
  ): Promise<{ inserted: number; replaced: number }>;
  /** Which of the given (subject, key) pairs were answered or dismissed. */
  answeredOrDismissed(
    pairs: Array<{ subject: string; respondentKey: string }>,
  ): Promise<Set<string>>;
  dismiss(subject: string, respondentKey: string, at: Date): Promise<void>;
  /** Forgets dismissals made before the instant. */
  removeDismissalsBefore(at: Date): Promise<number>;

  surveyRollup(campaignIds?: string[]): Promise<SurveyRollupRow[]>;
  ratingRollup(filter?: { origin?: string }): Promise<RatingRollupRow[]>;
  comments(
    campaignId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: CommentRecord[]; totalItems: number }>;

  /** Stores a rating of a run's path, replacing an earlier one. */
  ratePath(rating: PathRatingRecord): Promise<{ replaced: boolean }>;
  /** Task ids among the given that were rated. */
  ratedTasks(taskIds: string[]): Promise<Set<string>>;
}

/** The prompt subject of a campaign. */
export const campaignSubject = (campaignId: string) => `campaign:${campaignId}`;
/** The prompt subject of a template run's rating. */
export const runSubject = (taskId: string) => `run:${taskId}`;
