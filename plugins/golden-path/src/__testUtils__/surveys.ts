import { Entity } from '@backstage/catalog-model';
import {
  PathsResponse,
  SurveyCampaign,
  SurveyCommentsResponse,
  SurveyResultsResponse,
  SurveyTrendResponse,
} from '@golden-path/plugin-golden-path-common';

const nps = { id: 'nps', type: 'nps' as const, text: 'Recommend?' };

/** Open, to everyone, anonymous, with 42 responses. */
export const openCampaign: SurveyCampaign = {
  id: 'c1',
  title: 'Developer experience, Q4 2026',
  description: 'Tell us how the golden paths serve you.',
  state: 'open',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      text: 'How likely are you to recommend our golden paths to a colleague?',
    },
    { id: 'text-1', type: 'text', text: 'What should we improve first?' },
    {
      id: 'path-1',
      type: 'path-rating',
      text: 'How would you rate the Node.js service golden path?',
      pathId: 'node-service',
    },
  ],
  audience: { type: 'all' },
  opensAt: '2026-11-02T09:00:00.000Z',
  closesAt: '2026-11-30T17:00:00.000Z',
  anonymous: true,
  createdBy: 'user:default/ada',
  createdAt: '2026-10-28T10:00:00.000Z',
  updatedAt: '2026-10-28T10:00:00.000Z',
  responses: 42,
};

/** Closed early, asked two teams by name, with 3 responses. */
export const closedCampaign: SurveyCampaign = {
  id: 'c2',
  title: 'Onboarding pilot',
  state: 'closed',
  questions: [nps],
  audience: {
    type: 'groups',
    groups: ['group:default/payments', 'group:default/checkout'],
  },
  opensAt: '2026-09-01T09:00:00.000Z',
  closesAt: '2026-09-30T17:00:00.000Z',
  closedAt: '2026-09-20T12:00:00.000Z',
  anonymous: false,
  createdBy: 'user:default/ada',
  createdAt: '2026-08-28T10:00:00.000Z',
  updatedAt: '2026-09-20T12:00:00.000Z',
  responses: 3,
};

/** Opens next year; nobody answered. */
export const scheduledCampaign: SurveyCampaign = {
  id: 'c3',
  title: 'Pulse, Q1 2027',
  state: 'scheduled',
  questions: [nps],
  audience: { type: 'all' },
  opensAt: '2027-01-11T09:00:00.000Z',
  closesAt: '2027-01-25T17:00:00.000Z',
  anonymous: true,
  createdBy: 'user:default/ada',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  responses: 0,
};

/** Q3 withheld; the closed pilot too small to show. */
export const trend: SurveyTrendResponse = {
  minGroupSize: 5,
  quarters: [
    {
      quarter: '2026-Q2',
      responses: 20,
      suppressed: false,
      nps: {
        responses: 20,
        promoters: 8,
        passives: 6,
        detractors: 6,
        score: 10,
      },
    },
    { quarter: '2026-Q3', responses: 3, suppressed: true },
    {
      quarter: '2026-Q4',
      responses: 42,
      suppressed: false,
      nps: {
        responses: 42,
        promoters: 20,
        passives: 14,
        detractors: 8,
        score: (12 / 42) * 100,
      },
    },
  ],
  campaigns: [
    {
      id: 'c2',
      title: closedCampaign.title,
      opensAt: closedCampaign.opensAt,
      closesAt: closedCampaign.closesAt,
      responses: 3,
      suppressed: true,
    },
    {
      id: 'c1',
      title: openCampaign.title,
      opensAt: openCampaign.opensAt,
      closesAt: openCampaign.closesAt,
      responses: 42,
      suppressed: false,
      nps: {
        responses: 42,
        promoters: 20,
        passives: 14,
        detractors: 8,
        score: (12 / 42) * 100,
      },
    },
    {
      id: 'c3',
      title: scheduledCampaign.title,
      opensAt: scheduledCampaign.opensAt,
      closesAt: scheduledCampaign.closesAt,
      responses: 0,
      suppressed: false,
    },
  ],
  computedAt: '2026-11-24T08:00:00.000Z',
};

/**
 * The open campaign's results: payments shown; platform and unassigned
 * below five, so checkout is withheld too.
 */
export const results: SurveyResultsResponse = {
  campaign: openCampaign,
  minGroupSize: 5,
  audienceSize: 120,
  responseRate: 42 / 120,
  overall: {
    responses: 42,
    suppressed: false,
    nps: {
      responses: 42,
      promoters: 20,
      passives: 14,
      detractors: 8,
      score: (12 / 42) * 100,
    },
    distribution: [0, 0, 1, 1, 1, 2, 3, 6, 8, 12, 8],
  },
  teams: [
    {
      team: 'group:default/payments',
      responses: 30,
      suppressed: false,
      nps: {
        responses: 30,
        promoters: 16,
        passives: 10,
        detractors: 4,
        score: 40,
      },
    },
    { team: 'group:default/checkout', responses: 8, suppressed: true },
    { team: 'group:default/platform', responses: 3, suppressed: true },
    { team: 'unassigned', responses: 1, suppressed: true },
  ],
  quarters: [
    {
      quarter: '2026-Q4',
      responses: 42,
      suppressed: false,
      nps: {
        responses: 42,
        promoters: 20,
        passives: 14,
        detractors: 8,
        score: (12 / 42) * 100,
      },
    },
  ],
  paths: [
    {
      pathId: 'node-service',
      title: 'Node.js service',
      ratings: 12,
      average: 51 / 12,
      distribution: [0, 1, 1, 4, 6],
      suppressed: false,
    },
    {
      pathId: 'static-site',
      title: 'Static site',
      ratings: 2,
      suppressed: true,
    },
  ],
  comments: { count: 2, readable: true },
  computedAt: '2026-11-24T08:00:00.000Z',
};

export const comments: SurveyCommentsResponse = {
  items: [
    {
      text: 'Faster CI, please',
      nps: 6,
      team: 'group:default/payments',
      when: '2026-Q4',
    },
    { text: 'The templates save me days', nps: 10, when: '2026-Q4' },
  ],
  totalItems: 2,
};

export const paths: PathsResponse = {
  paths: [
    {
      id: 'node-service',
      title: 'Node.js service',
      templates: ['template:default/node-service'],
      appliesTo: {},
      checks: [],
      adoption: {
        eligible: 10,
        onPath: 8,
        ratio: 0.8,
        averageScore: 90,
        levels: {},
      },
    },
    {
      id: 'static-site',
      title: 'Static site',
      templates: ['template:default/static-site'],
      appliesTo: {},
      checks: [],
      adoption: {
        eligible: 4,
        onPath: 1,
        ratio: 0.25,
        averageScore: 70,
        levels: {},
      },
    },
  ],
  overall: { eligible: 14, onPath: 9, ratio: 9 / 14 },
  computedAt: '2026-11-24T08:00:00.000Z',
};

/** The catalog's groups. */
export const groups: Entity[] = ['payments', 'checkout', 'platform'].map(
  name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title: `Team ${name}` },
    spec: { type: 'team', children: [] },
  }),
);
