import { EmptyState, WarningPanel } from '@backstage/core-components';
import {
  TemplateEntitiesResponse,
  TemplateFiguresResponse,
  TemplateRunSource,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { FiguresSummary } from './FiguresSummary';
import { RelativeTime } from './RelativeTime';

/** Whether runs were ever read, so that counts are measured, not absent. */
export function hasRunData(source: TemplateRunSource): boolean {
  return source.state === 'ok' || Boolean(source.readAt);
}

/** A card's subheader: the range counted and when the runs were read. */
export function FiguresSubheader(props: {
  range: string;
  source?: TemplateRunSource;
}) {
  const readAt = props.source?.readAt;
  return (
    <>
      {props.range}
      {readAt && (
        <>
          {' · read from the scaffolder '}
          <RelativeTime iso={readAt} />
        </>
      )}
    </>
  );
}

/**
 * A template's figures, or why there are none: the scaffolder not read yet,
 * not readable (with the figures of the last read, if any), or no runs.
 */
export function RunFiguresPanel(props: {
  data: TemplateFiguresResponse;
  entities?: TemplateEntitiesResponse;
  during: string;
}) {
  const { data, entities, during } = props;
  const { source, figures } = data;
  if (source.state === 'never-read') {
    return (
      <EmptyState
        missing="data"
        title="No runs read yet"
        description="Golden Path has not read the scaffolder's task history yet, so there is nothing to count. The figures appear after its first read."
      />
    );
  }
  let body = null;
  if (hasRunData(source)) {
    body =
      figures.runs === 0 ? (
        <EmptyState
          missing="data"
          title={`No runs ${during}`}
          description="Nobody ran this template in this period."
        />
      ) : (
        <FiguresSummary figures={figures} entities={entities} during={during} />
      );
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {source.state === 'unavailable' && (
        <WarningPanel
          defaultExpanded
          title="Could not read the scaffolder's task history"
          message={
            <>
              {source.message ?? 'The scaffolder gave no reason.'}{' '}
              {source.readAt ? (
                <>
                  These figures are from the last successful read,{' '}
                  <RelativeTime iso={source.readAt} />.
                </>
              ) : (
                'No run has been read, so there are no figures.'
              )}
            </>
          }
        />
      )}
      {body}
    </Box>
  );
}
