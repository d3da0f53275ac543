import { ConflictError, NotFoundError } from '@backstage/errors';
import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { CounterDeltas } from './operations/incrementCounters';
import { lockRow } from './operations/lockRow';
import {
  CampaignChanges,
  CampaignRecord,
  campaignSubject,
  CommentRecord,
  PathRatingRecord,
  RatingRollupRow,
  ResponseRecord,
  SurveyRollupRow,
  SurveyStore,
} from './SurveyStore';
import {
  CAMPAIGNS_TABLE,
  DbCampaignRow,
  DbPathRatingRow,
  DbResponseRow,
  DISMISSALS_TABLE,
  LOCKS_TABLE,
  PATH_RATINGS_TABLE,
  RATING_ROLLUP_TABLE,
  RESPONSES_TABLE,
  SECRETS_TABLE,
  SURVEY_ROLLUP_TABLE,
} from './tables';
import { toDate } from './toDate';

const ANSWERS = Array.from({ length: 11 }, (_, a) => `a${a}`);
const RATINGS = Array.from({ length: 5 }, (_, r) => `r${r + 1}`);
const SURVEY_KEYS = ['campaign_id', 'team', 'quarter'];
const RATING_KEYS = [
  'origin',
  'path_id',
  'template_ref',
  'template_version',
  'team',
  'quarter',
];
/** The origin of ratings given after template runs. */
export const RUN_ORIGIN = 'run';
// Pairs per IN (...) lookup, and rows per INSERT (9 columns): well below
// every engine's bound-parameter limit.
const LOOKUP_BATCH_SIZE = 400;
const INSERT_BATCH_SIZE = 200;

function toRow(campaign: CampaignRecord): DbCampaignRow {
  return {
    id: campaign.id,
    title: campaign.title,
    description: campaign.description ?? null,
    questions: JSON.stringify(campaign.questions),
    audience: JSON.stringify(campaign.audience),
    opens_at: campaign.opensAt,
    closes_at: campaign.closesAt,
    anonymous: campaign.anonymous,
    created_by: campaign.createdBy,
    created_at: campaign.createdAt,
    updated_at: campaign.updatedAt,
    closed_at: campaign.closedAt ?? null,
    responses: campaign.responses,
  };
}

function fromRow(row: DbCampaignRow): CampaignRecord {
  return {
    id: row.id,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    questions: JSON.parse(row.questions),
    audience: JSON.parse(row.audience),
    opensAt: toDate(row.opens_at),
    closesAt: toDate(row.closes_at),
    anonymous: Boolean(row.anonymous),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    ...(row.closed_at ? { closedAt: toDate(row.closed_at) } : {}),
    responses: Number(row.responses),
  };
}

function isOpen(campaign: CampaignRecord, at: Date): boolean {
  const t = at.getTime();
  return (
    campaign.opensAt.getTime() <= t &&
    t < campaign.closesAt.getTime() &&
    (!campaign.closedAt || t < campaign.closedAt.getTime())
  );
}

/** {@link SurveyStore} on the plugin's Knex database. */
export class DatabaseSurveyStore implements SurveyStore {
  constructor(private readonly db: Knex) {}

  async sharedSecret(name: string): Promise<string> {
    // Every replica offers a key; the first insert wins and all read it.
    await this.db(SECRETS_TABLE)
      .insert({ name, value: randomBytes(32).toString('hex') })
      .onConflict('name')
      .ignore();
    const row = await this.db(SECRETS_TABLE).where({ name }).first();
    return row.value;
  }

  async createCampaign(campaign: CampaignRecord): Promise<void> {
    await this.db<DbCampaignRow>(CAMPAIGNS_TABLE).insert(toRow(campaign));
  }

  private async locked(
    tx: Knex.Transaction,
    id: string,
  ): Promise<CampaignRecord> {
    const row = await lockRow(tx, CAMPAIGNS_TABLE, { id });
    if (!row) {
      throw new NotFoundError(`No survey campaign with id '${id}'`);
    }
    return fromRow(row as unknown as DbCampaignRow);
  }

