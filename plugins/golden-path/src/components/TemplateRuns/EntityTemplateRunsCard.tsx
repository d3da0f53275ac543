import { InfoCard, Progress } from '@backstage/core-components';
import { ReactNode, useMemo } from 'react';
import { LAST_90_DAYS, rangeFrom } from './ranges';
import { FiguresSubheader, RunFiguresPanel } from './RunFiguresPanel';
import { TemplateRunsError } from './TemplateRunsError';
import { useTemplateEntities } from './useTemplateEntities';
import { useTemplateFigures } from './useTemplateFigures';

/**
 * A template's last 90 days on its overview page: runs, success rate,
 * durations, time saved, the entities it created and how many of them are
 * behind its latest version.
 *
 * @public
 */
export function EntityTemplateRunsCard() {
  const from = useMemo(() => rangeFrom(LAST_90_DAYS), []);
  const figures = useTemplateFigures(from);
  const entities = useTemplateEntities();
  let content: ReactNode;
  if (figures.loading || entities.loading) {
    content = <Progress aria-label="Loading template runs" />;
  } else if (figures.error) {
    content = (
      <TemplateRunsError
        error={figures.error}
        title="Could not load template runs"
      />
    );
  } else if (figures.value) {
    content = (
      <>
        <RunFiguresPanel
          data={figures.value}
          entities={entities.value}
          during={LAST_90_DAYS.during}
        />
        {entities.error && (
          <TemplateRunsError
            error={entities.error}
            title="Could not load the entities created"
          />
        )}
      </>
    );
  }
  return (
    <InfoCard
      title="Template runs"
      subheader={
        <FiguresSubheader
          range={LAST_90_DAYS.label}
          source={figures.value?.source}
        />
      }
    >
      {content}
    </InfoCard>
  );
}
