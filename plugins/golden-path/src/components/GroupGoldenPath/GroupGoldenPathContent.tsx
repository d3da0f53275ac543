import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { GroupEntitiesTable } from './GroupEntitiesTable';
import { RollupSummary } from './RollupSummary';
import { useGroupRollup } from './useGroupRollup';

/**
 * The Golden Path tab of a Group page: the rollup over its nested
 * sub-groups and every component with its score, level and drift.
 *
 * @public
 */
export function GroupGoldenPathContent() {
  const { loading, error, value } = useGroupRollup();
  if (loading) {
    return <Progress aria-label="Loading golden-path adoption" />;
  }
  if (error || !value) {
    return (
      <ResponseErrorPanel
        error={error ?? new Error('No data')}
        title="Could not load golden-path adoption"
      />
    );
  }
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title="Golden Path adoption"
            subheader={
              value.computedAt
                ? `As of ${new Date(value.computedAt).toLocaleString()}`
                : undefined
            }
          >
            <RollupSummary rollup={value} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <GroupEntitiesTable rollup={value} />
        </Grid>
      </Grid>
    </Content>
  );
}
