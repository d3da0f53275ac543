import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  GoldenPathSummary,
  goldenPathTicketsWritePermission,
  TicketFiguresResponse,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Publish from '@material-ui/icons/Publish';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathApiRef, TicketExportTable } from '../../api';
import { useGoldenPaths } from '../../hooks/useGoldenPaths';
import {
  CsvExport,
  ExportCsvButton,
  FigureFiltersBar,
  rangeFrom,
  TeamLink,
  useFigureFilters,
} from '../shared';
import { plural } from '../shared/format';
import { ImportTicketsDialog } from './ImportTicketsDialog';
import { TicketKpis } from './TicketKpis';
import { CountTable, SliceTable } from './TicketTables';
import { WeeklyChart } from './WeeklyChart';

function Figures(props: {
  figures: TicketFiguresResponse;
  paths: GoldenPathSummary[];
  exportCsv: (table: TicketExportTable, what: string) => CsvExport;
}) {
  const { figures, paths, exportCsv } = props;
  const pathTitle = (id: string) =>
    paths.find(path => path.id === id)?.title ?? id;
  const { noTeam, noPath } = figures.unattributed;
  return (
    <>
      <Grid item xs={12}>
        <InfoCard title="Support tickets">
          <TicketKpis figures={figures} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Opened and resolved per week"
          action={
            <ExportCsvButton {...exportCsv('weeks', 'the weekly counts')} />
          }
        >
          <WeeklyChart weeks={figures.weeks} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <CountTable
          title="Top categories"
          nameTitle="Category"
          rows={figures.categories.map(c => ({
            name: c.category,
            count: c.count,
          }))}
          exportCsv={exportCsv('categories', 'the categories')}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <CountTable
          title="Top labels"
          subtitle="The pain points tickets are labelled with"
          nameTitle="Label"
          rows={figures.labels.map(l => ({ name: l.label, count: l.count }))}
          exportCsv={exportCsv('labels', 'the labels')}
        />
      </Grid>
      <Grid item xs={12}>
        <SliceTable
          title="By team"
          keyTitle="Team"
          renderKey={team => <TeamLink team={team} />}
          rows={figures.teams.map(({ team, ...row }) => ({
            key: team,
            ...row,
          }))}
          note={`${plural(noTeam, 'ticket')} ${
            noTeam === 1 ? 'has' : 'have'
          } no team`}
          exportCsv={exportCsv('teams', 'the figures by team')}
        />
      </Grid>
      <Grid item xs={12}>
        <SliceTable
          title="By golden path"
          keyTitle="Golden path"
          renderKey={pathTitle}
          rows={figures.paths.map(({ pathId, ...row }) => ({
            key: pathId,
            ...row,
          }))}
          note={`${plural(noPath, 'ticket')} ${
            noPath === 1 ? 'has' : 'have'
          } no golden path`}
          exportCsv={exportCsv('paths', 'the figures by golden path')}
        />
      </Grid>
    </>
  );
}

/**
 * The Support tickets tab: how many tickets developers open, how fast they
 * are answered and resolved, and what they are about, per team and per
 * golden path, over a range and filters kept in the URL. Holders of the
 * tickets write permission import CSV files here.
 *
 * @public
 */
export function TicketsContent() {
  const api = useApi(goldenPathApiRef);
  const { filters, setFilters } = useFigureFilters();
  // Named in the filter and the per-path table; a failure leaves their ids.
  const paths = useGoldenPaths().value ?? [];
  const { allowed: canImport } = usePermission({
    permission: goldenPathTicketsWritePermission,
  });
  const [importing, setImporting] = useState(false);
  const query = useMemo(
    () => ({
      from: rangeFrom(filters.weeks),
      group: filters.team,
      path: filters.path,
    }),
    [filters],
  );
  const figures = useAsyncRetry(
    () => api.getTicketFigures(query),
    [api, query],
  );
  const exportCsv = (table: TicketExportTable, what: string): CsvExport => ({
    what,
    filename: `tickets-${table}.csv`,
    load: () => api.exportTicketFigures(table, query),
  });

  const data = figures.error ? undefined : figures.value;
  const noTickets = data?.totals.opened === 0 && data.totals.resolved === 0;
  const filtered = filters.team || filters.path ? ' for these filters' : '';

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          justifyContent="space-between"
          alignItems="flex-end"
          gridGap={16}
          flexWrap="wrap"
        >
          <FigureFiltersBar
            filters={filters}
            onChange={setFilters}
            paths={paths}
          />
          {canImport && (
            <Button
              variant="outlined"
              color="primary"
              startIcon={<Publish />}
              onClick={() => setImporting(true)}
            >
              Import CSV
            </Button>
          )}
        </Box>
      </Grid>
      {figures.error && (
        <Grid item xs={12}>
          <ResponseErrorPanel
            error={figures.error}
            title="Could not load the ticket figures"
          />
        </Grid>
      )}
      {!figures.error && !data && (
        <Grid item xs={12}>
          <Progress aria-label="Loading the ticket figures" />
        </Grid>
      )}
      {data && noTickets && (
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="No tickets in this period"
            description={`No ticket was opened or resolved in the last ${plural(
              filters.weeks,
              'week',
            )}${filtered}. Tickets arrive from your trackers' webhooks, the tickets API or a CSV import.`}
          />
        </Grid>
      )}
      {data && !noTickets && (
        <Figures figures={data} paths={paths} exportCsv={exportCsv} />
      )}
      {importing && (
        <ImportTicketsDialog
          onClose={() => setImporting(false)}
          onImported={figures.retry}
        />
      )}
    </Grid>
  );
}