  async updateCampaign(
    id: string,
    changes: (current: CampaignRecord) => CampaignChanges,
  ): Promise<CampaignRecord> {
    return this.db.transaction(async tx => {
      const current = await this.locked(tx, id);
      const updated = { ...current, ...changes(current) };
      const { id: _id, ...row } = toRow(updated);
      await tx<DbCampaignRow>(CAMPAIGNS_TABLE).where({ id }).update(row);
      return updated;
    });
  }

  async closeCampaign(id: string, at: Date): Promise<CampaignRecord> {
    return this.db.transaction(async tx => {
      const current = await this.locked(tx, id);
      if (current.closedAt || current.closesAt.getTime() <= at.getTime()) {
        throw new ConflictError(`Survey campaign '${id}' is already closed`);
      }
      await tx<DbCampaignRow>(CAMPAIGNS_TABLE)
        .where({ id })
        .update({ closed_at: at, updated_at: at });
      return { ...current, closedAt: at, updatedAt: at };
    });
  }

  async deleteCampaign(id: string): Promise<CampaignRecord | undefined> {
    return this.db.transaction(async tx => {
      const row = await lockRow(tx, CAMPAIGNS_TABLE, { id });
      if (!row) {
        return undefined;
      }
      await tx(RESPONSES_TABLE).where({ campaign_id: id }).delete();
      await tx(SURVEY_ROLLUP_TABLE).where({ campaign_id: id }).delete();
      await tx(RATING_ROLLUP_TABLE).where({ origin: id }).delete();
      await tx(DISMISSALS_TABLE)
        .where({ subject: campaignSubject(id) })
        .delete();
      await tx(CAMPAIGNS_TABLE).where({ id }).delete();
      return fromRow(row as unknown as DbCampaignRow);
    });
  }

