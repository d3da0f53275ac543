import { CheckResult } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CheckAccordion } from '../shared';

const NO_LEVEL = 'Any level';

/**
 * Every check, grouped by the level it counts toward (lowest first), each
 * group saying how many pass; failing checks start expanded.
 */
export function ChecksByLevel(props: {
  checks: CheckResult[];
  levels: string[];
}) {
  const groups = new Map<string, CheckResult[]>();
  for (const level of [...props.levels, NO_LEVEL]) {
    groups.set(level, []);
  }
  for (const check of props.checks) {
    const level =
      check.level && groups.has(check.level) ? check.level : NO_LEVEL;
    groups.get(level)!.push(check);
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {[...groups.entries()]
        .filter(([, checks]) => checks.length > 0)
        .map(([level, checks]) => {
          const passing = checks.filter(
            c => c.verdict === 'pass' || c.verdict === 'exempt',
          ).length;
          return (
            <section key={level} aria-label={`${level} checks`}>
              <Typography variant="h6" component="h3" gutterBottom>
                {level} · {passing} of {checks.length} passing
              </Typography>
              {checks.map(check => (
                <CheckAccordion
                  key={check.id}
                  check={check}
                  defaultExpanded={check.verdict === 'fail'}
                />
              ))}
            </section>
          );
        })}
    </Box>
  );
}
