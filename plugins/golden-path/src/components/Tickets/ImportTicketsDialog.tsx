import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  TicketImportResponse,
  TicketInput,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { goldenPathApiRef } from '../../api';
import { errorMessage, visuallyHidden } from '../shared';
import { plural } from '../shared/format';

const TITLE_ID = 'golden-path-import-title';

// FileReader rather than Blob.text(), which not every runtime has.
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

const previewColumns: TableColumn<TicketInput>[] = [
  { title: 'Id', field: 'id' },
  { title: 'Title', field: 'title' },
  { title: 'Type', field: 'type' },
  { title: 'Status', field: 'status' },
  { title: 'Category', field: 'category' },
  { title: 'Golden path', field: 'pathId' },
  {
    title: 'Created',
    field: 'createdAt',
    render: row => new Date(row.createdAt).toLocaleString(),
  },
];

/** A preview's row count, its errors by line, and its first rows. */
function Checked({ response }: { response: TicketImportResponse }) {
  const { rows, errors, preview, result } = response;
  return (
    <Box display="flex" flexDirection="column" gridGap={12}>
      {result && (
        <Alert severity="success">
          Imported {plural(result.received, 'ticket')} into {result.source}:{' '}
          {result.inserted} new, {result.updated} updated, {result.unchanged}{' '}
          unchanged, {result.stale} older than what was stored.
        </Alert>
      )}
      {!result && errors.length === 0 && (
        <Alert severity="info">
          {plural(rows, 'row')}, all valid: nothing is stored until you import.
        </Alert>
      )}
      {errors.length > 0 && (
        <Alert severity="error">
          {plural(rows, 'row')}, {plural(errors.length, 'error')}: fix them and
          preview again. Nothing was stored.
          <List dense aria-label="Row errors">
            {errors.map(error => (
              <ListItem
                key={`${error.line}-${error.field ?? ''}-${error.message}`}
                disableGutters
              >
                Line {error.line}
                {error.field ? ` (${error.field})` : ''}: {error.message}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      {!result && preview.length > 0 && (
        <Table<TicketInput>
          title="As they would be stored"
          subtitle={`The first ${plural(preview.length, 'row')}`}
          options={{ paging: false, search: false, sorting: false }}
          columns={previewColumns}
          data={preview.map(row => ({ ...row }))}
        />
      )}
    </Box>
  );
}

/**
 * Imports support tickets from a CSV file: preview first, which stores
 * nothing and lists the rows' errors by line, then import once the file is
 * clean. The backend stores the file whole or not at all.
 */
export function ImportTicketsDialog(props: {
  onClose: () => void;
  onImported: () => void;
}) {
  const { onClose, onImported } = props;
  const api = useApi(goldenPathApiRef);
  const [csv, setCsv] = useState('');
  const [source, setSource] = useState('csv');
  const [fileName, setFileName] = useState<string>();
  const [checked, setChecked] = useState<{
    csv: string;
    source: string;
    response: TicketImportResponse;
  }>();

  const [read, readFile] = useAsyncFn(async (file: File) => {
    const text = await readText(file);
    setFileName(file.name);
    setCsv(text);
  }, []);
  const [previewed, preview] = useAsyncFn(async () => {
    const response = await api.importTickets(csv, { source, dryRun: true });
    setChecked({ csv, source, response });
  }, [api, csv, source]);
  const [imported, doImport] = useAsyncFn(async () => {
    const response = await api.importTickets(csv, { source, dryRun: false });
    setChecked({ csv, source, response });
    if (response.result) {
      onImported();
    }
  }, [api, csv, source, onImported]);

  // The preview speaks for the file and source it was made of only.
  const current =
    checked && checked.csv === csv && checked.source === source
      ? checked.response
      : undefined;
  const busy = previewed.loading || imported.loading;
  const error = read.error ?? previewed.error ?? imported.error;
  const done = Boolean(current?.result);

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby={TITLE_ID}
    >
      <DialogTitle id={TITLE_ID}>Import tickets from CSV</DialogTitle>
      <DialogContent dividers>
        <Box display="flex" flexDirection="column" gridGap={16}>
          <Typography variant="body2" color="textSecondary">
            One ticket per row under a header row, with the columns id, status,
            created and updated, and optionally title, url, type, category,
            labels, components, requester, entity, path, first_response,
            resolved and reopened. A ticket imported again is updated, never
            counted twice.
          </Typography>
          <Box display="flex" alignItems="center" gridGap={12}>
            <Button variant="outlined" component="label" disabled={busy}>
              Choose a file
              <input
                type="file"
                accept=".csv,text/csv"
                aria-label="CSV file"
                style={visuallyHidden}
                onChange={event => {
                  const file = event.target.files?.[0];
                  if (file) {
                    readFile(file);
                  }
                }}
              />
            </Button>
            <Typography variant="body2" color="textSecondary">
              {fileName ?? 'or paste the file below'}
            </Typography>
          </Box>
          <TextField
            id="golden-path-import-csv"
            label="CSV"
            multiline
            minRows={6}
            maxRows={16}
            variant="outlined"
            disabled={busy}
            value={csv}
            onChange={event => {
              setFileName(undefined);
              setCsv(event.target.value);
            }}
            InputProps={{ style: { fontFamily: 'monospace' } }}
          />
          <TextField
            id="golden-path-import-source"
            label="Source"
            helperText="The tracker the tickets come from, such as jira: ids are unique within it."
            variant="outlined"
            size="small"
            disabled={busy}
            value={source}
            onChange={event => setSource(event.target.value)}
          />
          {error && <Alert severity="error">{errorMessage(error)}</Alert>}
          {current && <Checked response={current} />}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {done ? 'Close' : 'Cancel'}
        </Button>
        {!done && (
          <>
            <Button
              variant="outlined"
              color="primary"
              onClick={preview}
              disabled={busy || !csv.trim()}
            >
              Preview
            </Button>
            <Button
              variant="contained"
              color="primary"
              onClick={doImport}
              disabled={busy || !current || current.errors.length > 0}
            >
              Import
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
