import { Table, TableColumn } from '@backstage/core-components';
import { SuppressibleNps } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';
import { CsvExport, ExportCsvButton } from '../shared';
import { npsText, withheldReason } from './npsText';

type Row = SuppressibleNps & { key: string };

/**
 * NPS per team or per quarter. A withheld row says why in place of its
 * figures.
 */
export function NpsBreakdownTable(props: {
  title: string;
  keyTitle: string;
  renderKey: (key: string) => ReactNode;
  rows: Row[];
  minGroupSize: number;
  exportCsv: CsvExport;
}) {
  const { title, keyTitle, renderKey, rows, minGroupSize, exportCsv } = props;
  const count = (field: 'promoters' | 'passives' | 'detractors') => ({
    title: field[0].toUpperCase() + field.slice(1),
    field,
    type: 'numeric' as const,
    sorting: false,
    render: (row: Row) => (row.nps ? row.nps[field] : '—'),
  });
  const columns: TableColumn<Row>[] = [
    {
      title: keyTitle,
      field: 'key',
      highlight: true,
      render: row => renderKey(row.key),
    },
    { title: 'Responses', field: 'responses', type: 'numeric' },
    {
      title: 'NPS',
      field: 'nps',
      sorting: false,
      render: row =>
        row.suppressed
          ? withheldReason(row.responses, minGroupSize)
          : npsText(row),
    },
    count('promoters'),
    count('passives'),
    count('detractors'),
  ];
  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <Table<Row>
        title={title}
        options={{ paging: rows.length > 20, pageSize: 20, search: false }}
        columns={columns}
        data={rows.map(row => ({ ...row }))}
      />
      <Box alignSelf="flex-end">
        <ExportCsvButton {...exportCsv} />
      </Box>
    </Box>
  );
}
