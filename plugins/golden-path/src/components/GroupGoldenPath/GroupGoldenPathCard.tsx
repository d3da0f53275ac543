import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ReactNode } from 'react';
import { RollupSummary } from './RollupSummary';
import { useGroupRollup } from './useGroupRollup';

/**
 * A team's golden-path standing on its Group page, rolled up over its
 * nested sub-groups: adoption, average score and levels.
 *
 * @public
 */
export function GroupGoldenPathCard() {
  const { loading, error, value } = useGroupRollup();
  let content: ReactNode;
  if (loading) {
    content = <Progress aria-label="Loading golden-path adoption" />;
  } else if (error) {
    content = (
      <ResponseErrorPanel
        error={error}
        title="Could not load golden-path adoption"
      />
    );
  } else if (value && value.adoption.eligible === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No components to score"
        description="Neither this group nor its sub-groups own a component a golden path applies to."
      />
    );
  } else if (value) {
    content = <RollupSummary rollup={value} />;
  }
  return (
    <InfoCard
      title="Golden Path adoption"
      subheader={
        value?.computedAt
          ? `As of ${new Date(value.computedAt).toLocaleString()}`
          : undefined
      }
    >
      {content}
    </InfoCard>
  );
}
