import { PathRatingFigures } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Rating from '@material-ui/lab/Rating';
import { formatDecimal, plural } from '../shared/format';
import { withheldReason } from './npsText';

const STARS = [5, 4, 3, 2, 1];

function PathRating(props: { path: PathRatingFigures; minGroupSize: number }) {
  const { path, minGroupSize } = props;
  let body;
  if (path.suppressed) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {plural(path.ratings, 'rating')}:{' '}
        {withheldReason(path.ratings, minGroupSize, 'ratings')}
      </Typography>
    );
  } else if (path.average === undefined || !path.distribution) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No ratings yet
      </Typography>
    );
  } else {
    const { distribution, ratings } = path;
    body = (
      <Box display="flex" flexDirection="column" gridGap={4}>
        <Box display="flex" alignItems="center" gridGap={8}>
          <Rating
            value={path.average}
            precision={0.1}
            readOnly
            getLabelText={() => `Average ${formatDecimal(path.average!)} of 5`}
          />
          <Typography variant="body2">
            {formatDecimal(path.average)} of 5 from {plural(ratings, 'rating')}
          </Typography>
        </Box>
        {STARS.map(stars => {
          const count = distribution[stars - 1];
          return (
            <Box key={stars} display="flex" alignItems="center" gridGap={8}>
              <Typography variant="caption" style={{ width: 48 }}>
                {plural(stars, 'star')}
              </Typography>
              <Box flexGrow={1}>
                <LinearProgress
                  variant="determinate"
                  value={(count / ratings) * 100}
                  aria-label={`${plural(stars, 'star')}: ${count}`}
                />
              </Box>
              <Typography variant="caption" style={{ width: 32 }}>
                {count}
              </Typography>
            </Box>
          );
        })}
      </Box>
    );
  }
  return (
    <Box>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        {path.title}
      </Typography>
      {body}
    </Box>
  );
}

/** The ratings of each golden path the campaign asked about. */
export function PathRatings(props: {
  paths: PathRatingFigures[];
  minGroupSize: number;
}) {
  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      {props.paths.map(path => (
        <PathRating
          key={path.pathId}
          path={path}
          minGroupSize={props.minGroupSize}
        />
      ))}
    </Box>
  );
}
