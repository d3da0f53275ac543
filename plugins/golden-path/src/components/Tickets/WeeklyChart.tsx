import { TicketFiguresResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame, visuallyHidden } from '../shared';

const HEIGHT = 260;

/** Tickets opened and resolved each week, side by side. */
export function WeeklyChart({
  weeks,
}: {
  weeks: TicketFiguresResponse['weeks'];
}) {
  const theme = useTheme();
  return (
    <Box>
      <ChartFrame height={HEIGHT} label="Tickets opened and resolved per week">
        {width => (
          <BarChart width={width} height={HEIGHT} data={weeks}>
            <CartesianGrid
              strokeDasharray="3 3"
              vertical={false}
              stroke={theme.palette.divider}
            />
            <XAxis dataKey="week" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="opened"
              name="Opened"
              fill={theme.palette.warning.main}
              isAnimationActive={false}
            />
            <Bar
              dataKey="resolved"
              name="Resolved"
              fill={theme.palette.success.main}
              isAnimationActive={false}
            />
          </BarChart>
        )}
      </ChartFrame>
      <table style={visuallyHidden}>
        <caption>Tickets per week</caption>
        <thead>
          <tr>
            <th>Week of</th>
            <th>Opened</th>
            <th>Resolved</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map(week => (
            <tr key={week.week}>
              <td>{week.week}</td>
              <td>{week.opened}</td>
              <td>{week.resolved}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