  async getCampaign(id: string): Promise<CampaignRecord | undefined> {
    const row = await this.db<DbCampaignRow>(CAMPAIGNS_TABLE)
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async listCampaigns(): Promise<CampaignRecord[]> {
    const rows = await this.db<DbCampaignRow>(CAMPAIGNS_TABLE).orderBy(
      'opens_at',
      'desc',
    );
    return rows.map(fromRow);
  }

  async openCampaigns(at: Date): Promise<CampaignRecord[]> {
    const rows = await this.db<DbCampaignRow>(CAMPAIGNS_TABLE)
      .where('opens_at', '<=', at)
      .where('closes_at', '>', at)
      .whereNull('closed_at')
      .orderBy('closes_at');
    return rows.map(fromRow);
  }

  async submitResponse(
    response: ResponseRecord,
    at: Date,
  ): Promise<{ replaced: boolean }> {
    const { replaced } = await this.write(response.campaignId, [
      { response, at },
    ]);
    return { replaced: replaced > 0 };
  }

  async importResponses(
    campaignId: string,
    submissions: Array<{ response: ResponseRecord; at: Date }>,
  ) {
    return this.write(campaignId, submissions);
  }

  private async write(
    campaignId: string,
    submissions: Array<{ response: ResponseRecord; at: Date }>,
  ): Promise<{ inserted: number; replaced: number }> {
    return this.db.transaction(async tx => {
      // The campaign's row serializes its submissions, so that the rollup
      // moves by exactly the difference each one makes.
      const campaign = await this.locked(tx, campaignId);
      for (const { at } of submissions) {
        if (!isOpen(campaign, at)) {
          throw new ConflictError(
            `Survey campaign '${
              campaign.id
            }' is not open for answers at ${at.toISOString()}`,
          );
        }
      }
      const previous = new Map<string, DbResponseRow>();
      const keys = submissions.map(s => s.response.respondentKey);
      for (let i = 0; i < keys.length; i += LOOKUP_BATCH_SIZE) {
        const rows = await tx<DbResponseRow>(RESPONSES_TABLE)
          .where('campaign_id', campaignId)
          .whereIn('respondent_key', keys.slice(i, i + LOOKUP_BATCH_SIZE));
        rows.forEach(row => previous.set(row.respondent_key, row));
      }
      const survey = new CounterDeltas(SURVEY_KEYS, [...ANSWERS, 'comments']);
      const ratings = new CounterDeltas(RATING_KEYS, RATINGS);
      const count = (
        row: Pick<DbResponseRow, 'team' | 'quarter' | 'nps' | 'has_comment'>,
        pathRatings: Array<{ pathId: string; rating: number }>,
        sign: 1 | -1,
      ) => {
        survey.add(
          { campaign_id: campaignId, team: row.team, quarter: row.quarter },
          {
            [`a${Number(row.nps)}`]: sign,
            comments: row.has_comment ? sign : 0,
          },
        );
        for (const { pathId, rating } of pathRatings) {
          ratings.add(
            {
              origin: campaignId,
              path_id: pathId,
              template_ref: '',
              template_version: '',
              team: row.team,
              quarter: row.quarter,
            },
            { [`r${rating}`]: sign },
          );
        }
      };
      const rows = new Map<string, DbResponseRow>();
      for (const { response } of submissions) {
        const before =
          rows.get(response.respondentKey) ??
          previous.get(response.respondentKey);
        if (before) {
          count(before, ratingsOf(campaign, JSON.parse(before.answers)), -1);
        }
        const row: DbResponseRow = {
          campaign_id: campaignId,
          respondent_key: response.respondentKey,
          user_ref: response.userRef,
          team: response.team,
          nps: response.nps,
          answers: JSON.stringify(response.answers),
          has_comment: response.hasComment,
          submitted_at: response.submittedAt,
          quarter: response.quarter,
        };
        count(row, response.ratings, 1);
        rows.set(response.respondentKey, row);
      }
      const all = [...rows.values()];
      for (let i = 0; i < all.length; i += INSERT_BATCH_SIZE) {
        await tx<DbResponseRow>(RESPONSES_TABLE)
          .insert(all.slice(i, i + INSERT_BATCH_SIZE))
          .onConflict(['campaign_id', 'respondent_key'])
          .merge();
      }
      const inserted = all.filter(r => !previous.has(r.respondent_key)).length;
      if (inserted > 0) {
        await tx(CAMPAIGNS_TABLE)
          .where({ id: campaignId })
          .increment('responses', inserted);
      }
      await survey.apply(tx, SURVEY_ROLLUP_TABLE);
      await ratings.apply(tx, RATING_ROLLUP_TABLE);
      return { inserted, replaced: submissions.length - inserted };
    });
  }

  async answeredOrDismissed(
    pairs: Array<{ subject: string; respondentKey: string }>,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < pairs.length; i += LOOKUP_BATCH_SIZE) {
      const batch = pairs.slice(i, i + LOOKUP_BATCH_SIZE);
      const dismissed = await this.db(DISMISSALS_TABLE)
        .whereIn(
          ['subject', 'respondent_key'],
          batch.map(p => [p.subject, p.respondentKey]),
        )
        .select('subject');
      dismissed.forEach(row => found.add(row.subject));
      const campaigns = batch.filter(p => p.subject.startsWith('campaign:'));
      if (campaigns.length > 0) {
        const answered = await this.db<DbResponseRow>(RESPONSES_TABLE)
          .whereIn(
            ['campaign_id', 'respondent_key'],
            campaigns.map(p => [
              p.subject.slice('campaign:'.length),
              p.respondentKey,
            ]),
          )
          .select('campaign_id');
        answered.forEach(row => found.add(campaignSubject(row.campaign_id)));
      }
    }
    return found;
  }

  async dismiss(subject: string, respondentKey: string, at: Date) {
    await this.db(DISMISSALS_TABLE)
      .insert({ subject, respondent_key: respondentKey, dismissed_at: at })
      .onConflict(['subject', 'respondent_key'])
      .ignore();
  }

  async removeDismissalsBefore(at: Date): Promise<number> {
    return this.db(DISMISSALS_TABLE).where('dismissed_at', '<', at).delete();
  }

  async surveyRollup(campaignIds?: string[]): Promise<SurveyRollupRow[]> {
    const rows = await this.db(SURVEY_ROLLUP_TABLE).modify(query => {
      if (campaignIds) {
        query.whereIn('campaign_id', campaignIds);
      }
    });
    return rows.map((row: Record<string, any>) => ({
      campaignId: row.campaign_id,
      team: row.team,
      quarter: row.quarter,
      distribution: ANSWERS.map(column => Number(row[column])),
      comments: Number(row.comments),
    }));
  }

