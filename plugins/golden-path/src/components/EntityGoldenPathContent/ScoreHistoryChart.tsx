import { EntityHistoryResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { visuallyHidden } from '../shared';

const WIDTH = 600;
const HEIGHT = 160;
const PAD = { left: 36, right: 8, top: 8, bottom: 24 };

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The score over the window as a step line (each point holds until the
 * next), with the figures also in a table for screen readers.
 */
export function ScoreHistoryChart({
  history,
}: {
  history: EntityHistoryResponse;
}) {
  const theme = useTheme();
  const points = history.points.filter(p => p.score !== null);
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No score recorded between {history.from} and {history.to}.
      </Typography>
    );
  }
  const start = dayMs(history.from);
  const end = Math.max(dayMs(history.to), start + 1);
  const x = (day: string) =>
    PAD.left +
    ((Math.max(dayMs(day), start) - start) / (end - start)) *
      (WIDTH - PAD.left - PAD.right);
  const y = (score: number) =>
    PAD.top + (1 - score / 100) * (HEIGHT - PAD.top - PAD.bottom);
  let d = '';
  points.forEach((point, i) => {
    const px = x(point.day);
    const py = y(point.score!);
    d += i === 0 ? `M${px},${py}` : ` H${px} V${py}`;
  });
  d += ` H${x(history.to)}`;
  return (
    <Box>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`Score from ${history.from} to ${history.to}`}
      >
        {[0, 50, 100].map(tick => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={theme.palette.divider}
            />
            <text
              x={PAD.left - 6}
              y={y(tick) + 4}
              textAnchor="end"
              fontSize={11}
              fill={theme.palette.text.secondary}
            >
              {tick}
            </text>
          </g>
        ))}
        <text
          x={PAD.left}
          y={HEIGHT - 6}
          fontSize={11}
          fill={theme.palette.text.secondary}
        >
          {history.from}
        </text>
        <text
          x={WIDTH - PAD.right}
          y={HEIGHT - 6}
          textAnchor="end"
          fontSize={11}
          fill={theme.palette.text.secondary}
        >
          {history.to}
        </text>
        <path
          d={d}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
        />
        {/* A dot per change, so that a single point still shows. */}
        {points.map(point => (
          <circle
            key={point.day}
            cx={x(point.day)}
            cy={y(point.score!)}
            r={4}
            fill={theme.palette.primary.main}
          />
        ))}
      </svg>
      <table style={visuallyHidden}>
        <caption>Score changes</caption>
        <thead>
          <tr>
            <th>Day</th>
            <th>Score</th>
            <th>Level</th>
          </tr>
        </thead>
        <tbody>
          {points.map(point => (
            <tr key={point.day}>
              <td>{point.day}</td>
              <td>{point.score}</td>
              <td>{point.level ?? 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
