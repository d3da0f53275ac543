import { CheckVerdict } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import CheckCircle from '@material-ui/icons/CheckCircle';
import Error from '@material-ui/icons/Error';
import HelpOutline from '@material-ui/icons/HelpOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';

const useStyles = makeStyles(theme => ({
  pass: { color: theme.palette.success.main },
  fail: { color: theme.palette.error.main },
  exempt: { color: theme.palette.text.secondary },
  unknown: { color: theme.palette.warning.main },
}));

const LABELS: Record<CheckVerdict, string> = {
  pass: 'Passing',
  fail: 'Failing',
  exempt: 'Exempt',
  unknown: 'Unknown',
};

const ICONS = {
  pass: CheckCircle,
  fail: Error,
  exempt: RemoveCircleOutline,
  unknown: HelpOutline,
};

/** A check's verdict as an icon and a word: never by colour alone. */
export function VerdictLabel({ verdict }: { verdict: CheckVerdict }) {
  const classes = useStyles();
  const Icon = ICONS[verdict];
  return (
    <Box display="inline-flex" alignItems="center" gridGap={4}>
      <Icon fontSize="small" className={classes[verdict]} aria-hidden />
      <Typography variant="body2" component="span">
        {LABELS[verdict]}
      </Typography>
    </Box>
  );
}
