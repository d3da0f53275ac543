import {
  Content,
  InfoCard,
  Progress,
  Select,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useMemo, useState } from 'react';
import { LAST_90_DAYS, rangeFrom, TIME_RANGES, TimeRange } from './ranges';
import {
  FiguresSubheader,
  hasRunData,
  RunFiguresPanel,
} from './RunFiguresPanel';
import { PAGE_SIZES, RunsTable, RunsView } from './RunsTable';
import { TeamsTable } from './TeamsTable';
import { TemplateEntitiesTable } from './TemplateEntitiesTable';
import { TemplateRunsError } from './TemplateRunsError';
import { useTemplateEntities } from './useTemplateEntities';
import { useTemplateFigures } from './useTemplateFigures';

function EntitiesCreated(props: ReturnType<typeof useTemplateEntities>) {
  const { loading, error, value } = props;
  if (loading) {
    return <Progress aria-label="Loading the entities created" />;
  }
  if (error) {
    return (
      <TemplateRunsError
        error={error}
        title="Could not load the entities created"
      />
    );
  }
  return value ? <TemplateEntitiesTable data={value} /> : null;
}

/**
 * The Runs tab of a template: its figures over a chosen range, per team,
 * every run with filters, and the entities it created with their drift.
 *
 * @public
 */
export function EntityTemplateRunsContent() {
  const [range, setRange] = useState<TimeRange>(LAST_90_DAYS);
  const [view, setView] = useState<RunsView>({
    page: 0,
    pageSize: PAGE_SIZES[0],
  });
  const from = useMemo(() => rangeFrom(range), [range]);
  const figures = useTemplateFigures(from);
  // One request serves the figures' drift count and the entities table.
  const entities = useTemplateEntities();

  if (figures.error) {
    return (
      <Content>
        <TemplateRunsError
          error={figures.error}
          title="Could not load template runs"
        />
      </Content>
    );
  }
  const data = figures.value;
  const hasRuns = data && hasRunData(data.source) && data.figures.runs > 0;
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box display="flex" justifyContent="flex-end">
            <Box minWidth={200}>
              <Select
                label="Time range"
                items={TIME_RANGES.map(({ label, value }) => ({
                  label,
                  value,
                }))}
                selected={range.value}
                onChange={selected => {
                  setRange(
                    TIME_RANGES.find(r => r.value === selected) ?? LAST_90_DAYS,
                  );
                  setView(v => ({ ...v, page: 0 }));
                }}
                data-testid="time-range-filter"
              />
            </Box>
          </Box>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="Runs and figures"
            subheader={
              <FiguresSubheader range={range.label} source={data?.source} />
            }
          >
            {figures.loading && <Progress aria-label="Loading template runs" />}
            {data && (
              <RunFiguresPanel
                data={data}
                entities={entities.value}
                during={range.during}
              />
            )}
          </InfoCard>
        </Grid>
        {hasRuns && (
          <>
            <Grid item xs={12}>
              <TeamsTable teams={data.figures.teams} />
            </Grid>
            <Grid item xs={12}>
              <RunsTable
                from={from}
                view={view}
                onFilter={filter =>
                  setView(v => ({ ...v, ...filter, page: 0 }))
                }
                onPage={(page, pageSize) =>
                  setView(v => ({ ...v, page, pageSize }))
                }
              />
            </Grid>
          </>
        )}
        <Grid item xs={12}>
          <EntitiesCreated {...entities} />
        </Grid>
      </Grid>
    </Content>
  );
}
