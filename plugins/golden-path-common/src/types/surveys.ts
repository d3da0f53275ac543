import type { NpsFigures } from '../metrics/nps';

/**
 * A question of a survey campaign. Every campaign has exactly one `nps`
 * question; `text` and `path-rating` questions are optional extras.
 *
 * @public
 */
export type SurveyQuestion =
  | { id: string; type: 'nps'; text: string }
  | { id: string; type: 'text'; text: string }
  | {
      id: string;
      type: 'path-rating';
      text: string;
      /** The golden path rated 1–5. */
      pathId: string;
    };

/**
 * Who a campaign asks: everyone signed in, or the members of some groups
 * and of their sub-groups.
 *
 * @public
 */
export type SurveyAudience =
  | { type: 'all' }
  | { type: 'groups'; groups: string[] };

/**
 * `scheduled` before it opens, `open` while it takes answers, `closed` after
 * it closes or was closed by hand.
 *
 * @public
 */
export type SurveyCampaignState = 'scheduled' | 'open' | 'closed';

/**
 * What an admin writes to create or replace a campaign.
 *
 * @public
 */
export interface SurveyCampaignInput {
  title: string;
  description?: string;
  questions: SurveyQuestion[];
  audience: SurveyAudience;
  /** ISO 8601 */
  opensAt: string;
  /** ISO 8601; after `opensAt` */
  closesAt: string;
  /** No user ref is stored with an anonymous campaign's answers. */
  anonymous: boolean;
}

/**
 * A survey campaign.
 *
 * @public
 */
export interface SurveyCampaign extends SurveyCampaignInput {
  id: string;
  state: SurveyCampaignState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** When an admin closed it before `closesAt`. */
  closedAt?: string;
  /** Answers received, including replaced ones counted once. */
  responses: number;
}

/**
 * One user's answers to a campaign, keyed by question id: a number for
 * `nps` (0–10) and `path-rating` (1–5), text for `text`.
 *
 * @public
 */
export interface SurveyAnswers {
  answers: Record<string, number | string>;
}

/**
 * What the in-portal prompt should ask the signed-in user now: at most one
 * thing at a time.
 *
 * @public
 */
export type SurveyPrompt =
  | {
      kind: 'campaign';
      campaign: Pick<
        SurveyCampaign,
        'id' | 'title' | 'description' | 'questions' | 'anonymous' | 'closesAt'
      >;
    }
  | {
      kind: 'template-rating';
      run: {
        taskId: string;
        templateRef: string;
        templateVersion?: string;
        pathId: string;
        pathTitle: string;
        finishedAt?: string;
      };
    };

/**
 * `GET /surveys/prompt`
 *
 * @public
 */
export interface SurveyPromptResponse {
  prompt?: SurveyPrompt;
}

/**
 * A breakdown row that may be hidden to keep respondents anonymous.
 *
 * @public
 */
export interface SuppressibleNps {
  responses: number;
  /** Absent when `suppressed`. */
  nps?: NpsFigures;
  /** Fewer responses than the minimum group size: figures withheld. */
  suppressed: boolean;
}

/**
 * Ratings (1–5) of a golden path.
 *
 * @public
 */
export interface PathRatingFigures {
  pathId: string;
  title: string;
  ratings: number;
  /** Absent when suppressed or without ratings. */
  average?: number;
  /** `distribution[r - 1]` ratings of `r`; absent when suppressed. */
  distribution?: number[];
  suppressed: boolean;
}

/**
 * `GET /surveys/{id}/results`
 *
 * @public
 */
export interface SurveyResultsResponse {
  campaign: SurveyCampaign;
  /** Responses below which a breakdown is withheld. */
  minGroupSize: number;
  /** Users in the audience according to the catalog, when it can say. */
  audienceSize?: number;
  /** responses ÷ audienceSize; absent without an audience size. */
  responseRate?: number;
  overall: SuppressibleNps & {
    /** `distribution[a]` answers of `a` (0–10); absent when suppressed. */
    distribution?: number[];
  };
  /** Per team (group ref, or `unassigned`), largest first. */
  teams: Array<SuppressibleNps & { team: string }>;
  /** Per quarter the answers were given in. */
  quarters: Array<SuppressibleNps & { quarter: string }>;
  /** The campaign's path-rating questions. */
  paths: PathRatingFigures[];
  comments: {
    count: number;
    /** Whether the caller holds the comments permission. */
    readable: boolean;
  };
  computedAt: string;
}

/**
 * A free-text answer. An anonymous campaign's comments carry the team only
 * where the team is at least the minimum group size, and the quarter rather
 * than the day.
 *
 * @public
 */
export interface SurveyComment {
  text: string;
  nps: number;
  team?: string;
  /** `YYYY-MM-DD` for identified campaigns, `YYYY-Qn` for anonymous ones. */
  when: string;
  /** Identified campaigns only. */
  userRef?: string;
}

/**
 * `GET /surveys/{id}/comments`
 *
 * @public
 */
export interface SurveyCommentsResponse {
  items: SurveyComment[];
  totalItems: number;
}

/**
 * `GET /surveys/trend`: NPS over time across campaigns.
 *
 * @public
 */
export interface SurveyTrendResponse {
  group?: string;
  minGroupSize: number;
  quarters: Array<SuppressibleNps & { quarter: string }>;
  campaigns: Array<
    SuppressibleNps & {
      id: string;
      title: string;
      opensAt: string;
      closesAt: string;
    }
  >;
  computedAt: string;
}

/**
 * `POST /ratings`: the signed-in user rates the golden path of a template
 * run of theirs.
 *
 * @public
 */
export interface TemplateRatingInput {
  taskId: string;
  /** 1–5 */
  rating: number;
  comment?: string;
}

/**
 * `GET /ratings`: ratings of each golden path, from template runs and from
 * campaigns, per template version.
 *
 * @public
 */
export interface PathRatingsResponse {
  minGroupSize: number;
  paths: Array<
    PathRatingFigures & {
      versions: Array<{
        templateRef: string;
        templateVersion?: string;
        ratings: number;
        average?: number;
        suppressed: boolean;
      }>;
    }
  >;
  computedAt: string;
}
