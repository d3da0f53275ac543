import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  goldenPathSurveyCommentsReadPermission,
  SurveyResultsResponse,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ArrowBack from '@material-ui/icons/ArrowBack';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathApiRef, SurveyExportTable } from '../../api';
import { CsvExport, ExportCsvButton, TeamLink } from '../shared';
import { formatDate, plural } from '../shared/format';
import {
  anonymityLabel,
  CampaignAudience,
  CampaignStateChip,
  campaignWindow,
} from './CampaignFacts';
import { CampaignEditor } from './CampaignEditor';
import { CommentsList } from './CommentsList';
import { ConfirmDialog } from './ConfirmDialog';
import { NpsBreakdownTable } from './NpsBreakdownTable';
import { NpsSummary } from './NpsSummary';
import { PathRatings } from './PathRatings';
import { ScoreDistributionChart } from './ScoreDistributionChart';
import { useCanManageSurveys } from './useCanManageSurveys';

type Dialog = 'edit' | 'close' | 'delete';

function Header(props: {
  results: SurveyResultsResponse;
  canManage: boolean;
  onAction: (dialog: Dialog) => void;
}) {
  const { results, canManage, onAction } = props;
  const { campaign } = results;
  const open = campaign.state !== 'closed';
  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <Link to="..">
        <Box display="inline-flex" alignItems="center" gridGap={4}>
          <ArrowBack fontSize="small" aria-hidden /> All campaigns
        </Box>
      </Link>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        gridGap={16}
        flexWrap="wrap"
      >
        <Box display="flex" alignItems="center" gridGap={12}>
          <Typography variant="h4" component="h2">
            {campaign.title}
          </Typography>
          <CampaignStateChip state={campaign.state} />
        </Box>
        {canManage && (
          <Box display="flex" gridGap={8}>
            {open && (
              <>
                <Button variant="outlined" onClick={() => onAction('edit')}>
                  Edit
                </Button>
                <Button variant="outlined" onClick={() => onAction('close')}>
                  Close
                </Button>
              </>
            )}
            <Button
              variant="outlined"
              color="secondary"
              onClick={() => onAction('delete')}
            >
              Delete
            </Button>
          </Box>
        )}
      </Box>
      {campaign.description && (
        <Typography variant="body1">{campaign.description}</Typography>
      )}
      <Typography variant="body2" color="textSecondary" component="div">
        {campaignWindow(campaign)} · <CampaignAudience campaign={campaign} /> ·{' '}
        {anonymityLabel(campaign)}
      </Typography>
    </Box>
  );
}

function noResponsesText(results: SurveyResultsResponse): string {
  const { campaign } = results;
  if (campaign.state === 'scheduled') {
    return `It opens on ${formatDate(campaign.opensAt)}.`;
  }
  return campaign.state === 'open'
    ? 'Results appear here as people answer.'
    : 'It closed without an answer.';
}

