import { RunFigures } from '@golden-path/plugin-golden-path-common';
import { formatHours } from '../shared/format';

/** Time saved as hours; `undefined` when no succeeded run declared any. */
export function timeSaved(figures: RunFigures): string | undefined {
  return figures.succeeded > figures.runsWithoutTimeSaved
    ? formatHours(figures.timeSavedSeconds)
    : undefined;
}
