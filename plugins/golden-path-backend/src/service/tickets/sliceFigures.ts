import {
  percentileOfBuckets,
  TicketSliceFigures,
} from '@golden-path/plugin-golden-path-common';
import { DurationBucketRow, TicketCountsRow } from '../../database/TicketStore';

const NO_TICKETS: TicketCountsRow = {
  slice: '',
  opened: 0,
  resolved: 0,
  reopenedResolved: 0,
  types: { request: 0, incident: 0, bug: 0, question: 0, other: 0 },
};

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

/** The figures of one slice from its counts and duration buckets. */
export function sliceFigures(
  counts: TicketCountsRow | undefined,
  durations: DurationBucketRow[],
): TicketSliceFigures {
  const sums = counts ?? NO_TICKETS;
  return {
    opened: sums.opened,
    resolved: sums.resolved,
    requests: sums.types.request,
    ...(sums.resolved > 0
      ? { reopenRate: sums.reopenedResolved / sums.resolved }
      : {}),
    firstResponse: durationFigures(durations, 'first_response'),
    resolution: durationFigures(durations, 'resolution'),
  };
}

/** Figures per slice (team or path), from counts and buckets by slice. */
export function figuresBySlice(
  counts: TicketCountsRow[],
  durations: DurationBucketRow[],
): Map<string, TicketSliceFigures> {
  const buckets = new Map<string, DurationBucketRow[]>();
  for (const row of durations) {
    buckets.set(row.slice, [...(buckets.get(row.slice) ?? []), row]);
  }
  return new Map(
    counts.map(row => [
      row.slice,
      sliceFigures(row, buckets.get(row.slice) ?? []),
    ]),
  );
}
