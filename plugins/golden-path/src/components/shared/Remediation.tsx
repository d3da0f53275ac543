import { Link } from '@backstage/core-components';
import { CheckResult } from '@golden-path/plugin-golden-path-common';
import Typography from '@material-ui/core/Typography';

/** What to do about a check: its remediation text and link. */
export function Remediation({ check }: { check: CheckResult }) {
  if (!check.remediation) {
    return null;
  }
  return (
    <Typography variant="body2">
      {check.remediation.text}
      {check.remediation.url && (
        <>
          {' '}
          <Link to={check.remediation.url}>How to fix “{check.title}”</Link>
        </>
      )}
    </Typography>
  );
}
