import { Table, TableColumn } from '@backstage/core-components';
import { FeatureUsageResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { TableWithFooter, toCsv } from '../shared';
import { plural } from '../shared/format';
import { WeeklyActiveUsers } from './WeeklyActiveUsers';

type Row = FeatureUsageResponse['features'][number];

const columns: TableColumn<Row>[] = [
  { title: 'Plugin', field: 'pluginId', highlight: true },
  { title: 'Page or feature', field: 'feature' },
  { title: 'Events', field: 'events', type: 'numeric' },
  { title: 'Teams', field: 'teams', type: 'numeric' },
];

/**
 * Weekly active users, which plugins and pages of the portal are used, by
 * how many teams, and the installed plugins nobody used: candidates to
 * promote or remove.
 */
export function FeatureUsage({ usage }: { usage: FeatureUsageResponse }) {
  // Copies: the table writes its own state into the rows it is given.
  const rows = usage.features.map(feature => ({ ...feature }));
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <WeeklyActiveUsers weeks={usage.weeks} />
      <TableWithFooter
        note={`${plural(usage.activeUsers, 'active user')} in the period`}
        exportCsv={{
          what: 'the feature usage',
          filename: 'golden-path-feature-usage.csv',
          load: () =>
            toCsv(
              ['plugin', 'feature', 'events', 'teams'],
              rows.map(row => [
                row.pluginId,
                row.feature,
                row.events,
                row.teams,
              ]),
            ),
        }}
        table={
          <Table<Row>
            title="Feature usage"
            options={{ paging: rows.length > 10, pageSize: 10, search: true }}
            columns={columns}
            data={rows}
            emptyContent={
              <Box p={2}>
                No portal usage recorded in the period: the app sends it through
                the Golden Path analytics forwarder.
              </Box>
            }
          />
        }
      />
      <Box>
        <Typography variant="subtitle1" component="h3">
          Installed but unused
        </Typography>
        {usage.ignoredPlugins.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            Every installed plugin was used in the period.
          </Typography>
        ) : (
          <Box
            component="ul"
            m={0}
            p={0}
            display="flex"
            flexWrap="wrap"
            gridGap={8}
            aria-label="Installed but unused"
            style={{ listStyle: 'none' }}
          >
            {usage.ignoredPlugins.map(pluginId => (
              <li key={pluginId}>
                <Chip size="small" label={pluginId} />
              </li>
            ))}
          </Box>
        )}
      </Box>
    </Box>
  );
}
