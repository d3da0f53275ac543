import { Trend } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ArrowDownward from '@material-ui/icons/ArrowDownward';
import ArrowForward from '@material-ui/icons/ArrowForward';
import ArrowUpward from '@material-ui/icons/ArrowUpward';

const useStyles = makeStyles(theme => ({
  better: { color: theme.palette.success.main },
  worse: { color: theme.palette.error.main },
  flat: { color: theme.palette.text.secondary },
}));

const percent = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});

const ICONS = { up: ArrowUpward, down: ArrowDownward, flat: ArrowForward };

/**
 * How a figure moved against the previous period: an arrow, the change
 * (in percent unless the caller writes it in the figure's unit) and whether
 * that is better, in words as well as colour.
 */
export function TrendText(props: {
  trend?: Trend;
  period: string;
  /** The change as text, e.g. in percentage points for a ratio. */
  change?: string;
}) {
  const { trend, period } = props;
  const classes = useStyles();
  if (!trend) {
    return (
      <Typography variant="caption" color="textSecondary" component="p">
        No figure for the previous {period} to compare with
      </Typography>
    );
  }
  const Icon = ICONS[trend.direction];
  let change = 'no change';
  if (trend.direction !== 'flat') {
    const relative =
      trend.relativeChange === undefined
        ? `${trend.direction} from 0`
        : percent.format(trend.relativeChange);
    change = props.change ?? relative;
  }
  let verdict: 'better' | 'worse' | undefined;
  if (trend.improving !== undefined) {
    verdict = trend.improving ? 'better' : 'worse';
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      gridGap={4}
      className={classes[verdict ?? 'flat']}
    >
      <Icon fontSize="small" aria-hidden />
      <Typography variant="body2" component="span">
        {change}
        {verdict && ` (${verdict})`} vs the previous {period}
      </Typography>
    </Box>
  );
}
