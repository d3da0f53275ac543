import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

// Weeks per store per run: years of history are rebuilt over a few runs.
const WEEKS_PER_RUN = 520;

/**
 * Rebuilds the weekly rollups of tickets and deployments for the weeks
 * that writes marked and did not rebuild themselves (bulk imports of
 * history). Marks live in the database, so any replica's run picks them up
 * and a run cut short leaves them for the next.
 */
export class RollupTask {
  static readonly id = 'golden-path-rollups';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { minutes: 1 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 20 },
  };

  constructor(
    private readonly deps: {
      stores: Array<{
        name: string;
        rebuildMarked(limit: number): Promise<number>;
      }>;
      logger: LoggerService;
    },
  ) {}

  async run(): Promise<void> {
    for (const store of this.deps.stores) {
      const started = Date.now();
      const weeks = await store.rebuildMarked(WEEKS_PER_RUN);
      if (weeks > 0) {
        this.deps.logger.info(
          `Rebuilt ${weeks} weeks of ${store.name} figures in ${
            Date.now() - started
          } ms`,
        );
      }
    }
  }
}
