import {
  DurationFigures,
  TicketFiguresResponse,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { Figure, TrendText } from '../shared';
import {
  formatDecimal,
  formatDuration,
  formatPercent,
  plural,
} from '../shared/format';

const NONE = '—';

function median(figures: DurationFigures): string {
  return figures.medianMs === undefined
    ? NONE
    : formatDuration(figures.medianMs);
}

/** The p90 and how many tickets the durations are over. */
function spread(figures: DurationFigures, noun: string): string {
  const over = plural(figures.count, noun);
  return figures.p90Ms === undefined
    ? over
    : `p90 ${formatDuration(figures.p90Ms)} · ${over}`;
}

/**
 * The headline ticket figures: volume and its trend, how fast tickets are
 * answered and resolved, how often they come back, and how many are
 * requests that self-service could replace. Lower is better throughout.
 */
export function TicketKpis({ figures }: { figures: TicketFiguresResponse }) {
  const { totals } = figures;
  const period = plural(figures.weeks.length, 'week');
  return (
    <Box
      component="dl"
      m={0}
      display="grid"
      gridTemplateColumns="repeat(auto-fill, minmax(200px, 1fr))"
      gridGap={24}
    >
      <Figure
        label="Tickets opened per week"
        value={formatDecimal(figures.openedPerWeek)}
        trend={<TrendText trend={figures.volumeTrend} period={period} />}
        counts={`${totals.opened} opened in ${period}`}
      />
      <Figure
        label="Time to first response (median)"
        value={median(totals.firstResponse)}
        counts={spread(totals.firstResponse, 'answered ticket')}
      />
      <Figure
        label="Time to resolution (median)"
        value={median(totals.resolution)}
        trend={<TrendText trend={figures.resolutionTrend} period={period} />}
        counts={spread(totals.resolution, 'resolved ticket')}
      />
      <Figure
        label="Reopen rate"
        value={
          totals.reopenRate === undefined
            ? NONE
            : formatPercent(totals.reopenRate)
        }
        counts={`of ${plural(totals.resolved, 'resolved ticket')}`}
      />
      <Figure
        label="Requests"
        value={totals.requests}
        counts={
          totals.opened > 0
            ? `${formatPercent(
                totals.requests / totals.opened,
              )} of tickets opened: what self-service should replace`
            : 'what self-service should replace'
        }
      />
    </Box>
  );
}
