import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { DAY_MS, weekStart } from '@golden-path/plugin-golden-path-common';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { SurveyStore } from '../database/SurveyStore';
import { TicketStore } from '../database/TicketStore';
import { DeploymentStore } from '../database/DeploymentStore';
import { UsageStore } from '../database/UsageStore';

// A dismissed prompt stays dismissed for longer than any campaign runs.
const DISMISSAL_RETENTION_DAYS = 400;

/**
 * Keeps feedback and delivery storage bounded: tickets and deployments
 * (and their weekly rollups) past their retention, raw usage events past
 * `goldenPath.usage.retentionDays` and weekly usage figures of weeks that
 * began before `rollupRetentionDays`, and old prompt dismissals. Survey responses live
 * as long as their campaign.
 */
export class RetentionTask {
  static readonly id = 'golden-path-retention';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 10 },
  };

  constructor(
    private readonly deps: {
      tickets: TicketStore;
      surveys: SurveyStore;
      deployments: DeploymentStore;
      usage: UsageStore;
      settings: GoldenPathSettings;
      logger: LoggerService;
    },
  ) {}

  async run(now = new Date()): Promise<void> {
    const { tickets, surveys, deployments, usage, settings, logger } =
      this.deps;
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const createdBefore = new Date(
      now.getTime() - settings.tickets.retentionDays * DAY_MS,
    );
    const removedTickets = await tickets.removeBefore(createdBefore);
    const removedDismissals = await surveys.removeDismissalsBefore(
      new Date(now.getTime() - DISMISSAL_RETENTION_DAYS * DAY_MS),
    );
    const removedDeployments = await deployments.removeBefore(
      daysAgo(settings.deployments.retentionDays),
    );
    const removedEvents = await usage.removeEventsBefore(
      daysAgo(settings.usage.retentionDays),
    );
    const removedUsageRows = await usage.removeRollupsBefore(
      weekStart(daysAgo(settings.usage.rollupRetentionDays)),
    );
    logger.info(
      `Retention: removed ${removedTickets} tickets created before ${createdBefore.toISOString()}, ${removedDismissals} old prompt dismissals, ${removedDeployments} deployments, ${removedEvents} usage events and ${removedUsageRows} weekly usage rows`,
    );
  }
}
