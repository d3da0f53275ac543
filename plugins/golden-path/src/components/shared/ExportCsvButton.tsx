import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetApp from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { errorMessage } from './errorMessage';
import { saveCsv } from './saveCsv';

/**
 * A table to export: what it is, the file to save and its CSV text, fetched
 * from the backend or written from the rows shown (see `toCsv`).
 */
export interface CsvExport {
  /** Completes "Export … as CSV" for screen readers. */
  what: string;
  filename: string;
  load: () => Promise<string> | string;
}

/** Downloads a table as a CSV file, saying inline when the export fails. */
export function ExportCsvButton(props: CsvExport) {
  const { what, filename, load } = props;
  const [{ loading, error }, download] = useAsyncFn(async () => {
    saveCsv(filename, await load());
  }, [filename, load]);
  return (
    <Box display="inline-flex" alignItems="center" gridGap={8}>
      <Button
        size="small"
        startIcon={<GetApp aria-hidden />}
        onClick={download}
        disabled={loading}
        aria-label={`Export ${what} as CSV`}
      >
        CSV
      </Button>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          Could not export: {errorMessage(error)}
        </Typography>
      )}
    </Box>
  );
}
