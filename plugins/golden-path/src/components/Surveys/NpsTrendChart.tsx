import { SurveyTrendResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
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
import { npsText } from './npsText';

const HEIGHT = 240;

/**
 * NPS per quarter across campaigns as a line; a withheld quarter is a gap
 * in it, named below the chart.
 */
export function NpsTrendChart({ trend }: { trend: SurveyTrendResponse }) {
  const theme = useTheme();
  const { quarters, minGroupSize } = trend;
  if (quarters.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No answers yet: the trend starts with the first responses.
      </Typography>
    );
  }
  const data = quarters.map(q => ({
    quarter: q.quarter,
    nps:
      q.suppressed || q.nps?.score === undefined
        ? null
        : Math.round(q.nps.score),
  }));
  const withheld = quarters.filter(q => q.suppressed).map(q => q.quarter);
  return (
    <Box>
      <ChartFrame height={HEIGHT} label="NPS by quarter">
        {width => (
          <LineChart
            width={width}
            height={HEIGHT}
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              stroke={theme.palette.divider}
            />
            <XAxis dataKey="quarter" />
            <YAxis domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} />
            <ReferenceLine y={0} stroke={theme.palette.text.secondary} />
            <Tooltip />
            <Line
              dataKey="nps"
              name="NPS"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </ChartFrame>
      {withheld.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          No NPS for {withheld.join(', ')}: withheld to keep answers anonymous
          (fewer than {minGroupSize} responses, or shown they would reveal a
          smaller group).
        </Typography>
      )}
      <table style={visuallyHidden}>
        <caption>NPS by quarter</caption>
        <thead>
          <tr>
            <th>Quarter</th>
            <th>NPS</th>
            <th>Responses</th>
          </tr>
        </thead>
        <tbody>
          {quarters.map(q => (
            <tr key={q.quarter}>
              <td>{q.quarter}</td>
              <td>{npsText(q)}</td>
              <td>{q.responses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
