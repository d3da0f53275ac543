import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { npsCategory } from '@golden-path/plugin-golden-path-common';
import { ChartFrame, visuallyHidden } from '../shared';

const HEIGHT = 220;

/** How many answered each score from 0 to 10, coloured by NPS group. */
export function ScoreDistributionChart({
  distribution,
}: {
  distribution: number[];
}) {
  const theme = useTheme();
  const colors = {
    promoter: theme.palette.success.main,
    passive: theme.palette.grey[400],
    detractor: theme.palette.error.main,
  };
  const data = distribution.map((answers, score) => ({
    score: String(score),
    answers,
    category: npsCategory(score),
  }));
  return (
    <Box>
      <ChartFrame height={HEIGHT} label="Answers per score from 0 to 10">
        {width => (
          <BarChart width={width} height={HEIGHT} data={data}>
            <CartesianGrid
              strokeDasharray="3 3"
              vertical={false}
              stroke={theme.palette.divider}
            />
            <XAxis dataKey="score" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="answers" name="Answers" isAnimationActive={false}>
              {data.map(d => (
                <Cell key={d.score} fill={colors[d.category]} />
              ))}
            </Bar>
          </BarChart>
        )}
      </ChartFrame>
      <table style={visuallyHidden}>
        <caption>Answers per score</caption>
        <thead>
          <tr>
            <th>Score</th>
            <th>Answers</th>
          </tr>
        </thead>
        <tbody>
          {data.map(d => (
            <tr key={d.score}>
              <td>{d.score}</td>
              <td>{d.answers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
