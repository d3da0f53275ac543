import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { TemplateRunStatus } from '@golden-path/plugin-golden-path-common';
import { ComponentType, PropsWithChildren } from 'react';

export const RUN_STATUS_LABELS: Record<TemplateRunStatus, string> = {
  open: 'Open',
  processing: 'Processing',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
};

const STATUS_ICONS: Record<
  TemplateRunStatus,
  ComponentType<PropsWithChildren<{}>>
> = {
  open: StatusPending,
  processing: StatusRunning,
  completed: StatusOK,
  failed: StatusError,
  cancelled: StatusAborted,
  skipped: StatusAborted,
};

/** A run's scaffolder status as an icon and a word. */
export function RunStatus({ status }: { status: TemplateRunStatus }) {
  const Status = STATUS_ICONS[status];
  return <Status>{RUN_STATUS_LABELS[status]}</Status>;
}
