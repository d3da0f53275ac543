import {
  percentileOfBuckets,
  TicketSliceFigures,
} from '@golden-path/plugin-golden-path-common';
import { DurationBucketRow, TicketWeeklyRow } from '../../database/TicketStore';

/** Weekly counts summed. */
export function sumWeekly(rows: TicketWeeklyRow[]) {
  return rows.reduce(
    (sum, row) => ({
      opened: sum.opened + row.opened,
      resolved: sum.resolved + row.resolved,
      reopenedResolved: sum.reopenedResolved + row.reopenedResolved,
      requests: sum.requests + row.requests,
    }),
    { opened: 0, resolved: 0, reopenedResolved: 0, requests: 0 },
  );
}

function durationFigures(
  rows: DurationBucketRow[],
  measure: DurationBucketRow['measure'],
) {
  const counts = rows.filter(row => row.measure === measure);
  const count = counts.reduce((sum, row) => sum + row.count, 0);
  const median = percentileOfBuckets(counts, 50);
  const p90 = percentileOfBuckets(counts, 90);
  return {
    count,
    ...(median !== undefined ? { medianMs: median } : {}),
    ...(p90 !== undefined ? { p90Ms: p90 } : {}),
  };
}

/** The figures of one slice from its weekly rows and duration buckets. */
export function sliceFigures(
  weekly: TicketWeeklyRow[],
  durations: DurationBucketRow[],
): TicketSliceFigures {
  const sums = sumWeekly(weekly);
  return {
    opened: sums.opened,
    resolved: sums.resolved,
    requests: sums.requests,
    ...(sums.resolved > 0
      ? { reopenRate: sums.reopenedResolved / sums.resolved }
      : {}),
    firstResponse: durationFigures(durations, 'first_response'),
    resolution: durationFigures(durations, 'resolution'),
  };
}
