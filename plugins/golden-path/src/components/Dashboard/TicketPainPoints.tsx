import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useLocation } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  goldenPathApiRef,
  TicketExportTable,
  TicketFiguresQuery,
} from '../../api';
import { CsvExport } from '../shared';
import { CountTable } from '../Tickets/TicketTables';
import { Loaded } from './Loaded';

// The dashboard shows the top few; the Support tickets tab has them all.
const TOP = 5;

/**
 * What developers open tickets about: the top categories and labels, with
 * a link to the Support tickets tab over the same filters.
 */
export function TicketPainPoints({ query }: { query: TicketFiguresQuery }) {
  const api = useApi(goldenPathApiRef);
  const { search } = useLocation();
  const figures = useAsync(() => api.getTicketFigures(query), [api, query]);
  const exportCsv = (table: TicketExportTable, what: string): CsvExport => ({
    what,
    filename: `tickets-${table}.csv`,
    load: () => api.exportTicketFigures(table, query),
  });
  return (
    <Grid item xs={12}>
      <InfoCard
        title="Ticket pain points"
        subheader="What developers open tickets about"
        deepLink={{
          title: 'All ticket figures',
          link: `../tickets${search}`,
        }}
      >
        <Loaded state={figures} what="the ticket figures">
          {value => (
            <Grid container spacing={3}>
              <Grid item xs={12} md={6}>
                <CountTable
                  title={`Top ${TOP} categories`}
                  nameTitle="Category"
                  rows={value.categories.slice(0, TOP).map(c => ({
                    name: c.category,
                    count: c.count,
                  }))}
                  exportCsv={exportCsv('categories', 'the categories')}
                />
              </Grid>
              <Grid item xs={12} md={6}>
                <CountTable
                  title={`Top ${TOP} labels`}
                  nameTitle="Label"
                  rows={value.labels.slice(0, TOP).map(l => ({
                    name: l.label,
                    count: l.count,
                  }))}
                  exportCsv={exportCsv('labels', 'the labels')}
                />
              </Grid>
            </Grid>
          )}
        </Loaded>
      </InfoCard>
    </Grid>
  );
}
