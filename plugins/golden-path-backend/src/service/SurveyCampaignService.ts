import { AuthService, BackstageUserInfo } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  quarterOf,
  SurveyCampaign,
  SurveyCampaignInput,
  SurveyPrompt,
  SurveyPromptResponse,
  templateRefKey,
  TemplateRatingInput,
  utcDay,
} from '@golden-path/plugin-golden-path-common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { teamsOf, UNASSIGNED_TEAM } from '../catalog/teamsOf';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ratingsOf } from '../database/DatabaseSurveyStore';
import {
  CampaignRecord,
  campaignSubject,
  runSubject,
  SurveyStore,
} from '../database/SurveyStore';
import { TemplateRunStore } from '../database/TemplateRunStore';
import { instantSchema, parseInput } from '../validation/input';
import { AudienceResolver } from './surveys/AudienceResolver';
import { answersSchema, campaignInputSchema } from './surveys/campaignInput';
import { RespondentKeys } from './surveys/respondentKeys';
import { campaignState, toCampaign } from './surveys/toCampaign';

const HOUR_MS = 60 * 60 * 1000;
// Recent runs of a user looked at for a rating prompt.
const RECENT_RUNS = 10;

/** Responses one import request may carry. */
const MAX_IMPORTED_RESPONSES = 1000;

