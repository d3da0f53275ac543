import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { TemplateRunIngester } from './TemplateRunIngester';

/** The topic the scaffolder's task store publishes task changes on. */
export const SCAFFOLDER_TASK_TOPIC = 'scaffolder.task';

/**
 * Records a task as soon as the scaffolder reports a change to it, rather
 * than at the next scheduled pass. The payload only says which task: the
 * task itself is read from the scaffolder, so an event replayed, or
 * delivered to two replicas, records nothing twice.
 */
export async function subscribeToTaskEvents(deps: {
  events: EventsService;
  ingester: Pick<TemplateRunIngester, 'ingestTask'>;
  logger: LoggerService;
}): Promise<void> {
  await deps.events.subscribe({
    id: 'golden-path-template-runs',
    topics: [SCAFFOLDER_TASK_TOPIC],
    async onEvent({ eventPayload }) {
      const payload = (eventPayload ?? {}) as {
        id?: unknown;
        taskId?: unknown;
      };
      // Status events carry the task id as `id`; cancel and recovery events
      // as `taskId`, with `id` naming the event.
      const candidates = [payload.taskId, payload.id];
      const taskId = candidates.find(
        (value): value is string => typeof value === 'string',
      );
      if (!taskId) {
        return;
      }
      try {
        await deps.ingester.ingestTask(taskId);
      } catch (error) {
        // The next scheduled pass records the task; an event is a shortcut.
        deps.logger.warn(
          `Could not record scaffolder task ${taskId} from its event: ${error}`,
        );
      }
    },
  });
}
