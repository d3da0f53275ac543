import { Table, TableColumn } from '@backstage/core-components';
import { TicketSliceFigures } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';
import { CsvExport, TableWithFooter } from '../shared';
import { formatDuration, formatPercent } from '../shared/format';

const NONE = '—';

type CountRow = { name: string; count: number };

/** Tickets per category or label, most first. */
export function CountTable(props: {
  title: string;
  subtitle?: string;
  nameTitle: string;
  rows: CountRow[];
  exportCsv: CsvExport;
}) {
  const { title, subtitle, nameTitle, rows, exportCsv } = props;
  const columns: TableColumn<CountRow>[] = [
    { title: nameTitle, field: 'name', highlight: true },
    { title: 'Tickets', field: 'count', type: 'numeric' },
  ];
  return (
    <TableWithFooter
      exportCsv={exportCsv}
      table={
        <Table<CountRow>
          title={title}
          subtitle={subtitle}
          options={{ paging: rows.length > 10, pageSize: 10, search: false }}
          columns={columns}
          data={rows.map(row => ({ ...row }))}
          emptyContent={<Box p={2}>No ticket in this period has one.</Box>}
        />
      }
    />
  );
}

type SliceRow = TicketSliceFigures & { key: string };

/** The figures per team or per golden path, most tickets first. */
export function SliceTable(props: {
  title: string;
  keyTitle: string;
  renderKey: (key: string) => ReactNode;
  rows: SliceRow[];
  note: string;
  exportCsv: CsvExport;
}) {
  const { title, keyTitle, renderKey, rows, note, exportCsv } = props;
  const duration = (ms?: number) =>
    ms === undefined ? NONE : formatDuration(ms);
  const columns: TableColumn<SliceRow>[] = [
    {
      title: keyTitle,
      field: 'key',
      highlight: true,
      render: row => renderKey(row.key),
    },
    { title: 'Opened', field: 'opened', type: 'numeric' },
    { title: 'Resolved', field: 'resolved', type: 'numeric' },
    { title: 'Requests', field: 'requests', type: 'numeric' },
    {
      title: 'Median first response',
      field: 'firstResponse.medianMs',
      type: 'numeric',
      render: row => duration(row.firstResponse.medianMs),
    },
    {
      title: 'Median resolution',
      field: 'resolution.medianMs',
      type: 'numeric',
      render: row => duration(row.resolution.medianMs),
    },
    {
      title: 'Reopen rate',
      field: 'reopenRate',
      type: 'numeric',
      render: row =>
        row.reopenRate === undefined ? NONE : formatPercent(row.reopenRate),
    },
  ];
  return (
    <TableWithFooter
      note={note}
      exportCsv={exportCsv}
      table={
        <Table<SliceRow>
          title={title}
          options={{ paging: rows.length > 10, pageSize: 10, search: false }}
          columns={columns}
          data={rows.map(row => ({ ...row }))}
          emptyContent={<Box p={2}>No tickets in this period.</Box>}
        />
      }
    />
  );
}