const importSchema = z
  .object({
    responses: z
      .array(
        z
          .object({
            id: z.string().min(1).max(200),
            submittedAt: instantSchema,
            team: z.string().min(1).max(255).optional(),
            answers: z.record(z.union([z.number(), z.string()])),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_IMPORTED_RESPONSES),
  })
  .strict();

const ratingSchema = z
  .object({
    taskId: z.string().min(1).max(64),
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();

/** The answers besides the score, blank text left out. */
function splitAnswers(
  answers: Record<string, number | string>,
  npsQuestionId: string,
) {
  const kept: Record<string, number | string> = {};
  let hasComment = false;
  for (const [id, value] of Object.entries(answers)) {
    if (id === npsQuestionId) {
      continue;
    }
    if (typeof value === 'string') {
      const text = value.trim();
      if (text) {
        kept[id] = text;
        hasComment = true;
      }
    } else {
      kept[id] = value;
    }
  }
  return { kept, hasComment };
}

/**
 * Survey campaigns: what admins create, edit and close (the router checks
 * the permission), what the prompt asks each user, and their answers and
 * ratings. Who answers is always the caller's identity.
 */
export class SurveyCampaignService {
  private readonly keys: RespondentKeys;
  private readonly audiences: AudienceResolver;

  constructor(
    private readonly deps: {
      store: SurveyStore;
      runs: TemplateRunStore;
      catalog: CatalogService;
      auth: AuthService;
      settings: GoldenPathSettings;
    },
  ) {
    const secret = deps.settings.surveys.respondentKeySecret;
    this.keys = new RespondentKeys(async () =>
      secret ? secret : deps.store.sharedSecret('respondent-key'),
    );
    this.audiences = new AudienceResolver(deps);
  }

  get audienceResolver(): AudienceResolver {
    return this.audiences;
  }

  private parseCampaign(body: unknown): SurveyCampaignInput {
    return parseInput(
      campaignInputSchema(this.deps.settings.paths.map(p => p.id)),
      body,
      'campaign',
    );
  }

  async list(now = new Date()): Promise<SurveyCampaign[]> {
    const campaigns = await this.deps.store.listCampaigns();
    return campaigns.map(c => toCampaign(c, now));
  }

  async campaign(id: string): Promise<CampaignRecord> {
    const campaign = await this.deps.store.getCampaign(id);
    if (!campaign) {
      throw new NotFoundError(`No survey campaign with id '${id}'`);
    }
    return campaign;
  }

  async get(id: string, now = new Date()): Promise<SurveyCampaign> {
    return toCampaign(await this.campaign(id), now);
  }

  async create(
    body: unknown,
    createdBy: string,
    now = new Date(),
  ): Promise<SurveyCampaign> {
    const input = this.parseCampaign(body);
    const record: CampaignRecord = {
      id: randomUUID(),
      ...input,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      createdBy,
      createdAt: now,
      updatedAt: now,
      responses: 0,
    };
    await this.deps.store.createCampaign(record);
    return toCampaign(record, now);
  }

  async update(
    id: string,
    body: unknown,
    now = new Date(),
  ): Promise<SurveyCampaign> {
    const input = this.parseCampaign(body);
    const updated = await this.deps.store.updateCampaign(id, current => {
      if (campaignState(current, now) === 'closed') {
        throw new ConflictError(
          `Survey campaign '${id}' is closed and can no longer be edited`,
        );
      }
      if (current.responses > 0) {
        if (
          JSON.stringify(current.questions) !== JSON.stringify(input.questions)
        ) {
          throw new ConflictError(
            `Survey campaign '${id}' has ${current.responses} responses: its questions can no longer change`,
          );
        }
        if (current.anonymous !== input.anonymous) {
          throw new ConflictError(
            `Survey campaign '${id}' has ${current.responses} responses: whether it is anonymous can no longer change`,
          );
        }
      }
      return {
        title: input.title,
        description: input.description,
        questions: input.questions,
        audience: input.audience,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        anonymous: input.anonymous,
        updatedAt: now,
      };
    });
    return toCampaign(updated, now);
  }

  async close(id: string, now = new Date()): Promise<SurveyCampaign> {
    return toCampaign(await this.deps.store.closeCampaign(id, now), now);
  }

  async remove(id: string): Promise<CampaignRecord> {
    const removed = await this.deps.store.deleteCampaign(id);
    if (!removed) {
      throw new NotFoundError(`No survey campaign with id '${id}'`);
    }
    return removed;
  }

  private async teamOf(userEntityRef: string): Promise<string> {
    const teams = await teamsOf([userEntityRef], this.deps);
    return (
      teams.get(userEntityRef.toLocaleLowerCase('en-US')) ?? UNASSIGNED_TEAM
    );
  }

  /** What to ask the user now: an open campaign first, else a rating. */
  async prompt(
    user: BackstageUserInfo,
    now = new Date(),
  ): Promise<SurveyPromptResponse> {
    const { store } = this.deps;
    const open = await store.openCampaigns(now);
    const candidates: CampaignRecord[] = [];
    for (const campaign of open) {
      if (
        await this.audiences.includes(
          campaign.audience,
          user.ownershipEntityRefs,
        )
      ) {
        candidates.push(campaign);
      }
    }
    const pairs = await Promise.all(
      candidates.map(async campaign => {
        const subject = campaignSubject(campaign.id);
        return {
          subject,
          respondentKey: await this.keys.keyFor(subject, user.userEntityRef),
        };
      }),
    );
    const done = await store.answeredOrDismissed(pairs);
    const campaign = candidates.find(c => !done.has(campaignSubject(c.id)));
    if (campaign) {
      return {
        prompt: {
          kind: 'campaign',
          campaign: {
            id: campaign.id,
            title: campaign.title,
            ...(campaign.description
              ? { description: campaign.description }
              : {}),
            questions: campaign.questions,
            anonymous: campaign.anonymous,
            closesAt: campaign.closesAt.toISOString(),
          },
        },
      };
    }
    const rating = await this.ratingPrompt(user.userEntityRef, now);
    return rating ? { prompt: rating } : {};
  }

  private async ratingPrompt(
    userRef: string,
    now: Date,
  ): Promise<SurveyPrompt | undefined> {
    const hours = this.deps.settings.surveys.ratingPromptHours;
    if (hours === 0) {
      return undefined;
    }
    const { items } = await this.deps.runs.listRuns(
      {
        runBy: userRef.toLocaleLowerCase('en-US'),
        status: 'completed',
        from: new Date(now.getTime() - hours * HOUR_MS),
      },
      { limit: RECENT_RUNS, offset: 0 },
    );
    const onPath = items.flatMap(run => {
      const path = this.pathOfTemplate(run.templateRef);
      return path ? [{ run, path }] : [];
    });
    if (onPath.length === 0) {
      return undefined;
    }
    const rated = await this.deps.store.ratedTasks(
      onPath.map(({ run }) => run.taskId),
    );
    const pairs = await Promise.all(
      onPath.map(async ({ run }) => ({
        subject: runSubject(run.taskId),
        respondentKey: await this.keys.keyFor(runSubject(run.taskId), userRef),
      })),
    );
    const dismissed = await this.deps.store.answeredOrDismissed(pairs);
    const next = onPath.find(
      ({ run }) =>
        !rated.has(run.taskId) && !dismissed.has(runSubject(run.taskId)),
    );
    return (
      next && {
        kind: 'template-rating',
        run: {
          taskId: next.run.taskId,
          templateRef: next.run.templateRef,
          ...(next.run.templateVersion
            ? { templateVersion: next.run.templateVersion }
            : {}),
          pathId: next.path.id,
          pathTitle: next.path.title,
          ...(next.run.finishedAt ? { finishedAt: next.run.finishedAt } : {}),
        },
      }
    );
  }

  private pathOfTemplate(templateRef: string) {
    const ref = templateRefKey(templateRef);
    return this.deps.settings.paths.find(p => p.templates.includes(ref));
  }

  /** Stores the caller's answers, replacing earlier ones. */
  async respond(
    campaignId: string,
    body: unknown,
    user: BackstageUserInfo,
    now = new Date(),
  ): Promise<{ replaced: boolean }> {
    const campaign = await this.campaign(campaignId);
    if (campaignState(campaign, now) !== 'open') {
      throw new ConflictError(
        `Survey campaign '${campaignId}' is ${campaignState(
          campaign,
          now,
        )}: it takes no answers`,
      );
    }
    if (
      !(await this.audiences.includes(
        campaign.audience,
        user.ownershipEntityRefs,
      ))
    ) {
      throw new NotAllowedError(
        `You are not in the audience of survey campaign '${campaignId}'`,
      );
    }
    const { answers } = parseInput(
      answersSchema(campaign.questions),
      body,
      'response',
    );
    const npsQuestion = campaign.questions.find(q => q.type === 'nps')!;
    const { kept, hasComment } = splitAnswers(answers, npsQuestion.id);
    const subject = campaignSubject(campaignId);
    return this.deps.store.submitResponse(
      {
        campaignId,
        respondentKey: await this.keys.keyFor(subject, user.userEntityRef),
        userRef: campaign.anonymous ? null : user.userEntityRef,
        team: await this.teamOf(user.userEntityRef),
        nps: answers[npsQuestion.id] as number,
        answers: kept,
        ratings: ratingsOf(campaign, kept),
        hasComment,
        // An anonymous answer keeps only its day: a time of day could be
        // matched against other logs.
        submittedAt: campaign.anonymous ? new Date(utcDay(now)) : now,
        quarter: quarterOf(now),
      },
      now,
    );
  }

  /**
   * Imports answers collected elsewhere (a spreadsheet, a form tool) into a
   * campaign, each keyed by its id in that source so that a re-import
   * replaces rather than adds. Imported answers never carry a user.
   */
  async importResponses(
    campaignId: string,
    body: unknown,
  ): Promise<{ inserted: number; replaced: number }> {
    const campaign = await this.campaign(campaignId);
    const { responses } = parseInput(importSchema, body, 'import');
    const answers = answersSchema(campaign.questions);
    const npsQuestion = campaign.questions.find(q => q.type === 'nps')!;
    const subject = campaignSubject(campaignId);
    const records = await Promise.all(
      responses.map(async (row, i) => {
        const parsed = parseInput(answers, { answers: row.answers }, `import`);
        const at = new Date(row.submittedAt);
        if (
          at < campaign.opensAt ||
          at >= campaign.closesAt ||
          (campaign.closedAt && at >= campaign.closedAt)
        ) {
          throw new InputError(
            `Invalid import: responses.${i}.submittedAt: ${row.submittedAt} is outside the campaign's window`,
          );
        }
        let team = UNASSIGNED_TEAM;
        if (row.team && row.team !== UNASSIGNED_TEAM) {
          try {
            team = entityRefKey(row.team, { defaultKind: 'group' });
          } catch {
            throw new InputError(
              `Invalid import: responses.${i}.team: '${row.team}' is not a group ref`,
            );
          }
        }
        const { kept, hasComment } = splitAnswers(
          parsed.answers,
          npsQuestion.id,
        );
        const response = {
          campaignId,
          respondentKey: await this.keys.keyFor(subject, `import:${row.id}`),
          userRef: null,
          team,
          nps: parsed.answers[npsQuestion.id] as number,
          answers: kept,
          ratings: ratingsOf(campaign, kept),
          hasComment,
          submittedAt: campaign.anonymous ? new Date(utcDay(at)) : at,
          quarter: quarterOf(at),
        };
        return { response, at };
      }),
    );
    return this.deps.store.importResponses(campaignId, records);
  }

  async dismissCampaign(
    campaignId: string,
    user: BackstageUserInfo,
    now = new Date(),
  ): Promise<void> {
    await this.campaign(campaignId);
    const subject = campaignSubject(campaignId);
    await this.deps.store.dismiss(
      subject,
      await this.keys.keyFor(subject, user.userEntityRef),
      now,
    );
  }

  private async ownRun(taskId: string, userRef: string) {
    const { items } = await this.deps.runs.listRuns(
      { taskId, runBy: userRef.toLocaleLowerCase('en-US') },
      { limit: 1, offset: 0 },
    );
    const run = items[0];
    if (!run) {
      throw new NotFoundError(`You have no template run '${taskId}'`);
    }
    return run;
  }

  /** Stores the caller's rating of the path of a run of theirs. */
  async rate(
    body: unknown,
    user: BackstageUserInfo,
    now = new Date(),
  ): Promise<{ replaced: boolean }> {
    const input: TemplateRatingInput = parseInput(ratingSchema, body, 'rating');
    const run = await this.ownRun(input.taskId, user.userEntityRef);
    const path = this.pathOfTemplate(run.templateRef);
    if (!path) {
      throw new InputError(
        `Template '${run.templateRef}' of run '${input.taskId}' is on no golden path`,
      );
    }
    return this.deps.store.ratePath({
      taskId: run.taskId,
      userRef: user.userEntityRef,
      team: await this.teamOf(user.userEntityRef),
      templateRef: run.templateRef,
      templateVersion: run.templateVersion,
      pathId: path.id,
      rating: input.rating,
      ...(input.comment ? { comment: input.comment } : {}),
      ratedAt: now,
      quarter: quarterOf(now),
    });
  }

  async dismissRating(
    taskId: string,
    user: BackstageUserInfo,
    now = new Date(),
  ): Promise<void> {
    await this.ownRun(taskId, user.userEntityRef);
    const subject = runSubject(taskId);
    await this.deps.store.dismiss(
      subject,
      await this.keys.keyFor(subject, user.userEntityRef),
      now,
    );
  }
}
