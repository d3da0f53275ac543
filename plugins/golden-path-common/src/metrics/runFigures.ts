import type { RunFigures, TemplateRunStatus } from '../types/templates';
import { median, percentile } from './percentile';

/**
 * The part of a run that its figures read.
 *
 * @public
 */
export interface RunFigureInput {
  status: TemplateRunStatus;
  durationMs?: number | null;
  timeSavedSeconds?: number | null;
}

const FINISHED: ReadonlySet<TemplateRunStatus> = new Set([
  'completed',
  'failed',
  'cancelled',
]);

/**
 * Counts, success rate, duration percentiles and time saved of a set of
 * runs. Durations and time saved count succeeded runs only: a failed run
 * saved nobody any time, and its duration says how fast it failed.
 *
 * @public
 */
export function runFigures(runs: Iterable<RunFigureInput>): RunFigures {
  let count = 0;
  let finished = 0;
  let failed = 0;
  let cancelled = 0;
  let timeSavedSeconds = 0;
  let runsWithoutTimeSaved = 0;
  const durations: number[] = [];
  for (const run of runs) {
    count += 1;
    if (!FINISHED.has(run.status)) {
      continue;
    }
    finished += 1;
    if (run.status === 'failed') {
      failed += 1;
    } else if (run.status === 'cancelled') {
      cancelled += 1;
    } else {
      if (typeof run.durationMs === 'number') {
        durations.push(run.durationMs);
      }
      if (typeof run.timeSavedSeconds === 'number') {
        timeSavedSeconds += run.timeSavedSeconds;
      } else {
        runsWithoutTimeSaved += 1;
      }
    }
  }
  const succeeded = finished - failed - cancelled;
  return {
    runs: count,
    finished,
    succeeded,
    failed,
    cancelled,
    successRate: finished > 0 ? succeeded / finished : undefined,
    medianDurationMs: median(durations),
    p90DurationMs: percentile(durations, 90),
    timeSavedSeconds,
    runsWithoutTimeSaved,
  };
}
