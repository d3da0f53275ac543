import { Link, Table, TableColumn } from '@backstage/core-components';
import { GoldenPathSummary } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { TableWithFooter, toCsv } from '../shared';
import { formatPercent } from '../shared/format';

const NONE = '—';

type Row = GoldenPathSummary['adoption'] & {
  id: string;
  title: string;
  docsUrl?: string;
};

const columns: TableColumn<Row>[] = [
  {
    title: 'Golden path',
    field: 'title',
    highlight: true,
    render: row =>
      row.docsUrl ? <Link to={row.docsUrl}>{row.title}</Link> : row.title,
  },
  { title: 'Eligible', field: 'eligible', type: 'numeric' },
  { title: 'On path', field: 'onPath', type: 'numeric' },
  {
    title: 'Adoption',
    field: 'ratio',
    type: 'numeric',
    render: row => (row.ratio === null ? NONE : formatPercent(row.ratio)),
  },
  {
    title: 'Average score',
    field: 'averageScore',
    type: 'numeric',
    render: row =>
      row.averageScore === null ? NONE : Math.round(row.averageScore),
  },
];

/** Each golden path's adoption at the last scoring run, over every team. */
export function PathAdoptionTable({ paths }: { paths: GoldenPathSummary[] }) {
  const rows: Row[] = paths.map(path => ({
    id: path.id,
    title: path.title,
    docsUrl: path.docsUrl,
    ...path.adoption,
  }));
  return (
    <TableWithFooter
      note="At the last scoring run, over every team"
      exportCsv={{
        what: 'the adoption by golden path',
        filename: 'golden-path-adoption.csv',
        load: () =>
          toCsv(
            ['path', 'title', 'eligible', 'on_path', 'ratio', 'average_score'],
            rows.map(row => [
              row.id,
              row.title,
              row.eligible,
              row.onPath,
              row.ratio ?? undefined,
              row.averageScore ?? undefined,
            ]),
          ),
      }}
      table={
        <Table<Row>
          title="Adoption by golden path"
          options={{ paging: rows.length > 10, pageSize: 10, search: false }}
          columns={columns}
          data={rows}
          emptyContent={<Box p={2}>No golden path is configured.</Box>}
        />
      }
    />
  );
}
