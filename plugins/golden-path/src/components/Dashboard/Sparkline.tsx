import {
  MetricPoint,
  PlatformMetric,
} from '@golden-path/plugin-golden-path-common';
import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, YAxis } from 'recharts';
import { ChartFrame } from '../shared';
import { formatMetricValue, periodNoun } from './metricText';

const HEIGHT = 40;

function pointText(metric: PlatformMetric, point: MetricPoint): string {
  const value = formatMetricValue(metric.unit, point.value!);
  return periodNoun(metric) === 'week'
    ? `${value} in the week of ${point.period}`
    : `${value} in the campaign opened on ${point.period}`;
}

/**
 * A metric's series as a small line; its text alternative gives the first
 * and last values (the trend chart's table lists them all).
 */
export function Sparkline({ metric }: { metric: PlatformMetric }) {
  const theme = useTheme();
  const points = metric.series.filter(point => point.value !== undefined);
  if (points.length === 0) {
    return null;
  }
  const ends =
    points.length === 1 ? points : [points[0], points[points.length - 1]];
  const label = `${metric.title} by ${periodNoun(metric)}: ${ends
    .map(point => pointText(metric, point))
    .join(', ')}`;
  const data = metric.series.map(point => ({
    period: point.period,
    value: point.value ?? null,
  }));
  return (
    <ChartFrame height={HEIGHT} label={label}>
      {width => (
        <LineChart
          width={width}
          height={HEIGHT}
          data={data}
          margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
        >
          <YAxis hide domain={['auto', 'auto']} />
          <Line
            dataKey="value"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </ChartFrame>
  );
}
