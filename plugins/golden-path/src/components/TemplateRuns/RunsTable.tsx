import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Link, Select, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  TemplateRun,
  TemplateRunStatus,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { formatDuration } from '../shared/format';
import { TeamLink } from '../shared';
import { RUN_STATUS_LABELS, RunStatus } from './RunStatus';
import { TemplateRunsError } from './TemplateRunsError';
import { useTemplateRuns } from './useTemplateRuns';

export const PAGE_SIZES = [25, 50, 100];

/** Which runs the table lists and which page of them. */
export interface RunsView {
  status?: TemplateRunStatus;
  /** A user entity ref. */
  user?: string;
  page: number;
  pageSize: number;
}

const ANY_STATUS = 'any';

const STATUS_ITEMS = [
  { label: 'Any status', value: ANY_STATUS },
  ...Object.entries(RUN_STATUS_LABELS).map(([value, label]) => ({
    label,
    value,
  })),
];

// Typing a bare name is the common case: "ada" means user:default/ada.
function userRef(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(trimmed, {
        defaultKind: 'user',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return trimmed;
  }
}

const columns: TableColumn<TemplateRun>[] = [
  {
    title: 'Started',
    field: 'createdAt',
    render: run => (
      <Link
        to={`/create/tasks/${encodeURIComponent(run.taskId)}`}
        title="Open the scaffolder task"
      >
        {new Date(run.createdAt).toLocaleString()}
      </Link>
    ),
  },
  {
    title: 'Run by',
    field: 'runBy',
    render: run =>
      run.runBy ? (
        <EntityRefLink entityRef={run.runBy} defaultKind="user" />
      ) : (
        'unknown'
      ),
  },
  { title: 'Team', field: 'team', render: run => <TeamLink team={run.team} /> },
  {
    title: 'Version',
    field: 'templateVersion',
    render: run => run.templateVersion ?? '—',
  },
  {
    title: 'Status',
    field: 'status',
    render: run => <RunStatus status={run.status} />,
  },
  {
    title: 'Duration',
    field: 'durationMs',
    render: run =>
      run.durationMs === undefined ? '—' : formatDuration(run.durationMs),
  },
  {
    title: 'Entity created',
    field: 'entityRef',
    render: run =>
      run.entityRef ? (
        <EntityRefLink entityRef={run.entityRef} defaultKind="component" />
      ) : (
        '—'
      ),
  },
];

/**
 * A template's runs from `from` on, newest first, filtered by status and
 * runner and paged by the backend: it holds any number of runs.
 */
export function RunsTable(props: {
  from: string;
  view: RunsView;
  onFilter: (filter: Partial<Pick<RunsView, 'status' | 'user'>>) => void;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { from, view, onFilter, onPage } = props;
  const { value, loading, error } = useTemplateRuns({
    from,
    status: view.status,
    user: view.user,
    limit: view.pageSize,
    offset: view.page * view.pageSize,
  });
  const [userText, setUserText] = useState(view.user ?? '');
  useDebounce(
    () => {
      const user = userRef(userText);
      if (user !== view.user) {
        onFilter({ user });
      }
    },
    400,
    [userText],
  );

  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <Box display="flex" gridGap={16} alignItems="flex-end" flexWrap="wrap">
        <Box minWidth={200}>
          <Select
            label="Status"
            items={STATUS_ITEMS}
            selected={view.status ?? ANY_STATUS}
            onChange={selected =>
              onFilter({
                status:
                  selected === ANY_STATUS
                    ? undefined
                    : (selected as TemplateRunStatus),
              })
            }
            data-testid="run-status-filter"
          />
        </Box>
        <TextField
          id="template-runs-user-filter"
          label="Run by"
          placeholder="ada or user:default/ada"
          variant="outlined"
          size="small"
          margin="dense"
          value={userText}
          onChange={event => setUserText(event.target.value)}
          InputLabelProps={{ shrink: true }}
        />
      </Box>
      {error ? (
        <TemplateRunsError error={error} title="Could not load the runs" />
      ) : (
        <Table<TemplateRun>
          title={value ? `Runs (${value.totalItems})` : 'Runs'}
          subtitle="Newest first"
          isLoading={loading}
          columns={columns}
          data={(value?.items ?? []).map(run => ({ ...run }))}
          page={view.page}
          totalCount={value?.totalItems ?? 0}
          onPageChange={onPage}
          options={{
            paging: true,
            pageSize: view.pageSize,
            pageSizeOptions: PAGE_SIZES,
            search: false,
            sorting: false,
          }}
          emptyContent={
            view.status || view.user
              ? 'No runs match these filters.'
              : 'No runs in this period.'
          }
        />
      )}
    </Box>
  );
}