  async ratingRollup(filter?: { origin?: string }): Promise<RatingRollupRow[]> {
    const rows = await this.db(RATING_ROLLUP_TABLE).modify(query => {
      if (filter?.origin) {
        query.where('origin', filter.origin);
      }
    });
    return rows.map((row: Record<string, any>) => ({
      origin: row.origin,
      pathId: row.path_id,
      templateRef: row.template_ref,
      templateVersion: row.template_version,
      team: row.team,
      quarter: row.quarter,
      distribution: RATINGS.map(column => Number(row[column])),
    }));
  }

  async comments(
    campaignId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: CommentRecord[]; totalItems: number }> {
    const where = { campaign_id: campaignId, has_comment: true };
    const [rows, [{ count }]] = await Promise.all([
      this.db<DbResponseRow>(RESPONSES_TABLE)
        .where(where)
        .orderBy('submitted_at', 'desc')
        .orderBy('respondent_key')
        .limit(page.limit)
        .offset(page.offset),
      this.db(RESPONSES_TABLE).where(where).count({ count: '*' }),
    ]);
    return {
      totalItems: Number(count),
      items: rows.map(row => ({
        answers: JSON.parse(row.answers),
        nps: Number(row.nps),
        team: row.team,
        userRef: row.user_ref,
        submittedAt: toDate(row.submitted_at),
        quarter: row.quarter,
      })),
    };
  }

  async ratePath(rating: PathRatingRecord): Promise<{ replaced: boolean }> {
    return this.db.transaction(async tx => {
      await lockRow(tx, LOCKS_TABLE, { name: 'ratings' });
      const previous = await tx<DbPathRatingRow>(PATH_RATINGS_TABLE)
        .where({ task_id: rating.taskId })
        .first();
      const deltas = new CounterDeltas(RATING_KEYS, RATINGS);
      const count = (
        row: Pick<
          DbPathRatingRow,
          'path_id' | 'template_ref' | 'template_version' | 'team' | 'quarter'
        >,
        value: number,
        sign: 1 | -1,
      ) =>
        deltas.add(
          {
            origin: RUN_ORIGIN,
            path_id: row.path_id,
            template_ref: row.template_ref,
            template_version: row.template_version ?? '',
            team: row.team,
            quarter: row.quarter,
          },
          { [`r${value}`]: sign },
        );
      const row: DbPathRatingRow = {
        task_id: rating.taskId,
        user_ref: rating.userRef,
        team: rating.team,
        template_ref: rating.templateRef,
        template_version: rating.templateVersion ?? null,
        path_id: rating.pathId,
        rating: rating.rating,
        comment: rating.comment ?? null,
        rated_at: rating.ratedAt,
        quarter: rating.quarter,
      };
      if (previous) {
        count(previous, Number(previous.rating), -1);
        await tx<DbPathRatingRow>(PATH_RATINGS_TABLE)
          .where({ task_id: rating.taskId })
          .update(row);
      } else {
        await tx<DbPathRatingRow>(PATH_RATINGS_TABLE).insert(row);
      }
      count(row, rating.rating, 1);
      await deltas.apply(tx, RATING_ROLLUP_TABLE);
      return { replaced: Boolean(previous) };
    });
  }

  async ratedTasks(taskIds: string[]): Promise<Set<string>> {
    if (taskIds.length === 0) {
      return new Set();
    }
    const rows = await this.db<DbPathRatingRow>(PATH_RATINGS_TABLE)
      .whereIn('task_id', taskIds)
      .select('task_id');
    return new Set(rows.map(row => row.task_id));
  }
}

/** The path-rating answers of stored answers, by the campaign's questions. */
export function ratingsOf(
  campaign: Pick<CampaignRecord, 'questions'>,
  answers: Record<string, number | string>,
): Array<{ pathId: string; rating: number }> {
  return campaign.questions.flatMap(question =>
    question.type === 'path-rating' && typeof answers[question.id] === 'number'
      ? [{ pathId: question.pathId, rating: answers[question.id] as number }]
      : [],
  );
}
