import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { PendingMarks } from '../database/operations/rollupMarks';

// Weeks per store per run: years of history are rebuilt over a few runs.
const WEEKS_PER_RUN = 520;
// An import of history marks the same weeks batch after batch: they are
// rebuilt once its writes pause this long, or at the latest when the
// first of them has waited MAX_WAIT_MS, instead of again on every run
// while the import still competes for the database.
const QUIET_MS = 10_000;
const MAX_WAIT_MS = 5 * 60_000;

/** A store whose rollups the task rebuilds, and its name for the logs. */
export interface RollupStore {
  name: string;
  store: {
    pendingMarks(): Promise<PendingMarks | undefined>;
    rebuildMarked(limit: number): Promise<number>;
  };
}

/**
 * Rebuilds the weekly rollups of tickets and deployments for the weeks
 * that writes marked and did not rebuild themselves (bulk imports of
 * history). Marks live in the database, so any replica's run picks them up
 * and a run cut short leaves them for the next.
 */
export class RollupTask {
  static readonly id = 'golden-path-rollups';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { seconds: 30 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 20 },
  };

  constructor(
    private readonly deps: {
      stores: RollupStore[];
      logger: LoggerService;
    },
  ) {}

  async run(now = new Date()): Promise<void> {
    for (const { name, store } of this.deps.stores) {
      const pending = await store.pendingMarks();
      if (!pending) continue;
      const writing = now.getTime() - pending.lastMarkedAt.getTime() < QUIET_MS;
      const due =
        now.getTime() - pending.firstMarkedAt.getTime() >= MAX_WAIT_MS;
      if (writing && !due) {
        this.deps.logger.debug(`Rebuilding ${name} figures once writes pause`);
        continue;
      }
      const started = Date.now();
      const weeks = await store.rebuildMarked(WEEKS_PER_RUN);
      if (weeks > 0) {
        this.deps.logger.info(
          `Rebuilt ${weeks} weeks of ${name} figures in ${
            Date.now() - started
          } ms`,
        );
      }
    }
  }
}
