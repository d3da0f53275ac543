import { Table, TableColumn } from '@backstage/core-components';
import { TeamMetricsRow } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { TableWithFooter, TeamLink, toCsv } from '../shared';
import { formatDuration, formatPercent } from '../shared/format';
import { npsText } from '../Surveys/npsText';

const NONE = '—';

/** A team's figures flat, so that every column sorts by its own value. */
interface Row {
  team: string;
  eligible?: number;
  onPath?: number;
  adoption?: number;
  averageScore?: number;
  opened: number;
  requests: number;
  medianResolutionMs?: number;
  production: number;
  failures: number;
  templateRuns: number;
  activeUsers: number;
  nps?: number;
  npsResponses: number;
  npsSuppressed: boolean;
}

function toRow(team: TeamMetricsRow): Row {
  const { adoption } = team;
  return {
    team: team.team,
    eligible: adoption?.eligible,
    onPath: adoption?.onPath,
    adoption:
      adoption && adoption.eligible > 0
        ? adoption.onPath / adoption.eligible
        : undefined,
    averageScore: adoption?.averageScore,
    opened: team.tickets.opened,
    requests: team.tickets.requests,
    medianResolutionMs: team.tickets.medianResolutionMs,
    production: team.deployments.production,
    failures: team.deployments.failures,
    templateRuns: team.templateRuns,
    activeUsers: team.activeUsers,
    nps: team.nps,
    npsResponses: team.npsResponses,
    npsSuppressed: team.npsSuppressed,
  };
}

const columns: TableColumn<Row>[] = [
  {
    title: 'Team',
    field: 'team',
    highlight: true,
    // Eleven numeric columns would otherwise squeeze names to a few letters.
    cellStyle: { minWidth: 180 },
    headerStyle: { minWidth: 180 },
    render: row => <TeamLink team={row.team} />,
  },
  {
    title: 'Adoption',
    field: 'adoption',
    type: 'numeric',
    render: row =>
      row.adoption === undefined
        ? NONE
        : `${formatPercent(row.adoption)} (${row.onPath} of ${row.eligible})`,
  },
  {
    title: 'Average score',
    field: 'averageScore',
    type: 'numeric',
    render: row =>
      row.averageScore === undefined ? NONE : Math.round(row.averageScore),
  },
  { title: 'Tickets opened', field: 'opened', type: 'numeric' },
  { title: 'Requests', field: 'requests', type: 'numeric' },
  {
    title: 'Median resolution',
    field: 'medianResolutionMs',
    type: 'numeric',
    render: row =>
      row.medianResolutionMs === undefined
        ? NONE
        : formatDuration(row.medianResolutionMs),
  },
  {
    title: 'Production deployments',
    field: 'production',
    type: 'numeric',
  },
  { title: 'Template runs', field: 'templateRuns', type: 'numeric' },
  { title: 'Active users', field: 'activeUsers', type: 'numeric' },
  {
    title: 'NPS',
    field: 'nps',
    type: 'numeric',
    render: row =>
      npsText({ suppressed: row.npsSuppressed, nps: { score: row.nps } }),
  },
];

/**
 * Every team's adoption, tickets, deployments, template runs, portal use
 * and NPS, sortable by any column.
 */
export function TeamMetricsTable(props: {
  teams: TeamMetricsRow[];
  /** Says that the golden-path filter does not narrow these figures. */
  note?: string;
}) {
  const rows = props.teams.map(toRow);
  return (
    <TableWithFooter
      note={props.note}
      exportCsv={{
        what: 'the figures by team',
        filename: 'golden-path-teams.csv',
        load: () =>
          toCsv(
            [
              'team',
              'eligible',
              'on_path',
              'adoption',
              'average_score',
              'tickets_opened',
              'requests',
              'median_resolution_ms',
              'production_deployments',
              'deployment_failures',
              'template_runs',
              'active_users',
              'nps',
              'nps_responses',
              'nps_withheld',
            ],
            rows.map(row => [
              row.team,
              row.eligible,
              row.onPath,
              row.adoption,
              row.averageScore,
              row.opened,
              row.requests,
              row.medianResolutionMs,
              row.production,
              row.failures,
              row.templateRuns,
              row.activeUsers,
              row.nps,
              row.npsResponses,
              row.npsSuppressed,
            ]),
          ),
      }}
      table={
        <Table<Row>
          title="By team"
          options={{ paging: rows.length > 20, pageSize: 20, search: false }}
          columns={columns}
          data={rows}
          emptyContent={<Box p={2}>No team in this period.</Box>}
        />
      }
    />
  );
}
