import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { PlatformMetricsResponse } from '@golden-path/plugin-golden-path-common';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';
import { useGoldenPaths } from '../../hooks/useGoldenPaths';
import {
  FigureFiltersBar,
  rangeFrom,
  TableWithFooter,
  useFigureFilters,
} from '../shared';
import { formatDate, plural } from '../shared/format';
import { AntiPatterns } from './AntiPatterns';
import { FeatureUsage } from './FeatureUsage';
import { Loaded } from './Loaded';
import { MetricTiles } from './MetricTiles';
import { MetricTrendChart } from './MetricTrendChart';
import { NpsSection } from './NpsSection';
import { PathAdoptionTable } from './PathAdoptionTable';
import { antiPatternsCsv, funnelCsv, metricsCsv } from './platformCsv';
import { TeamMetricsTable } from './TeamMetricsTable';
import { TemplateFunnel } from './TemplateFunnel';
import { TicketPainPoints } from './TicketPainPoints';

/** The sections drawn from the platform metrics response. */
function PlatformMetrics(props: {
  response: PlatformMetricsResponse;
  weeks: number;
}) {
  const { response, weeks } = props;
  const period = plural(weeks, 'week');
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Platform metrics"
          subheader={`${formatDate(response.from)} – ${formatDate(
            response.to,
          )}, against the ${period} before`}
        >
          <TableWithFooter
            table={<MetricTiles metrics={response.metrics} period={period} />}
            exportCsv={{
              what: 'the platform metrics',
              filename: 'golden-path-platform-metrics.csv',
              load: () => metricsCsv(response.metrics),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Anti-patterns"
          subheader="What the metrics say to fix first"
        >
          <TableWithFooter
            table={<AntiPatterns found={response.antiPatterns} />}
            exportCsv={{
              what: 'the anti-patterns',
              filename: 'golden-path-anti-patterns.csv',
              load: () => antiPatternsCsv(response.antiPatterns),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Template funnel"
          subheader="From template run to production"
        >
          <TableWithFooter
            table={
              <TemplateFunnel
                funnel={response.funnel}
                coverage={response.catalogCoverage}
              />
            }
            exportCsv={{
              what: 'the template funnel',
              filename: 'golden-path-template-funnel.csv',
              load: () => funnelCsv(response.funnel, response.catalogCoverage),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Trend">
          <MetricTrendChart metrics={response.metrics} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The Dashboard tab, which the platform team reads every week: the nine
 * platform metrics against their targets, the anti-patterns they show, the
 * template funnel, adoption per team and per golden path, the NPS and its
 * comments, ticket pain points and portal usage, over a range, team and
 * golden path kept in the URL.
 *
 * @public
 */
export function DashboardContent() {
  const api = useApi(goldenPathApiRef);
  const { filters, setFilters } = useFigureFilters();
  const paths = useGoldenPaths();
  const query = useMemo(
    () => ({
      from: rangeFrom(filters.weeks),
      group: filters.team,
      path: filters.path,
    }),
    [filters],
  );
  // Per-team figures and portal usage are not kept per golden path.
  const period = useMemo(
    () => ({ from: query.from, group: query.group }),
    [query],
  );
  const metrics = useAsync(() => api.getPlatformMetrics(query), [api, query]);
  const teams = useAsync(() => api.getTeamMetrics(period), [api, period]);
  const usage = useAsync(() => api.getFeatureUsage(period), [api, period]);
  const everyPath = filters.path
    ? 'Every golden path: these figures are not kept per path'
    : undefined;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <FigureFiltersBar
          filters={filters}
          onChange={setFilters}
          paths={paths.value ?? []}
        />
      </Grid>
      <Grid item xs={12}>
        <Loaded state={metrics} what="the platform metrics">
          {value => <PlatformMetrics response={value} weeks={filters.weeks} />}
        </Loaded>
      </Grid>
      <Grid item xs={12}>
        <Loaded state={teams} what="the figures by team">
          {value => <TeamMetricsTable teams={value.teams} note={everyPath} />}
        </Loaded>
      </Grid>
      {/* Six columns: half a screen only where a screen is wide. */}
      <Grid item xs={12} xl={6}>
        <Loaded state={paths} what="the golden paths">
          {value => <PathAdoptionTable paths={value} />}
        </Loaded>
      </Grid>
      <NpsSection group={filters.team} />
      <TicketPainPoints query={query} />
      <Grid item xs={12}>
        <InfoCard title="Portal usage" subheader={everyPath}>
          <Loaded state={usage} what="the feature usage">
            {value => <FeatureUsage usage={value} />}
          </Loaded>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
