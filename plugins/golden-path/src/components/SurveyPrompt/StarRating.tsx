import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Rating from '@material-ui/lab/Rating';

/** A 1–5 star rating under its question, named by it for screen readers. */
export function StarRating(props: {
  /** Unique on the page: names the radio inputs. */
  id: string;
  question: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  disabled?: boolean;
}) {
  const { id, question, value, onChange, disabled } = props;
  return (
    <Box>
      <Typography variant="body2" id={`${id}-label`} gutterBottom>
        {question}
      </Typography>
      <Box role="radiogroup" aria-labelledby={`${id}-label`}>
        <Rating
          name={id}
          value={value ?? null}
          onChange={(_event, rating) => onChange(rating ?? undefined)}
          disabled={disabled}
        />
      </Box>
    </Box>
  );
}
