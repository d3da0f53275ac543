import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { CsvExport, ExportCsvButton } from './ExportCsvButton';

/** A table, then its footnote and its CSV export on one line. */
export function TableWithFooter(props: {
  table: ReactNode;
  note?: ReactNode;
  exportCsv: CsvExport;
}) {
  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      {props.table}
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="caption" color="textSecondary">
          {props.note}
        </Typography>
        <ExportCsvButton {...props.exportCsv} />
      </Box>
    </Box>
  );
}
