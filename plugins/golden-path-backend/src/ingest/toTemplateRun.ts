import { ScaffolderTask } from '@backstage/plugin-scaffolder-common';
import {
  ANNOTATION_TEMPLATE_VERSION,
  isoDurationSeconds,
  templateRefKey,
  TemplateRunStatus,
} from '@golden-path/plugin-golden-path-common';
import { NewTemplateRun } from '../database/TemplateRunStore';

/** The annotation a template declares the time each run saves with. */
export const ANNOTATION_TIME_SAVED = 'backstage.io/time-saved';

const FINISHED = new Set<TemplateRunStatus>([
  'completed',
  'failed',
  'cancelled',
]);

/** Whether a run has reached a final status. */
export function isFinished(status: TemplateRunStatus): boolean {
  return FINISHED.has(status);
}

/** The scaffolder's list serializes `createdBy`, which its client type omits. */
export type ListedTask = ScaffolderTask & { createdBy?: string };

/** Who ran a task: the user in its spec, else the creator the scaffolder kept. */
export function runnerOf(task: ListedTask): string | undefined {
  const ref = task.spec.user?.ref ?? task.createdBy;
  return ref ? ref.toLocaleLowerCase('en-US') : undefined;
}

/**
 * A task as a run, from the values its spec carried when it ran: the
 * template's version and time saved are the annotations of the template
 * the task was created from, not of today's template. Parameters and
 * secrets are not read. `undefined` for a task naming no template.
 */
export function toTemplateRun(
  task: ListedTask,
  team: string,
): NewTemplateRun | undefined {
  const info = task.spec.templateInfo;
  if (!info?.entityRef) {
    return undefined;
  }
  const annotations = info.entity?.metadata.annotations ?? {};
  const status = task.status as TemplateRunStatus;
  // Until the final event is read, the last heartbeat is the best bound on
  // when a finished task ended.
  const finishedAt =
    isFinished(status) && task.lastHeartbeatAt
      ? task.lastHeartbeatAt
      : undefined;
  return {
    taskId: task.id,
    templateRef: templateRefKey(info.entityRef),
    templateVersion: annotations[ANNOTATION_TEMPLATE_VERSION]?.slice(0, 64),
    timeSavedSeconds: isoDurationSeconds(annotations[ANNOTATION_TIME_SAVED]),
    runBy: runnerOf(task),
    team,
    status,
    createdAt: new Date(task.createdAt).toISOString(),
    finishedAt: finishedAt && new Date(finishedAt).toISOString(),
    durationMs: finishedAt
      ? Math.max(0, Date.parse(finishedAt) - Date.parse(task.createdAt))
      : undefined,
  };
}
