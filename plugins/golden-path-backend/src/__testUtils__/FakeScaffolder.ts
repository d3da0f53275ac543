import { NotFoundError } from '@backstage/errors';
import { LogEvent, ScaffolderTask } from '@backstage/plugin-scaffolder-common';
import { ScaffolderService } from '@backstage/plugin-scaffolder-node';
import { TemplateRunStatus } from '@golden-path/plugin-golden-path-common';

type FakeTask = ScaffolderTask & { createdBy?: string };

/**
 * The part of the scaffolder's API the ingester reads, over tasks held in
 * memory, ordered and paged as the scaffolder's own list is (newest first,
 * `limit`/`offset`). Pages go through JSON, as over HTTP. Counts requests.
 */
export class FakeScaffolder
  implements Pick<ScaffolderService, 'listTasks' | 'getTask' | 'getLogs'>
{
  readonly tasks: FakeTask[] = [];
  readonly events = new Map<string, LogEvent[]>();
  readonly requests = { list: 0, get: 0, logs: 0 };
  failWith?: Error;

  /** Adds a task created `minutesAgo` before `now`; returns its id. */
  add(options: {
    id: string;
    template?: string;
    version?: string;
    timeSaved?: string;
    user?: string;
    status?: TemplateRunStatus;
    createdAt: Date;
    durationMs?: number;
    output?: Record<string, unknown>;
  }): FakeTask {
    const annotations: Record<string, string> = {};
    if (options.version) {
      annotations['backstage.io/template-version'] = options.version;
    }
    if (options.timeSaved) {
      annotations['backstage.io/time-saved'] = options.timeSaved;
    }
    const status = options.status ?? 'completed';
    const finished = new Date(
      options.createdAt.getTime() + (options.durationMs ?? 60_000),
    );
    const task: FakeTask = {
      id: options.id,
      spec: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        steps: [],
        output: {},
        parameters: { name: 'secret-project', token: 'do-not-store' },
        templateInfo: {
          entityRef: options.template ?? 'template:default/node-service',
          entity: { metadata: { name: 'node-service', annotations } },
        },
        user: options.user ? { ref: options.user } : undefined,
      } as ScaffolderTask['spec'],
      status,
      createdAt: options.createdAt.toISOString(),
      lastHeartbeatAt: finished.toISOString(),
      createdBy: options.user,
    };
    this.tasks.push(task);
    this.tasks.sort(
      (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
    );
    this.finish(task.id, status, finished, options.output);
    return task;
  }

  /** Sets a task's status, with the final event a finished task gets. */
  finish(
    taskId: string,
    status: TemplateRunStatus,
    at: Date,
    output?: Record<string, unknown>,
  ) {
    const task = this.tasks.find(t => t.id === taskId)!;
    task.status = status;
    task.lastHeartbeatAt = at.toISOString();
    if (['completed', 'failed', 'cancelled'].includes(status)) {
      this.events.set(taskId, [
        {
          id: 1,
          taskId,
          type: status === 'cancelled' ? 'cancelled' : 'completion',
          createdAt: at.toISOString(),
          body: { message: `Run ${status}`, output } as LogEvent['body'],
        },
      ]);
    }
  }

  async listTasks(request: { limit?: number; offset?: number }) {
    this.requests.list += 1;
    if (this.failWith) {
      throw this.failWith;
    }
    const offset = request.offset ?? 0;
    const items = this.tasks.slice(offset, offset + (request.limit ?? 10));
    return JSON.parse(
      JSON.stringify({ items, totalItems: this.tasks.length }),
    ) as { items: ScaffolderTask[]; totalItems: number };
  }

  async getTask(request: { taskId: string }) {
    this.requests.get += 1;
    const task = this.tasks.find(t => t.id === request.taskId);
    if (!task) {
      throw new NotFoundError(`No task with id '${request.taskId}' found`);
    }
    return JSON.parse(JSON.stringify(task)) as ScaffolderTask;
  }

  async getLogs(request: { taskId: string }) {
    this.requests.logs += 1;
    return JSON.parse(
      JSON.stringify(this.events.get(request.taskId) ?? []),
    ) as LogEvent[];
  }
}
