import { Select } from '@backstage/core-components';
import {
  PLATFORM_METRIC_IDS,
  PlatformMetric,
  PlatformMetricId,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import { useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame, visuallyHidden } from '../shared';
import {
  formatMetricNumber,
  formatMetricValue,
  periodNoun,
} from './metricText';

const HEIGHT = 260;
const DEFAULT_METRIC: PlatformMetricId = 'adoption';

/** One metric's series, chosen from the nine, against its target. */
export function MetricTrendChart({ metrics }: { metrics: PlatformMetric[] }) {
  const theme = useTheme();
  const [chosen, setChosen] = useState<PlatformMetricId>(DEFAULT_METRIC);
  const ordered = PLATFORM_METRIC_IDS.flatMap(id => {
    const metric = metrics.find(m => m.id === id);
    return metric ? [metric] : [];
  });
  const metric = ordered.find(m => m.id === chosen) ?? ordered[0];
  if (!metric) {
    return null;
  }
  const data = metric.series.map(point => ({
    period: point.period,
    value: point.value ?? null,
  }));
  const format = (value: number) => formatMetricNumber(metric.unit, value);
  const noun = periodNoun(metric);
  return (
    <Box>
      <Box maxWidth={320}>
        <Select
          label="Metric"
          items={ordered.map(m => ({ label: m.title, value: m.id }))}
          selected={metric.id}
          onChange={selected => setChosen(selected as PlatformMetricId)}
          data-testid="trend-metric"
        />
      </Box>
      <ChartFrame height={HEIGHT} label={`${metric.title} by ${noun}`}>
        {width => (
          <LineChart
            width={width}
            height={HEIGHT}
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: 16 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              stroke={theme.palette.divider}
            />
            <XAxis dataKey="period" />
            <YAxis tickFormatter={format} width={72} />
            {'value' in metric.target && (
              <ReferenceLine
                y={metric.target.value}
                stroke={theme.palette.text.secondary}
                strokeDasharray="6 3"
                label="target"
              />
            )}
            <Tooltip formatter={(value: number) => format(value)} />
            <Line
              dataKey="value"
              name={metric.title}
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </ChartFrame>
      <table style={visuallyHidden}>
        <caption>
          {metric.title} by {noun}
        </caption>
        <thead>
          <tr>
            <th>{noun === 'week' ? 'Week of' : 'Campaign opened on'}</th>
            <th>{metric.title}</th>
          </tr>
        </thead>
        <tbody>
          {metric.series.map(point => (
            <tr key={point.period}>
              <td>{point.period}</td>
              <td>
                {point.value === undefined
                  ? 'No data'
                  : formatMetricValue(metric.unit, point.value)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
