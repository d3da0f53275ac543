import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  SurveyCampaign,
  SurveyTrendResponse,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Add from '@material-ui/icons/Add';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';
import {
  anonymityLabel,
  CampaignAudience,
  CampaignStateChip,
  campaignWindow,
} from './CampaignFacts';
import { CampaignEditor } from './CampaignEditor';
import { npsText } from './npsText';
import { NpsTrendChart } from './NpsTrendChart';
import { useCanManageSurveys } from './useCanManageSurveys';

type Row = SurveyCampaign & { nps: string };

const columns: TableColumn<Row>[] = [
  {
    title: 'Campaign',
    field: 'title',
    highlight: true,
    render: row => <Link to={encodeURIComponent(row.id)}>{row.title}</Link>,
  },
  {
    title: 'State',
    field: 'state',
    render: row => <CampaignStateChip state={row.state} />,
  },
  { title: 'Dates', field: 'opensAt', render: campaignWindow },
  {
    title: 'Audience',
    field: 'audience',
    sorting: false,
    render: row => <CampaignAudience campaign={row} />,
  },
  { title: 'Anonymity', field: 'anonymous', render: anonymityLabel },
  { title: 'Responses', field: 'responses', type: 'numeric' },
  { title: 'NPS', field: 'nps', sorting: false },
];

/** A campaign's NPS: the list has none, the trend has every campaign's. */
function npsOf(
  campaign: SurveyCampaign,
  trend: SurveyTrendResponse | undefined,
): string {
  const row = trend?.campaigns.find(c => c.id === campaign.id);
  return row ? npsText(row) : '—';
}

/**
 * Every survey campaign with its NPS, under the NPS of each quarter; admins
 * create campaigns here.
 */
export function CampaignList() {
  const api = useApi(goldenPathApiRef);
  const navigate = useNavigate();
  const canManage = useCanManageSurveys();
  const [creating, setCreating] = useState(false);
  const campaigns = useAsync(() => api.getSurveyCampaigns(), [api]);
  const trend = useAsync(() => api.getSurveyTrend(), [api]);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="NPS by quarter"
          subheader="All campaigns, by the quarter each answer was given in"
        >
          {trend.loading && <Progress aria-label="Loading the NPS trend" />}
          {trend.error && (
            <ResponseErrorPanel
              error={trend.error}
              title="Could not load the NPS trend"
            />
          )}
          {trend.value && <NpsTrendChart trend={trend.value} />}
        </InfoCard>
      </Grid>
      {canManage && (
        <Grid item xs={12}>
          <Box display="flex" justifyContent="flex-end">
            <Button
              variant="contained"
              color="primary"
              startIcon={<Add />}
              onClick={() => setCreating(true)}
            >
              New campaign
            </Button>
          </Box>
        </Grid>
      )}
      <Grid item xs={12}>
        {campaigns.error ? (
          <ResponseErrorPanel
            error={campaigns.error}
            title="Could not load the survey campaigns"
          />
        ) : (
          <Table<Row>
            title="Survey campaigns"
            subtitle="Newest first"
            isLoading={campaigns.loading}
            columns={columns}
            data={(campaigns.value?.items ?? []).map(campaign => ({
              ...campaign,
              nps: npsOf(campaign, trend.value),
            }))}
            options={{ paging: false, search: false }}
            emptyContent={
              <Box p={2}>
                No survey campaigns yet.
                {canManage &&
                  ' Create one to ask developers how the golden paths serve them.'}
              </Box>
            }
          />
        )}
      </Grid>
      {creating && (
        <CampaignEditor
          onClose={() => setCreating(false)}
          onSaved={campaign => {
            setCreating(false);
            navigate(encodeURIComponent(campaign.id));
          }}
        />
      )}
    </Grid>
  );
}
