import { CheckResult } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

function shown(value: unknown): string {
  if (value === null || value === undefined) {
    return 'absent';
  }
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The values a check read when it was evaluated. */
export function CheckInputs({ check }: { check: CheckResult }) {
  const inputs = Object.entries(check.inputs ?? {});
  if (inputs.length === 0) {
    return null;
  }
  return (
    <Box component="dl" m={0} aria-label={`What “${check.title}” read`}>
      {inputs.map(([path, value]) => (
        <Box key={path} display="flex" gridGap={8}>
          <Typography variant="caption" component="dt">
            <code>{path}</code>
          </Typography>
          <Typography variant="caption" component="dd" style={{ margin: 0 }}>
            {shown(value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
