import { Gauge } from '@backstage/core-components';
import { GroupRollupResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** Adoption, average score and level distribution of a group rollup. */
export function RollupSummary({ rollup }: { rollup: GroupRollupResponse }) {
  const { adoption, averageScore, levels } = rollup;
  const levelEntries = Object.entries(levels);
  const onPath = levelEntries.reduce((sum, [, count]) => sum + count, 0);
  return (
    <Box display="flex" flexDirection="column" gridGap={12}>
      <Box display="flex" gridGap={24} alignItems="center" flexWrap="wrap">
        {adoption.ratio !== null && (
          <Box
            width={96}
            aria-label={`${percent(
              adoption.ratio,
            )} of eligible components on a golden path`}
          >
            <Gauge value={adoption.ratio} size="small" />
          </Box>
        )}
        <Box>
          <Typography variant="body1">
            <strong>
              {adoption.onPath} of {adoption.eligible}
            </strong>{' '}
            eligible components on a golden path
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Average score:{' '}
            {averageScore === null
              ? 'none yet'
              : `${Math.round(averageScore)} / 100`}
            {rollup.groups.length > 1 &&
              ` · over ${rollup.groups.length} groups (this one and its sub-groups)`}
          </Typography>
        </Box>
      </Box>
      {levelEntries.length > 0 && (
        <Box component="ul" m={0} p={0} aria-label="Levels reached">
          {levelEntries.map(([level, count]) => (
            <Box
              component="li"
              key={level}
              display="flex"
              alignItems="center"
              gridGap={8}
              style={{ listStyle: 'none' }}
            >
              <Typography variant="body2" style={{ minWidth: 96 }}>
                {level === 'none' ? 'No level' : level}
              </Typography>
              <Box
                height={8}
                bgcolor="primary.main"
                width={`${onPath > 0 ? (count / onPath) * 60 : 0}%`}
                aria-hidden
              />
              <Typography variant="body2">{count}</Typography>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
