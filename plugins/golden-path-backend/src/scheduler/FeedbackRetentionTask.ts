import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { DAY_MS } from '@golden-path/plugin-golden-path-common';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { SurveyStore } from '../database/SurveyStore';
import { TicketStore } from '../database/TicketStore';

// A dismissed prompt stays dismissed for longer than any campaign runs.
const DISMISSAL_RETENTION_DAYS = 400;

/**
 * Keeps feedback storage bounded: tickets (and their weekly rollups) older
 * than `goldenPath.tickets.retentionDays`, and old prompt dismissals.
 * Survey responses live as long as their campaign.
 */
export class FeedbackRetentionTask {
  static readonly id = 'golden-path-feedback-retention';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 10 },
  };

  constructor(
    private readonly deps: {
      tickets: TicketStore;
      surveys: SurveyStore;
      settings: GoldenPathSettings;
      logger: LoggerService;
    },
  ) {}

  async run(now = new Date()): Promise<void> {
    const { tickets, surveys, settings, logger } = this.deps;
    const createdBefore = new Date(
      now.getTime() - settings.tickets.retentionDays * DAY_MS,
    );
    const removedTickets = await tickets.removeBefore(createdBefore);
    const removedDismissals = await surveys.removeDismissalsBefore(
      new Date(now.getTime() - DISMISSAL_RETENTION_DAYS * DAY_MS),
    );
    logger.info(
      `Feedback retention: removed ${removedTickets} tickets created before ${createdBefore.toISOString()} and ${removedDismissals} old prompt dismissals`,
    );
  }
}
