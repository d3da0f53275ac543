import {
  SurveyCampaign,
  SurveyCampaignInput,
  SurveyQuestion,
} from '@golden-path/plugin-golden-path-common';

const DAY_MS = 86_400_000;
// Two weeks: long enough to reach people on leave, short enough to act on.
const DEFAULT_DAYS_OPEN = 14;

export const DEFAULT_NPS_QUESTION =
  'How likely are you to recommend our golden paths to a colleague?';

/** A campaign as the editor holds it: dates as `datetime-local` values. */
export interface CampaignForm {
  title: string;
  description: string;
  /** The NPS question first, then the optional ones. */
  questions: SurveyQuestion[];
  audience: 'all' | 'groups';
  groups: string[];
  opensAt: string;
  closesAt: string;
  anonymous: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value in the browser's time zone. */
export function toLocalDateTime(at: Date | string): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// An unreadable value goes to the backend as typed, which says what is
// wrong with it.
function toIso(local: string): string {
  return Number.isNaN(Date.parse(local))
    ? local
    : new Date(local).toISOString();
}

/** A new campaign: open now for two weeks, to everyone, anonymous. */
export function newCampaignForm(now: Date = new Date()): CampaignForm {
  return {
    title: '',
    description: '',
    questions: [{ id: 'nps', type: 'nps', text: DEFAULT_NPS_QUESTION }],
    audience: 'all',
    groups: [],
    opensAt: toLocalDateTime(now),
    closesAt: toLocalDateTime(
      new Date(now.getTime() + DEFAULT_DAYS_OPEN * DAY_MS),
    ),
    anonymous: true,
  };
}

/** An existing campaign in the editor, its NPS question first. */
export function campaignForm(campaign: SurveyCampaign): CampaignForm {
  return {
    title: campaign.title,
    description: campaign.description ?? '',
    questions: [
      ...campaign.questions.filter(q => q.type === 'nps'),
      ...campaign.questions.filter(q => q.type !== 'nps'),
    ],
    audience: campaign.audience.type,
    groups: campaign.audience.type === 'groups' ? campaign.audience.groups : [],
    opensAt: toLocalDateTime(campaign.opensAt),
    closesAt: toLocalDateTime(campaign.closesAt),
    anonymous: campaign.anonymous,
  };
}

/** What the editor sends; the backend validates it. */
export function campaignInput(form: CampaignForm): SurveyCampaignInput {
  const description = form.description.trim();
  return {
    title: form.title.trim(),
    ...(description ? { description } : {}),
    questions: form.questions,
    audience:
      form.audience === 'all'
        ? { type: 'all' }
        : { type: 'groups', groups: form.groups },
    opensAt: toIso(form.opensAt),
    closesAt: toIso(form.closesAt),
    anonymous: form.anonymous,
  };
}

/** A question id not yet taken, such as `text-2`. */
export function newQuestionId(
  questions: SurveyQuestion[],
  prefix: 'text' | 'path',
): string {
  const taken = new Set(questions.map(q => q.id));
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) {
    n += 1;
  }
  return `${prefix}-${n}`;
}

/** The question a path rating asks unless the admin words it otherwise. */
export function pathRatingQuestion(pathTitle: string): string {
  return `How would you rate the ${pathTitle} golden path?`;
}
