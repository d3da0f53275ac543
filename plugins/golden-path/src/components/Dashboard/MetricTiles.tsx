import {
  MetricStatus,
  PLATFORM_METRIC_IDS,
  PlatformMetric,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import { TrendText } from '../shared';
import {
  changeText,
  detailsText,
  formatMetricValue,
  populationText,
  STATUS_LABELS,
  targetText,
} from './metricText';
import { Sparkline } from './Sparkline';

const useStyles = makeStyles(theme => ({
  tile: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  met: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  'at-risk': {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  missed: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
}));

/** Where a metric stands against its target, in a word as well as colour. */
function StatusChip({ status }: { status: MetricStatus }) {
  const classes = useStyles();
  // No data is outlined and grey: neither a pass nor a fail.
  return status === 'no-data' ? (
    <Chip size="small" variant="outlined" label={STATUS_LABELS[status]} />
  ) : (
    <Chip
      size="small"
      className={classes[status]}
      label={STATUS_LABELS[status]}
    />
  );
}

/** One metric: its value against its target, trend, population and series. */
function MetricTile(props: { metric: PlatformMetric; period: string }) {
  const { metric, period } = props;
  const classes = useStyles();
  const details = detailsText(metric);
  return (
    <Box className={classes.tile}>
      <Typography component="dt" variant="subtitle2">
        {metric.title}
        <Tooltip title={metric.definition}>
          <IconButton
            size="small"
            aria-label={`How ${metric.title} is measured`}
          >
            <InfoOutlined fontSize="inherit" />
          </IconButton>
        </Tooltip>
      </Typography>
      <Box
        component="dd"
        m={0}
        display="flex"
        flexDirection="column"
        gridGap={4}
      >
        <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
          {/* Without a value there is no figure at all: never a zero. */}
          {metric.value !== undefined && (
            <Typography variant="h5" component="span">
              {formatMetricValue(metric.unit, metric.value)}
            </Typography>
          )}
          <StatusChip status={metric.status} />
        </Box>
        <Typography variant="caption" color="textSecondary">
          {targetText(metric)}
        </Typography>
        {metric.value !== undefined && (
          <TrendText
            trend={metric.trend}
            period={period}
            change={changeText(metric)}
          />
        )}
        <Typography variant="caption" component="p">
          {populationText(metric)}
        </Typography>
        {details && (
          <Typography variant="caption" component="p" color="textSecondary">
            {details}
          </Typography>
        )}
        <Sparkline metric={metric} />
      </Box>
    </Box>
  );
}

/**
 * The nine platform metrics as tiles, in the order of their definitions.
 * `period` completes "vs the previous …".
 */
export function MetricTiles(props: {
  metrics: PlatformMetric[];
  period: string;
}) {
  const byId = new Map(props.metrics.map(metric => [metric.id, metric]));
  return (
    <Box
      component="dl"
      m={0}
      display="grid"
      gridTemplateColumns="repeat(auto-fill, minmax(260px, 1fr))"
      gridGap={16}
    >
      {PLATFORM_METRIC_IDS.flatMap(id => {
        const metric = byId.get(id);
        return metric
          ? [<MetricTile key={id} metric={metric} period={props.period} />]
          : [];
      })}
    </Box>
  );
}
