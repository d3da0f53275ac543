import { Entity } from '@backstage/catalog-model';
import {
  EntityResultsResponse,
  provenanceEvidence,
} from '@golden-path/plugin-golden-path-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SOURCE_LABELS } from '../shared';

/**
 * Which place on the entity says which template, and which one the suite
 * went by: explains a surprising path.
 */
export function ProvenanceTable(props: {
  entity: Entity;
  data: EntityResultsResponse;
}) {
  const used = props.data.provenance?.source;
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        {props.data.provenance
          ? `Went by ${
              SOURCE_LABELS[props.data.provenance.source] ??
              props.data.provenance.source
            }: ${props.data.provenance.templateRef}.`
          : 'No source names a template.'}
      </Typography>
      <Table size="small" aria-label="Provenance sources">
        <TableHead>
          <TableRow>
            <TableCell>Field</TableCell>
            <TableCell>Says</TableCell>
            <TableCell>Used</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {provenanceEvidence(props.entity).map(evidence => (
            <TableRow key={evidence.field}>
              <TableCell>
                <code>{evidence.field}</code>
              </TableCell>
              <TableCell>{evidence.value ?? 'not set'}</TableCell>
              <TableCell>
                {used && evidence.source === used ? 'Yes' : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
