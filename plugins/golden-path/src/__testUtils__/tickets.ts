import {
  TicketFiguresResponse,
  TicketSliceFigures,
} from '@golden-path/plugin-golden-path-common';

const HOUR = 3_600_000;

const slice = (
  opened: number,
  resolved: number,
  changes: Partial<TicketSliceFigures> = {},
): TicketSliceFigures => ({
  opened,
  resolved,
  requests: Math.round(opened / 3),
  reopenRate: 0.1,
  firstResponse: { count: opened, medianMs: 2 * HOUR, p90Ms: 20 * HOUR },
  resolution: { count: resolved, medianMs: 30 * HOUR, p90Ms: 100 * HOUR },
  ...changes,
});

/**
 * 13 weeks of tickets: fewer opened than before (better), resolved more
 * slowly (worse).
 */
export const ticketFigures: TicketFiguresResponse = {
  from: '2026-08-24T00:00:00.000Z',
  to: '2026-11-24T08:00:00.000Z',
  previous: {
    from: '2026-05-25T00:00:00.000Z',
    to: '2026-08-24T00:00:00.000Z',
  },
  totals: slice(195, 180, {
    requests: 60,
    reopenRate: 0.08,
    firstResponse: { count: 190, medianMs: 2.5 * HOUR, p90Ms: 26 * HOUR },
    resolution: { count: 180, medianMs: 30 * HOUR, p90Ms: 98 * HOUR },
  }),
  previousTotals: slice(260, 250),
  openedPerWeek: 15,
  volumeTrend: {
    previous: 20,
    change: -5,
    relativeChange: -0.25,
    direction: 'down',
    improving: true,
  },
  resolutionTrend: {
    previous: 24 * HOUR,
    change: 6 * HOUR,
    relativeChange: 0.25,
    direction: 'up',
    improving: false,
  },
  weeks: Array.from({ length: 13 }, (_, i) => ({
    week: new Date(Date.UTC(2026, 7, 24 + 7 * i)).toISOString().slice(0, 10),
    opened: 15,
    resolved: i === 12 ? 0 : 15,
  })),
  categories: [
    { category: 'access', count: 70 },
    { category: 'ci', count: 55 },
  ],
  labels: [
    { label: 'database-provisioning', count: 31 },
    { label: 'dns', count: 12 },
  ],
  types: [
    { type: 'request', count: 60 },
    { type: 'incident', count: 35 },
  ],
  teams: [
    { team: 'group:default/payments', ...slice(120, 110) },
    { team: 'unassigned', ...slice(75, 70) },
  ],
  paths: [{ pathId: 'node-service', ...slice(90, 85) }],
  unattributed: { noPath: 105, noTeam: 75 },
  computedAt: '2026-11-24T08:00:00.000Z',
};