function Results({ results }: { results: SurveyResultsResponse }) {
  const api = useApi(goldenPathApiRef);
  const { campaign, overall, minGroupSize } = results;
  const exportCsv = (table: SurveyExportTable, what: string): CsvExport => ({
    what,
    filename: `survey-${campaign.id}-${table}.csv`,
    load: () => api.exportSurveyResults(campaign.id, table),
  });
  if (overall.responses === 0) {
    return (
      <EmptyState
        missing="data"
        title="No responses yet"
        description={noResponsesText(results)}
      />
    );
  }
  if (overall.suppressed || !overall.nps || overall.nps.score === undefined) {
    return (
      <EmptyState
        missing="data"
        title="Results withheld"
        description={`This campaign has ${plural(
          overall.responses,
          'response',
        )}, fewer than ${minGroupSize}: its results are withheld to keep answers anonymous.`}
      />
    );
  }
  const { comments } = results;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Net Promoter Score" variant="fullHeight">
          <NpsSummary
            nps={overall.nps}
            score={overall.nps.score}
            audienceSize={results.audienceSize}
            responseRate={results.responseRate}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Answers from 0 to 10" variant="fullHeight">
          {overall.distribution && (
            <ScoreDistributionChart distribution={overall.distribution} />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <NpsBreakdownTable
          title="By team"
          keyTitle="Team"
          renderKey={team => <TeamLink team={team} />}
          rows={results.teams.map(({ team, ...row }) => ({
            key: team,
            ...row,
          }))}
          minGroupSize={minGroupSize}
          exportCsv={exportCsv('teams', 'the figures by team')}
        />
      </Grid>
      <Grid item xs={12}>
        <NpsBreakdownTable
          title="By quarter"
          keyTitle="Quarter"
          renderKey={quarter => quarter}
          rows={results.quarters.map(({ quarter, ...row }) => ({
            key: quarter,
            ...row,
          }))}
          minGroupSize={minGroupSize}
          exportCsv={exportCsv('quarters', 'the figures by quarter')}
        />
      </Grid>
      {results.paths.length > 0 && (
        <Grid item xs={12} md={6}>
          <InfoCard
            title="Golden path ratings"
            action={
              <ExportCsvButton {...exportCsv('paths', 'the path ratings')} />
            }
          >
            <PathRatings paths={results.paths} minGroupSize={minGroupSize} />
          </InfoCard>
        </Grid>
      )}
      {comments.count > 0 && (
        <Grid item xs={12} md={results.paths.length > 0 ? 6 : 12}>
          <InfoCard
            title={`Comments (${comments.count})`}
            action={
              comments.readable && (
                <ExportCsvButton {...exportCsv('comments', 'the comments')} />
              )
            }
          >
            {comments.readable ? (
              <CommentsList campaignId={campaign.id} />
            ) : (
              <Typography variant="body2" color="textSecondary">
                Reading comments needs the{' '}
                <code>{goldenPathSurveyCommentsReadPermission.name}</code>{' '}
                permission.
              </Typography>
            )}
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}

/**
 * One campaign's results: its NPS and answers, per team, per quarter and
 * per golden path, and its comments for those allowed to read them.
 * Admins edit, close and delete the campaign here.
 */
export function CampaignResults() {
  const { id = '' } = useParams();
  const api = useApi(goldenPathApiRef);
  const navigate = useNavigate();
  const canManage = useCanManageSurveys();
  const [dialog, setDialog] = useState<Dialog>();
  const results = useAsyncRetry(() => api.getSurveyResults(id), [api, id]);

  if (results.error) {
    return (
      <ResponseErrorPanel
        error={results.error}
        title="Could not load the campaign's results"
      />
    );
  }
  if (!results.value) {
    return <Progress aria-label="Loading the campaign's results" />;
  }
  const { campaign } = results.value;
  const done = () => {
    setDialog(undefined);
    results.retry();
  };
  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      <Header
        results={results.value}
        canManage={canManage}
        onAction={setDialog}
      />
      <Results results={results.value} />
      {dialog === 'edit' && (
        <CampaignEditor
          campaign={campaign}
          onClose={() => setDialog(undefined)}
          onSaved={done}
        />
      )}
      {dialog === 'close' && (
        <ConfirmDialog
          title={`Close ${campaign.title}?`}
          confirmLabel="Close campaign"
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await api.closeSurveyCampaign(campaign.id);
            done();
          }}
        >
          It stops taking answers now, before {formatDate(campaign.closesAt)}. A
          closed campaign cannot be opened again.
        </ConfirmDialog>
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${campaign.title}?`}
          confirmLabel="Delete campaign"
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await api.deleteSurveyCampaign(campaign.id);
            navigate('..');
          }}
        >
          The campaign and its {plural(campaign.responses, 'response')} are
          deleted for good, and leave the NPS trend.
        </ConfirmDialog>
      )}
    </Box>
  );
}
