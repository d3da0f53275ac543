import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  TemplateEntitiesResponse,
  TemplateEntity,
} from '@golden-path/plugin-golden-path-common';
import { LevelBadge } from '../shared';
import { DriftLabel, driftLabel } from './DriftLabel';
import { RelativeTime } from './RelativeTime';

type Row = TemplateEntity & { driftText: string };

const columns: TableColumn<Row>[] = [
  {
    title: 'Entity',
    field: 'entityRef',
    highlight: true,
    render: row => (
      <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
    ),
  },
  {
    title: 'Version',
    field: 'templateVersion',
    render: row => row.templateVersion ?? 'not recorded',
  },
  {
    title: 'Drift',
    field: 'driftText',
    render: row => <DriftLabel drift={row.drift} />,
  },
  {
    title: 'Behind since',
    field: 'behindSince',
    render: row =>
      row.behindSince ? <RelativeTime iso={row.behindSince} /> : '—',
  },
  {
    title: 'Score',
    field: 'score',
    type: 'numeric',
    render: row => (row.score === null ? '—' : Math.round(row.score)),
  },
  {
    title: 'Level',
    field: 'level',
    render: row => <LevelBadge level={row.level} />,
  },
];

/**
 * The catalog entities created from the template, with how far behind its
 * latest version each is and where it stands on its path.
 */
export function TemplateEntitiesTable({
  data,
}: {
  data: TemplateEntitiesResponse;
}) {
  const rows: Row[] = data.items.map(item => ({
    ...item,
    driftText: driftLabel(item.drift),
  }));
  return (
    <Table<Row>
      title={`Entities created (${rows.length})`}
      subtitle={
        data.latestVersion
          ? `Latest version: ${data.latestVersion}`
          : 'No latest version is known for this template’s path'
      }
      options={{ paging: rows.length > 20, pageSize: 20, search: true }}
      columns={columns}
      data={rows}
      emptyContent="No catalog entity names this template as its source."
    />
  );
}
