import { TemplateDrift } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import CheckCircle from '@material-ui/icons/CheckCircle';
import HelpOutline from '@material-ui/icons/HelpOutline';
import Info from '@material-ui/icons/Info';
import Warning from '@material-ui/icons/Warning';

const useStyles = makeStyles(theme => ({
  current: { color: theme.palette.success.main },
  behind: { color: theme.palette.error.main },
  ahead: { color: theme.palette.info.main },
  unknown: { color: theme.palette.text.secondary },
}));

const UNKNOWN_REASONS = {
  'no-version': 'no version recorded',
  'no-latest-version': 'no latest version known',
  'unparseable-version': 'version is not semver',
};

/** How far an entity is behind its template's latest version, in words. */
export function driftLabel(drift: TemplateDrift): string {
  switch (drift.status) {
    case 'current':
      return 'Current';
    case 'ahead':
      return 'Ahead of latest';
    case 'unknown':
      return `Unknown: ${UNKNOWN_REASONS[drift.reason]}`;
    default:
      return drift.by === 'prerelease'
        ? 'On a pre-release'
        : `${drift.distance} ${drift.by} behind`;
  }
}

const ICONS = {
  current: CheckCircle,
  behind: Warning,
  ahead: Info,
  unknown: HelpOutline,
};

/** An entity's template drift as an icon and words: never by colour alone. */
export function DriftLabel({ drift }: { drift: TemplateDrift }) {
  const classes = useStyles();
  const Icon = ICONS[drift.status];
  return (
    <Box display="inline-flex" alignItems="center" gridGap={4}>
      <Icon fontSize="small" className={classes[drift.status]} aria-hidden />
      <Typography variant="body2" component="span">
        {driftLabel(drift)}
      </Typography>
    </Box>
  );
}
