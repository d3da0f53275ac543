import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GroupRollupResponse } from '@golden-path/plugin-golden-path-common';

type Row = GroupRollupResponse['entities'][number] & {
  pathLabel: string;
  levelLabel: string;
  driftLabel: string;
};

function driftLabel(drift: Row['drift']): string {
  if (!drift) return '—';
  if (drift.status === 'behind') {
    return drift.by === 'prerelease'
      ? 'pre-release'
      : `${drift.distance} ${drift.by} behind`;
  }
  return drift.status;
}

const columns: TableColumn<Row>[] = [
  {
    title: 'Component',
    field: 'entityRef',
    highlight: true,
    render: row => (
      <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
    ),
  },
  {
    title: 'Owner',
    field: 'ownerRef',
    render: row => (
      <EntityRefLink entityRef={row.ownerRef} defaultKind="group" />
    ),
  },
  { title: 'Golden path', field: 'pathLabel' },
  {
    title: 'Score',
    field: 'score',
    type: 'numeric',
    render: row => (row.score === null ? '—' : Math.round(row.score)),
  },
  { title: 'Level', field: 'levelLabel' },
  { title: 'Template drift', field: 'driftLabel' },
];

/**
 * The group's components with score, level and drift: sortable by any
 * column, searchable, filterable by path, level and owner.
 */
export function GroupEntitiesTable({
  rollup,
}: {
  rollup: GroupRollupResponse;
}) {
  const rows: Row[] = rollup.entities.map(entity => ({
    ...entity,
    pathLabel: entity.pathId ?? 'none',
    levelLabel: entity.level ?? (entity.pathId ? 'no level' : '—'),
    driftLabel: driftLabel(entity.drift),
  }));
  return (
    <Table<Row>
      title={`Components (${rows.length}${rollup.truncated ? '+' : ''})`}
      subtitle={
        rollup.truncated
          ? 'The first 1,000 by name; the figures above count them all.'
          : undefined
      }
      options={{ paging: rows.length > 20, pageSize: 20, search: true }}
      columns={columns}
      data={rows}
      filters={[
        { column: 'Golden path', type: 'select' },
        { column: 'Level', type: 'select' },
        { column: 'Owner', type: 'select' },
      ]}
      emptyContent="No components"
    />
  );
}
