import { PlatformMetricsResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { formatPercent, plural } from '../shared/format';

const useStyles = makeStyles(theme => ({
  step: { listStyle: 'none' },
  bar: {
    height: theme.spacing(1.5),
    backgroundColor: theme.palette.primary.main,
    borderRadius: theme.shape.borderRadius,
    // A step of zero still shows where its bar would start.
    minWidth: 2,
  },
}));

/** What the catalog knows of the services deployed to production. */
function coverageText(
  coverage: PlatformMetricsResponse['catalogCoverage'],
): string {
  const { services, inCatalog } = coverage;
  if (services === 0) {
    return 'No service was deployed to production in the period.';
  }
  return `${inCatalog} of ${plural(services, 'deployed service')} ${
    services === 1 ? 'is' : 'are'
  } in the catalog.`;
}

/**
 * From template run to production: each step's count, a bar against the
 * runs, and the share of the step before it that made it.
 */
export function TemplateFunnel(props: {
  funnel: PlatformMetricsResponse['funnel'];
  coverage: PlatformMetricsResponse['catalogCoverage'];
}) {
  const { funnel, coverage } = props;
  const classes = useStyles();
  const steps = [
    { label: 'Template runs', count: funnel.runs },
    { label: 'Succeeded', count: funnel.succeeded, of: 'of runs' },
    {
      label: 'Entities in the catalog',
      count: funnel.inCatalog,
      of: 'of successful runs',
    },
    {
      label: 'Deployed to production',
      count: funnel.deployed,
      of: 'of those in the catalog',
    },
  ];
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {funnel.runs === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No template run in the period.
        </Typography>
      ) : (
        <Box
          component="ol"
          m={0}
          p={0}
          display="flex"
          flexDirection="column"
          gridGap={12}
          aria-label="Template funnel"
        >
          {steps.map((step, i) => {
            const before = i > 0 ? steps[i - 1].count : undefined;
            return (
              <li key={step.label} className={classes.step}>
                <Box display="flex" justifyContent="space-between" gridGap={8}>
                  <Typography variant="body2">{step.label}</Typography>
                  <Typography variant="body2">
                    <strong>{step.count}</strong>
                    {before !== undefined &&
                      ` · ${
                        before > 0 ? formatPercent(step.count / before) : '—'
                      } ${step.of}`}
                  </Typography>
                </Box>
                <Box
                  className={classes.bar}
                  width={`${(step.count / funnel.runs) * 100}%`}
                />
              </li>
            );
          })}
        </Box>
      )}
      <Typography variant="body2">{coverageText(coverage)}</Typography>
    </Box>
  );
}
