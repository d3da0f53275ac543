import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { GoldenPathCardView } from '../EntityGoldenPathCard/EntityGoldenPathCard';
import { useEntityResults } from '../EntityGoldenPathCard/useEntityResults';
import { ChecksByLevel } from './ChecksByLevel';
import { ProvenanceTable } from './ProvenanceTable';
import { ScoreHistoryChart } from './ScoreHistoryChart';
import { useEntityHistory } from './useEntityHistory';

function History() {
  const { loading, error, value } = useEntityHistory();
  if (loading) {
    return <Progress aria-label="Loading score history" />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} title="Could not load history" />;
  }
  return value ? <ScoreHistoryChart history={value} /> : null;
}

/**
 * The Golden Path tab of a component: the card, every check grouped by
 * level with what it read and how to fix it, the score history and where
 * the provenance came from.
 *
 * @public
 */
export function EntityGoldenPathContent() {
  const { entity } = useEntity();
  // One request serves the card and the sections below it.
  const results = useEntityResults();
  const { value } = results;
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <GoldenPathCardView {...results} />
        </Grid>
        <Grid item xs={12} md={7}>
          <InfoCard title="Score history (90 days)">
            <History />
          </InfoCard>
        </Grid>
        {value && value.checks.length > 0 && (
          <Grid item xs={12}>
            <InfoCard title="Checks by level">
              <ChecksByLevel checks={value.checks} levels={value.levels} />
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12}>
          <InfoCard title="Provenance">
            {value ? (
              <ProvenanceTable entity={entity} data={value} />
            ) : (
              <Progress aria-label="Loading provenance" />
            )}
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
