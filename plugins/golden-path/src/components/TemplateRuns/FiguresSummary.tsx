import {
  TemplateEntitiesResponse,
  TemplateFigures,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Figure } from '../shared';
import { formatDuration, formatPercent, plural } from '../shared/format';
import { timeSaved } from './timeSaved';

const NONE = '—';

function timeSavedCounts(figures: TemplateFigures): string {
  const declared = figures.succeeded - figures.runsWithoutTimeSaved;
  if (declared > 0) {
    return `declared by ${declared} of ${plural(
      figures.succeeded,
      'succeeded run',
    )}`;
  }
  return figures.succeeded > 0
    ? 'the template declares no backstage.io/time-saved'
    : 'no succeeded runs';
}

function BehindLatest({ entities }: { entities: TemplateEntitiesResponse }) {
  const { items, latestVersion } = entities;
  if (items.length === 0) {
    return (
      <Figure
        label="Behind the latest version"
        value={NONE}
        counts="no catalog entity names this template"
      />
    );
  }
  if (!latestVersion) {
    return (
      <Figure
        label="Behind the latest version"
        value={NONE}
        counts="no latest version known for its path"
      />
    );
  }
  const behind = items.filter(item => item.drift.status === 'behind').length;
  return (
    <Figure
      label={`Behind ${latestVersion}`}
      value={behind}
      counts={`of ${plural(items.length, 'entity', 'entities')} in the catalog`}
    />
  );
}

/**
 * A template's run figures, each saying which runs it counts, and how many
 * of the entities created from it have fallen behind.
 */
export function FiguresSummary(props: {
  figures: TemplateFigures;
  entities?: TemplateEntitiesResponse;
  /** When the runs counted ran, e.g. "in the last 90 days". */
  during: string;
}) {
  const { figures, entities, during } = props;
  const unfinished = figures.runs - figures.finished;
  const succeeded =
    figures.succeeded > 0
      ? `of ${plural(figures.succeeded, 'succeeded run')}`
      : 'no succeeded runs';
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box
        component="dl"
        m={0}
        display="grid"
        gridTemplateColumns="repeat(auto-fill, minmax(160px, 1fr))"
        gridGap={16}
      >
        <Figure
          label="Runs"
          value={figures.runs}
          counts={
            unfinished > 0 ? `${during} · ${unfinished} not finished` : during
          }
        />
        <Figure
          label="Success rate"
          value={
            figures.successRate === undefined
              ? NONE
              : formatPercent(figures.successRate)
          }
          counts={
            figures.finished > 0
              ? `of ${plural(figures.finished, 'finished run')}`
              : 'no finished runs'
          }
        />
        <Figure
          label="Median duration"
          value={
            figures.medianDurationMs === undefined
              ? NONE
              : formatDuration(figures.medianDurationMs)
          }
          counts={succeeded}
        />
        <Figure
          label="p90 duration"
          value={
            figures.p90DurationMs === undefined
              ? NONE
              : formatDuration(figures.p90DurationMs)
          }
          counts={succeeded}
        />
        <Figure
          label="Time saved"
          value={timeSaved(figures) ?? NONE}
          counts={timeSavedCounts(figures)}
        />
        <Figure
          label="Entities created"
          value={figures.entitiesCreated}
          counts={`${figures.entitiesInCatalog} still in the catalog`}
        />
        {entities && <BehindLatest entities={entities} />}
      </Box>
      {figures.versions.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          By version:{' '}
          {figures.versions
            .map(
              v => `${v.version ?? 'unversioned'} (${plural(v.runs, 'run')})`,
            )
            .join(' · ')}
        </Typography>
      )}
    </Box>
  );
}
