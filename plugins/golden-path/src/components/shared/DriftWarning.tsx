import { EntityResultsResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Warning from '@material-ui/icons/Warning';

/** How far the entity's template version is behind the path's latest. */
export function driftText(data: EntityResultsResponse): string | undefined {
  if (data.drift?.status !== 'behind' || !data.path?.latestVersion) {
    return undefined;
  }
  const { by, distance } = data.drift;
  const behind =
    by === 'prerelease'
      ? 'on a pre-release of'
      : `${distance} ${by} version${distance === 1 ? '' : 's'} behind`;
  return `Template ${behind} ${data.path.latestVersion}`;
}

/** A warning line when the entity's template version has drifted. */
export function DriftWarning({ data }: { data: EntityResultsResponse }) {
  const text = driftText(data);
  if (!text) {
    return null;
  }
  return (
    <Box display="flex" alignItems="center" gridGap={4} role="status">
      <Warning fontSize="small" color="error" aria-hidden />
      <Typography variant="body2">
        <strong>{text}</strong>: re-run the template's upgrade to pick up the
        platform's fixes.
      </Typography>
    </Box>
  );
}
