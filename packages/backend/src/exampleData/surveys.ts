import {
  npsCategory,
  quarterOf,
  quarterRange,
} from '@golden-path/plugin-golden-path-common';
import { ExampleUser } from './org';
import { Random } from './random';

const DAY = 86_400_000;

/** A campaign and the answers to import into it. */
export interface ExampleCampaign {
  campaign: Record<string, unknown>;
  responses: Array<{
    id: string;
    submittedAt: string;
    team: string;
    answers: Record<string, number | string>;
  }>;
}

const COMMENTS = {
  low: [
    'Builds take forty minutes and fail for reasons I cannot see.',
    'I still open a ticket to get a database. That should be self-service.',
    'The Node template is two major versions behind what we run.',
    'Docs for the deploy pipeline are out of date.',
  ],
  mid: [
    'Templates are good, but the CI setup after that is manual.',
    'Would love preview environments per pull request.',
    'Getting access to production logs takes too long.',
  ],
  high: [
    'Shipped a new service in an afternoon with the golden path. Great.',
    'The scorecard told me exactly what to fix. More of that please.',
    'Support answered within minutes.',
  ],
};

// Mean score per team and quarter: the platform is getting better, and the
// payments teams who were hit by slow builds are catching up.
const TEAM_MOOD: Record<string, number> = {
  'group:default/platform': 8.6,
  'group:default/payments-checkout': 6.4,
  'group:default/payments-ledger': 7.1,
  'group:default/search': 7.8,
};

function score(random: Random, mean: number): number {
  const value = Math.round(mean + (random.next() + random.next() - 1) * 4);
  return Math.max(0, Math.min(10, value));
}

function questions(withRating: boolean) {
  return [
    {
      id: 'nps',
      type: 'nps',
      text: 'How likely are you to recommend the internal platform to a colleague?',
    },
    {
      id: 'fix-first',
      type: 'text',
      text: 'What should the platform team fix first?',
    },
    ...(withRating
      ? [
          {
            id: 'node-path',
            type: 'path-rating',
            text: 'How good is the Node.js service golden path?',
            pathId: 'node-service',
          },
        ]
      : []),
  ];
}

/**
 * Quarterly developer surveys: the two quarters before this one, closed,
 * and this quarter's, open, with most people already answered, but not the
 * guest, so the prompt asks whoever signs in.
 */
export function exampleCampaigns(
  users: ExampleUser[],
  random: Random,
  now: Date,
): ExampleCampaign[] {
  const current = quarterRange(quarterOf(now)).from;
  const quarters = [2, 1].map(back =>
    quarterRange(
      quarterOf(
        new Date(
          Date.UTC(
            current.getUTCFullYear(),
            current.getUTCMonth() - 3 * back,
            15,
          ),
        ),
      ),
    ),
  );
  const campaigns = quarters.map((quarter, i) => ({
    opensAt: new Date(quarter.from.getTime() + 14 * DAY),
    closesAt: new Date(quarter.from.getTime() + 35 * DAY),
    title: `${quarterOf(quarter.from)} developer survey`,
    improvement: i * 0.5,
    share: 0.75,
  }));
  campaigns.push({
    opensAt: new Date(now.getTime() - 10 * DAY),
    closesAt: new Date(now.getTime() + 20 * DAY),
    title: `${quarterOf(now)} developer survey`,
    improvement: 1.1,
    share: 0.6,
  });
  return campaigns.map(({ opensAt, closesAt, title, improvement, share }) => {
    const answering = users.filter(
      u =>
        u.name !== 'guest' &&
        TEAM_MOOD[u.team] !== undefined &&
        random.chance(share),
    );
    const answeredUntil = Math.min(closesAt.getTime(), now.getTime() - DAY);
    return {
      campaign: {
        title,
        description:
          'Ten seconds, once a quarter: how well does the platform serve you? Answers are anonymous.',
        questions: questions(true),
        audience: { type: 'all' },
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        anonymous: true,
      },
      responses: answering.map(user => {
        const nps = score(random, TEAM_MOOD[user.team] + improvement);
        const mood = { detractor: 'low', passive: 'mid', promoter: 'high' }[
          npsCategory(nps)
        ] as keyof typeof COMMENTS;
        const at =
          opensAt.getTime() +
          random.next() * (answeredUntil - opensAt.getTime());
        return {
          id: `${title}:${user.name}`,
          submittedAt: new Date(at).toISOString(),
          team: user.team,
          answers: {
            nps,
            ...(random.chance(0.4)
              ? { 'fix-first': random.pick(COMMENTS[mood]) }
              : {}),
            ...(random.chance(0.7)
              ? { 'node-path': Math.max(1, Math.min(5, Math.round(nps / 2.2))) }
              : {}),
          },
        };
      }),
    };
  });
}
