import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';

const SCORES = Array.from({ length: 11 }, (_, score) => score);

const useStyles = makeStyles(theme => ({
  scores: {
    display: 'grid',
    gridTemplateColumns: `repeat(${SCORES.length}, 1fr)`,
    gap: theme.spacing(0.5),
  },
  score: { minWidth: 0, padding: theme.spacing(0.5, 0) },
}));

/** The 0–10 "how likely are you to recommend" question as a row of buttons. */
export function NpsScale(props: {
  id: string;
  question: string;
  value: number | undefined;
  onChange: (score: number) => void;
  disabled?: boolean;
}) {
  const { id, question, value, onChange, disabled } = props;
  const classes = useStyles();
  return (
    <Box>
      <Typography variant="body2" id={`${id}-label`} gutterBottom>
        {question}
      </Typography>
      <div
        role="group"
        aria-labelledby={`${id}-label`}
        className={classes.scores}
      >
        {SCORES.map(score => (
          <Button
            key={score}
            className={classes.score}
            size="small"
            color="primary"
            variant={value === score ? 'contained' : 'outlined'}
            aria-pressed={value === score}
            disabled={disabled}
            onClick={() => onChange(score)}
          >
            {score}
          </Button>
        ))}
      </div>
      <Box display="flex" justifyContent="space-between" mt={0.5}>
        <Typography variant="caption" color="textSecondary">
          Not at all likely
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Extremely likely
        </Typography>
      </Box>
    </Box>
  );
}
