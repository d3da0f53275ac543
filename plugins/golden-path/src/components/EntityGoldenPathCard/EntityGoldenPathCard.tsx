import {
  EmptyState,
  Gauge,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { EntityResultsResponse } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Refresh from '@material-ui/icons/Refresh';
import { ReactNode } from 'react';
import {
  CheckAccordion,
  DriftWarning,
  LevelBadge,
  SOURCE_LABELS,
} from '../shared';
import { EntityResultsState, useEntityResults } from './useEntityResults';

// Enough to act on from the overview page; the tab lists every check.
const CHECKS_SHOWN = 3;

function Summary({ data }: { data: EntityResultsResponse }) {
  const { path, provenance } = data;
  return (
    <Box display="flex" gridGap={16} alignItems="center" flexWrap="wrap">
      {data.score !== null && (
        <Box width={96} aria-label={`Score ${data.score} out of 100`}>
          <Gauge value={data.score / 100} size="small" />
        </Box>
      )}
      <Box
        minWidth={0}
        flex={1}
        display="flex"
        flexDirection="column"
        gridGap={4}
      >
        <Typography variant="h6" component="p">
          {path?.docsUrl ? (
            <Link to={path.docsUrl}>{path.title}</Link>
          ) : (
            path?.title
          )}
        </Typography>
        <Box display="flex" gridGap={8} alignItems="center" flexWrap="wrap">
          <LevelBadge level={data.level} />
          {data.coverage !== null && data.coverage < 1 && (
            <Typography variant="body2" color="textSecondary">
              {Math.round(data.coverage * 100)}% of checks could be evaluated
            </Typography>
          )}
        </Box>
        {provenance && (
          <Typography variant="body2" color="textSecondary">
            From{' '}
            <EntityRefLink
              entityRef={provenance.templateRef}
              defaultKind="template"
            />{' '}
            {provenance.templateVersion
              ? `v${provenance.templateVersion}`
              : '(version not recorded)'}{' '}
            · according to{' '}
            {SOURCE_LABELS[provenance.source] ?? provenance.source}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

function Checks({ data }: { data: EntityResultsResponse }) {
  const toFix = data.checks.filter(
    c => c.verdict === 'fail' || c.verdict === 'unknown',
  );
  const exempt = data.checks.filter(c => c.verdict === 'exempt');
  const passing = data.checks.filter(c => c.verdict === 'pass').length;
  return (
    <Box mt={2} aria-label="Checks">
      {toFix.slice(0, CHECKS_SHOWN).map(check => (
        <CheckAccordion key={check.id} check={check} />
      ))}
      {exempt.map(check => (
        <CheckAccordion key={check.id} check={check} />
      ))}
      <Typography variant="body2" color="textSecondary" component="p">
        {passing} of {data.checks.length} checks passing
        {toFix.length > CHECKS_SHOWN &&
          ` · ${
            toFix.length - CHECKS_SHOWN
          } more to fix on the Golden Path tab`}
      </Typography>
    </Box>
  );
}

function NotOnPath({ data }: { data: EntityResultsResponse }) {
  if (data.suggestedPaths.length === 0) {
    return (
      <EmptyState
        missing="field"
        title="No golden path applies"
        description="None of the platform's golden paths covers this kind of component, so there is nothing to score."
      />
    );
  }
  return (
    <Box>
      <Typography variant="h6" component="p">
        Not on a golden path
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        No template is recorded for this component. These paths apply to it;
        starting from their template puts it on the path:
      </Typography>
      <Box component="ul" m={0} pl={2}>
        {data.suggestedPaths.map(path => (
          <li key={path.id}>
            <Typography variant="body2">
              {path.docsUrl ? (
                <Link to={path.docsUrl}>{path.title}</Link>
              ) : (
                path.title
              )}
              {path.templates.length > 0 && (
                <>
                  {' '}
                  — template{' '}
                  {path.templates.map((template, i) => (
                    <span key={template}>
                      {i > 0 && ', '}
                      <EntityRefLink
                        entityRef={template}
                        defaultKind="template"
                      />
                    </span>
                  ))}
                </>
              )}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

function Content({ data }: { data: EntityResultsResponse }) {
  switch (data.status) {
    case 'pending':
      return (
        <EmptyState
          missing="data"
          title="Not evaluated yet"
          description="The next scoring run will evaluate this component; refresh to score it now."
        />
      );
    case 'not-eligible':
      return (
        <EmptyState
          missing="field"
          title="Golden paths do not apply here"
          description="Golden-path adoption is tracked for components."
        />
      );
    default:
      if (!data.path) {
        return <NotOnPath data={data} />;
      }
      return (
        <>
          <Summary data={data} />
          <Box mt={1}>
            <DriftWarning data={data} />
          </Box>
          <Checks data={data} />
        </>
      );
  }
}

/**
 * Where the entity on the current page stands on its golden path: score,
 * level, drift, the checks to fix with their remediation, exemptions, and a
 * refresh.
 *
 * @public
 */
export function EntityGoldenPathCard() {
  return <GoldenPathCardView {...useEntityResults()} />;
}

/** The card for results loaded by the caller, which may share them. */
export function GoldenPathCardView(props: EntityResultsState) {
  const { loading, refreshing, error, value, refresh } = props;
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
    content = <Content data={value} />;
  }
  const evaluated = value?.evaluatedAt
    ? `Evaluated ${new Date(value.evaluatedAt).toLocaleString()}`
    : undefined;
  return (
    <InfoCard
      title="Golden Path"
      subheader={evaluated}
      action={
        value?.status !== 'not-eligible' && (
          <Tooltip title="Score this component again now">
            <span>
              <IconButton
                aria-label="Refresh golden-path results"
                onClick={refresh}
                disabled={loading || refreshing}
              >
                <Refresh />
              </IconButton>
            </span>
          </Tooltip>
        )
      }
    >
      {refreshing && <Progress aria-label="Refreshing golden-path data" />}
      {content}
    </InfoCard>
  );
}
