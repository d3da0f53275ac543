import { FeatureUsageResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, visuallyHidden } from '../shared';

const HEIGHT = 160;

/** Portal users each week, with a table of the same for screen readers. */
export function WeeklyActiveUsers({
  weeks,
}: {
  weeks: FeatureUsageResponse['weeks'];
}) {
  const theme = useTheme();
  return (
    <Box>
      <ChartFrame height={HEIGHT} label="Weekly active users of the portal">
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
            <Bar
              dataKey="users"
              name="Active users"
              fill={theme.palette.primary.main}
              isAnimationActive={false}
            />
          </BarChart>
        )}
      </ChartFrame>
      <table style={visuallyHidden}>
        <caption>Weekly active users</caption>
        <thead>
          <tr>
            <th>Week of</th>
            <th>Active users</th>
            <th>Teams</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map(week => (
            <tr key={week.week}>
              <td>{week.week}</td>
              <td>{week.users}</td>
              <td>{week.teams}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
