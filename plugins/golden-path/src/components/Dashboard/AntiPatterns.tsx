import { AntiPattern } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Error from '@material-ui/icons/Error';
import Warning from '@material-ui/icons/Warning';

const useStyles = makeStyles(theme => ({
  critical: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  item: { listStyle: 'none' },
}));

const SEVERITY = {
  critical: { label: 'Critical', Icon: Error },
  warning: { label: 'Warning', Icon: Warning },
};

/** An anti-pattern's severity as an icon and a word: never by colour alone. */
function Severity({ severity }: { severity: AntiPattern['severity'] }) {
  const classes = useStyles();
  const { label, Icon } = SEVERITY[severity];
  return (
    <Box display="inline-flex" alignItems="center" gridGap={4}>
      <Icon fontSize="small" className={classes[severity]} aria-hidden />
      <Typography variant="body2" component="span">
        {label}
      </Typography>
    </Box>
  );
}

/** The platform anti-patterns the metrics show, with evidence and the fix. */
export function AntiPatterns({ found }: { found: AntiPattern[] }) {
  const classes = useStyles();
  if (found.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No anti-patterns found
      </Typography>
    );
  }
  return (
    <Box
      component="ul"
      m={0}
      p={0}
      display="flex"
      flexDirection="column"
      gridGap={16}
      aria-label="Anti-patterns"
    >
      {found.map(pattern => (
        <li key={pattern.id} className={classes.item}>
          <Box display="flex" alignItems="center" gridGap={12}>
            <Typography variant="subtitle1" component="h3">
              {pattern.title}
            </Typography>
            <Severity severity={pattern.severity} />
          </Box>
          <Box component="ul" mt={0.5} mb={0.5} pl={3}>
            {pattern.evidence.map(line => (
              <Typography key={line} component="li" variant="body2">
                {line}
              </Typography>
            ))}
          </Box>
          <Typography variant="body2">
            <strong>Fix:</strong> {pattern.fix}
          </Typography>
        </li>
      ))}
    </Box>
  );
}
