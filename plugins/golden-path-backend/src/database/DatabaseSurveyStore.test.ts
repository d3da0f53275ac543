import { TestDatabases } from '@backstage/backend-test-utils';
import { createStores } from './createStores';
import { CampaignRecord, ResponseRecord } from './SurveyStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const now = new Date('2026-11-20T10:00:00.000Z');

const campaign = (overrides: Partial<CampaignRecord> = {}): CampaignRecord => ({
  id: '11111111-1111-1111-1111-111111111111',
  title: 'Q4 developer survey',
  questions: [
    { id: 'nps', type: 'nps', text: 'Recommend the platform?' },
    { id: 'why', type: 'text', text: 'Why?' },
    {
      id: 'node',
      type: 'path-rating',
      text: 'Rate it',
      pathId: 'node-service',
    },
  ],
  audience: { type: 'all' },
  opensAt: new Date('2026-10-01T00:00:00.000Z'),
  closesAt: new Date('2027-01-01T00:00:00.000Z'),
  anonymous: true,
  createdBy: 'user:default/admin',
  createdAt: now,
  updatedAt: now,
  responses: 0,
  ...overrides,
});

const response = (
  key: string,
  nps: number,
  overrides: Partial<ResponseRecord> = {},
): ResponseRecord => ({
  campaignId: campaign().id,
  respondentKey: key,
  userRef: null,
  team: 'group:default/payments',
  nps,
  answers: {},
  ratings: [],
  hasComment: false,
  submittedAt: now,
  quarter: '2026-Q4',
  ...overrides,
});

async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const { surveys } = await createStores({ getClient: async () => knex });
  await surveys.createCampaign(campaign());
  return { knex, surveys };
}

describe('DatabaseSurveyStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps one response per respondent, moving the rollup by the difference a replacement makes, on %p',
    async databaseId => {
      const { knex, surveys } = await setUp(databaseId);
      await expect(
        surveys.submitResponse(
          response('jane', 3, {
            answers: { why: 'slow builds', node: 2 },
            ratings: [{ pathId: 'node-service', rating: 2 }],
            hasComment: true,
          }),
          now,
        ),
      ).resolves.toEqual({ replaced: false });
      await surveys.submitResponse(response('omar', 10), now);
      // Jane changes her mind, and has moved team meanwhile.
      await expect(
        surveys.submitResponse(
          response('jane', 9, {
            team: 'group:default/search',
            answers: { node: 4 },
            ratings: [{ pathId: 'node-service', rating: 4 }],
          }),
          now,
        ),
      ).resolves.toEqual({ replaced: true });

      const rows = await surveys.surveyRollup([campaign().id]);
      const byTeam = Object.fromEntries(
        rows.map(r => [r.team, { d: r.distribution, c: r.comments }]),
      );
      expect(byTeam['group:default/payments'].d[3]).toBe(0);
      expect(byTeam['group:default/payments'].d[10]).toBe(1);
      expect(byTeam['group:default/payments'].c).toBe(0);
      expect(byTeam['group:default/search'].d[9]).toBe(1);
      const ratings = await surveys.ratingRollup({ origin: campaign().id });
      const sum = (team: string) =>
        ratings.find(r => r.team === team)?.distribution;
      expect(sum('group:default/payments')).toEqual([0, 0, 0, 0, 0]);
      expect(sum('group:default/search')).toEqual([0, 0, 0, 1, 0]);
      const [{ count }] = await knex('golden_path_survey_responses').count({
        count: '*',
      });
      expect(Number(count)).toBe(2);
      expect((await surveys.getCampaign(campaign().id))!.responses).toBe(2);
      const stored = await knex('golden_path_survey_responses').select(
        'user_ref',
      );
      expect(stored.every(r => r.user_ref === null)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'loses none of 200 concurrent submissions, on %p',
    async databaseId => {
      const { surveys } = await setUp(databaseId);
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          surveys.submitResponse(
            response(`user-${i}`, i % 11, {
              team: `group:default/team-${i % 7}`,
            }),
            now,
          ),
        ),
      );
      // A second wave replaces every answer at once.
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          surveys.submitResponse(
            response(`user-${i}`, 10, { team: `group:default/team-${i % 7}` }),
            now,
          ),
        ),
      );
      const rows = await surveys.surveyRollup([campaign().id]);
      const total = rows
        .flatMap(r => r.distribution)
        .reduce((a, b) => a + b, 0);
      const tens = rows.reduce((sum, r) => sum + r.distribution[10], 0);
      expect(total).toBe(200);
      expect(tens).toBe(200);
      expect((await surveys.getCampaign(campaign().id))!.responses).toBe(200);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses answers outside the campaign’s window and after it was closed, on %p',
    async databaseId => {
      const { surveys } = await setUp(databaseId);
      await expect(
        surveys.submitResponse(
          response('jane', 5),
          new Date('2027-02-01T00:00:00.000Z'),
        ),
      ).rejects.toThrow('is not open for answers');
      await surveys.closeCampaign(campaign().id, now);
      await expect(
        surveys.submitResponse(response('jane', 5), now),
      ).rejects.toThrow('is not open for answers');
      await expect(surveys.closeCampaign(campaign().id, now)).rejects.toThrow(
        'is already closed',
      );
      expect(await surveys.surveyRollup([campaign().id])).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'remembers dismissals and answers per subject, and deletes a campaign whole, on %p',
    async databaseId => {
      const { knex, surveys } = await setUp(databaseId);
      await surveys.submitResponse(response('jane', 8), now);
      await surveys.dismiss('run:task-1', 'omar', now);
      await surveys.dismiss('run:task-1', 'omar', now);
      const done = await surveys.answeredOrDismissed([
        { subject: `campaign:${campaign().id}`, respondentKey: 'jane' },
        { subject: `campaign:${campaign().id}`, respondentKey: 'omar' },
        { subject: 'run:task-1', respondentKey: 'omar' },
      ]);
      expect([...done].sort()).toEqual([
        `campaign:${campaign().id}`,
        'run:task-1',
      ]);

      await surveys.deleteCampaign(campaign().id);
      expect(await surveys.getCampaign(campaign().id)).toBeUndefined();
      for (const table of [
        'golden_path_survey_responses',
        'golden_path_survey_rollup',
      ]) {
        const [{ count }] = await knex(table).count({ count: '*' });
        expect(Number(count)).toBe(0);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces a rating of the same run and shares one secret, on %p',
    async databaseId => {
      const { surveys } = await setUp(databaseId);
      const rating = {
        taskId: 'task-1',
        userRef: 'user:default/jane',
        team: 'group:default/payments',
        templateRef: 'template:default/node-service',
        templateVersion: '1.2.0',
        pathId: 'node-service',
        rating: 2,
        ratedAt: now,
        quarter: '2026-Q4',
      };
      await expect(surveys.ratePath(rating)).resolves.toEqual({
        replaced: false,
      });
      await expect(surveys.ratePath({ ...rating, rating: 5 })).resolves.toEqual(
        { replaced: true },
      );
      const rows = await surveys.ratingRollup({ origin: 'run' });
      expect(rows.map(r => r.distribution)).toEqual([[0, 0, 0, 0, 1]]);
      expect(await surveys.ratedTasks(['task-1', 'task-2'])).toEqual(
        new Set(['task-1']),
      );
      const [a, b] = await Promise.all([
        surveys.sharedSecret('respondent-key'),
        surveys.sharedSecret('respondent-key'),
      ]);
      expect(a).toHaveLength(64);
      expect(b).toBe(a);
    },
  );
});
