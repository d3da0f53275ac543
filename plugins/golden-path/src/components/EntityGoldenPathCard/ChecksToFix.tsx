import { Link } from '@backstage/core-components';
import { CheckResult } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

// Enough to act on from the overview page; the rest are counted.
const SHOWN = 3;

const VERDICT_LABELS: Partial<Record<CheckResult['verdict'], string>> = {
  fail: 'Failing',
  unknown: 'Not evaluated',
};

/**
 * The checks a developer can act on, failing first, each with its
 * remediation. The verdict is written out, never shown by colour alone.
 */
export function ChecksToFix({ checks }: { checks: CheckResult[] }) {
  const toFix = checks.filter(check => check.verdict in VERDICT_LABELS);
  if (toFix.length === 0) {
    return null;
  }
  return (
    <Box my={1}>
      <Box
        component="ul"
        aria-label="Checks to fix"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {toFix.slice(0, SHOWN).map(check => (
          <Box component="li" key={check.id} mb={0.5}>
            <Typography variant="body2">
              {VERDICT_LABELS[check.verdict]}: {check.title}
            </Typography>
            {check.remediation && (
              <Typography variant="body2" color="textSecondary">
                {check.remediation.text}
                {check.remediation.url && (
                  <>
                    {' '}
                    <Link to={check.remediation.url}>How to fix</Link>
                  </>
                )}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
      {toFix.length > SHOWN && (
        <Typography variant="caption" color="textSecondary">
          and {toFix.length - SHOWN} more
        </Typography>
      )}
    </Box>
  );
}
