import { CheckResult } from '@golden-path/plugin-golden-path-common';
import Typography from '@material-ui/core/Typography';

/** Why a check is exempt, who granted it and until when. */
export function ExemptionNote({ check }: { check: CheckResult }) {
  if (!check.exemption) {
    return null;
  }
  const { reason, expiresAt, grantedBy } = check.exemption;
  return (
    <Typography variant="body2" color="textSecondary">
      Exempt until {new Date(expiresAt).toLocaleDateString()}: {reason} (granted
      by {grantedBy})
    </Typography>
  );
}
