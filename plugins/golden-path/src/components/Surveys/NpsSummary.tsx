import { NpsFigures } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { formatNps, formatPercent, plural } from '../shared/format';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: theme.spacing(1.5),
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
  },
  promoters: { backgroundColor: theme.palette.success.main },
  passives: { backgroundColor: theme.palette.grey[400] },
  detractors: { backgroundColor: theme.palette.error.main },
}));

const GROUPS = [
  { key: 'promoters', label: 'Promoters', answers: '9–10' },
  { key: 'passives', label: 'Passives', answers: '7–8' },
  { key: 'detractors', label: 'Detractors', answers: '0–6' },
] as const;

/**
 * The NPS as a big number, with how the answers split into promoters,
 * passives and detractors, and how many of the audience answered.
 */
export function NpsSummary(props: {
  nps: NpsFigures;
  /** The score, which a set of answers without responses does not have. */
  score: number;
  audienceSize?: number;
  responseRate?: number;
}) {
  const { nps, score, audienceSize, responseRate } = props;
  const classes = useStyles();
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box display="flex" alignItems="baseline" gridGap={16} flexWrap="wrap">
        <Typography variant="h2" component="p" aria-label="NPS">
          {formatNps(score)}
        </Typography>
        <Box>
          <Typography variant="body1">
            {plural(nps.responses, 'response')}
          </Typography>
          {audienceSize !== undefined && responseRate !== undefined && (
            <Typography variant="body2" color="textSecondary">
              {formatPercent(responseRate)} of {audienceSize}{' '}
              {audienceSize === 1 ? 'person' : 'people'} in the audience
            </Typography>
          )}
        </Box>
      </Box>
      <div className={classes.bar} aria-hidden>
        {GROUPS.map(group => (
          <div
            key={group.key}
            className={classes[group.key]}
            style={{ width: `${(nps[group.key] / nps.responses) * 100}%` }}
          />
        ))}
      </div>
      <Box component="dl" m={0} display="flex" gridGap={24} flexWrap="wrap">
        {GROUPS.map(group => (
          <Box key={group.key}>
            <Box display="flex" alignItems="center" gridGap={6}>
              <span
                className={classes[group.key]}
                style={{ width: 10, height: 10, borderRadius: 2 }}
                aria-hidden
              />
              <Typography component="dt" variant="body2" color="textSecondary">
                {group.label} ({group.answers})
              </Typography>
            </Box>
            <Typography component="dd" variant="body1" style={{ margin: 0 }}>
              {nps[group.key]} · {formatPercent(nps[group.key] / nps.responses)}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
