import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  EntityResultsResponse,
  Provenance,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';
import { ReactNode } from 'react';
import { ChecksToFix } from './ChecksToFix';
import { useEntityResults } from './useEntityResults';

const SOURCE_LABELS: Record<string, string> = {
  'golden-path-tag': 'golden-path:tag',
  'source-template-annotation': 'annotation backstage.io/source-template',
  'scaffolded-from': 'spec.scaffoldedFrom',
};

function Status(props: {
  icon: ReactNode;
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Box display="flex" alignItems="flex-start" gridGap={12}>
      <Box pt={0.25} aria-hidden>
        {props.icon}
      </Box>
      {/* minWidth 0 lets long lines wrap inside the flex row. */}
      <Box minWidth={0} flex={1}>
        <Typography variant="h6" component="p">
          {props.title}
        </Typography>
        {props.children}
      </Box>
    </Box>
  );
}

function ScoreLine({ data }: { data: EntityResultsResponse }) {
  if (data.score === null) {
    return null;
  }
  const failing = data.checks.filter(check => check.verdict === 'fail').length;
  return (
    <Typography variant="body2">
      Score {data.score} / 100 · Level {data.level ?? 'none'} ·{' '}
      {failing === 0
        ? 'no failing checks'
        : `${failing} failing check${failing === 1 ? '' : 's'}`}
      {data.coverage !== null && data.coverage < 1 && (
        <> · {Math.round(data.coverage * 100)}% of checks could be evaluated</>
      )}
    </Typography>
  );
}

function DriftNote({ data }: { data: EntityResultsResponse }) {
  if (data.drift?.status !== 'behind' || !data.path?.latestVersion) {
    return null;
  }
  const { by, distance } = data.drift;
  const behind =
    by === 'prerelease'
      ? 'a pre-release of'
      : `${distance} ${by} version${distance === 1 ? '' : 's'} behind`;
  return (
    <strong>
      {' '}
      ({behind} {data.path.latestVersion})
    </strong>
  );
}

function OnPath({
  provenance,
  data,
}: {
  provenance: Provenance;
  data: EntityResultsResponse;
}) {
  return (
    <Status
      icon={<CheckCircleOutline color="primary" />}
      title={
        <>
          On golden path{' '}
          <EntityRefLink
            entityRef={provenance.templateRef}
            defaultKind="template"
          />
        </>
      }
    >
      <ScoreLine data={data} />
      <ChecksToFix checks={data.checks} />
      <Typography variant="body2" color="textSecondary">
        {data.path && <>Path: {data.path.title} · </>}
        Template version: {provenance.templateVersion ?? 'not recorded'}
        <DriftNote data={data} /> · Source:{' '}
        {SOURCE_LABELS[provenance.source] ?? provenance.source}
      </Typography>
    </Status>
  );
}

function EvaluatedAt({ value }: { value: string }) {
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      Evaluated {new Date(value).toLocaleString()}
    </Typography>
  );
}

function CardContent({ data }: { data: EntityResultsResponse }) {
  switch (data.status) {
    case 'pending':
      return (
        <Status icon={<HelpOutline />} title="Not evaluated yet">
          <Typography variant="body2" color="textSecondary">
            The next catalog pass will record which template this entity came
            from.
          </Typography>
        </Status>
      );
    case 'not-eligible':
      return (
        <Status icon={<HelpOutline />} title="Golden paths do not apply here">
          <Typography variant="body2" color="textSecondary">
            Golden-path adoption is tracked for components only.
          </Typography>
        </Status>
      );
    default:
      return (
        <>
          {data.provenance ? (
            <OnPath provenance={data.provenance} data={data} />
          ) : (
            <Status icon={<RemoveCircleOutline />} title="Not on a golden path">
              <Typography variant="body2" color="textSecondary">
                No template is recorded for this entity: neither the
                backstage.io/source-template annotation nor spec.scaffoldedFrom
                names one.
              </Typography>
            </Status>
          )}
          {data.evaluatedAt && <EvaluatedAt value={data.evaluatedAt} />}
        </>
      );
  }
}

/**
 * Shows whether the entity on the current page is on a golden path, and
 * which template put it there.
 *
 * @public
 */
export function EntityGoldenPathCard() {
  const { loading, error, value } = useEntityResults();
  let content: ReactNode;
  if (loading) {
    content = <Progress aria-label="Loading golden-path data" />;
  } else if (error) {
    content = (
      <ResponseErrorPanel
        error={error}
        title="Could not load golden-path data"
      />
    );
  } else if (value) {
    content = <CardContent data={value} />;
  }
  return <InfoCard title="Golden Path">{content}</InfoCard>;
}
