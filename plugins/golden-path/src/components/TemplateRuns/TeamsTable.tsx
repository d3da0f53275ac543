import { Table, TableColumn } from '@backstage/core-components';
import { TemplateFigures } from '@golden-path/plugin-golden-path-common';
import { formatDuration, formatPercent } from '../shared/format';
import { TeamLink } from '../shared';
import { timeSaved } from './timeSaved';

type Row = TemplateFigures['teams'][number];

const columns: TableColumn<Row>[] = [
  {
    title: 'Team',
    field: 'team',
    highlight: true,
    render: row => <TeamLink team={row.team} />,
  },
  { title: 'Runs', field: 'runs', type: 'numeric' },
  {
    title: 'Success rate',
    field: 'successRate',
    type: 'numeric',
    render: row =>
      row.successRate === undefined ? '—' : formatPercent(row.successRate),
  },
  {
    title: 'Median duration',
    field: 'medianDurationMs',
    type: 'numeric',
    render: row =>
      row.medianDurationMs === undefined
        ? '—'
        : formatDuration(row.medianDurationMs),
  },
  {
    title: 'Time saved',
    field: 'timeSavedSeconds',
    type: 'numeric',
    render: row => timeSaved(row) ?? '—',
  },
];

/** The template's figures per runner team, most runs first. */
export function TeamsTable({ teams }: { teams: TemplateFigures['teams'] }) {
  return (
    <Table<Row>
      title="Runs by team"
      subtitle="The runner's team when the run was recorded"
      options={{ paging: teams.length > 10, pageSize: 10, search: false }}
      columns={columns}
      data={teams.map(team => ({ ...team }))}
    />
  );
}
