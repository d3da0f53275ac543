import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * One figure in a `dl`: what it is, its value, how it moved (if given) and
 * the population it counts.
 */
export function Figure(props: {
  label: string;
  value: ReactNode;
  trend?: ReactNode;
  counts: ReactNode;
}) {
  return (
    <Box>
      <Typography component="dt" variant="body2" color="textSecondary">
        {props.label}
      </Typography>
      <Box component="dd" m={0}>
        <Typography variant="h5" component="span">
          {props.value}
        </Typography>
        {props.trend}
        <Typography variant="caption" color="textSecondary" component="p">
          {props.counts}
        </Typography>
      </Box>
    </Box>
  );
}
