import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  goldenPathSurveyCommentsReadPermission,
  SurveyTrendResponse,
} from '@golden-path/plugin-golden-path-common';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';
import { CommentsList } from '../Surveys/CommentsList';
import { NpsTrendChart } from '../Surveys/NpsTrendChart';
import { Loaded } from './Loaded';

/** The campaign opened most recently that has answers. */
function latestCampaign(trend: SurveyTrendResponse) {
  const now = Date.now();
  return trend.campaigns
    .filter(c => c.responses > 0 && Date.parse(c.opensAt) <= now)
    .sort((a, b) => Date.parse(b.opensAt) - Date.parse(a.opensAt))[0];
}

/**
 * The NPS by quarter, for a team tree or everyone, and for holders of the
 * comments permission the newest comments of the latest campaign.
 */
export function NpsSection({ group }: { group?: string }) {
  const api = useApi(goldenPathApiRef);
  const trend = useAsync(() => api.getSurveyTrend({ group }), [api, group]);
  const { allowed: canReadComments } = usePermission({
    permission: goldenPathSurveyCommentsReadPermission,
  });
  const latest = trend.value && latestCampaign(trend.value);
  return (
    <>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Developer NPS"
          subheader={
            group ? "The team's answers, by quarter" : 'All answers, by quarter'
          }
        >
          <Loaded state={trend} what="the NPS trend">
            {value => <NpsTrendChart trend={value} />}
          </Loaded>
        </InfoCard>
      </Grid>
      {canReadComments && latest && (
        <Grid item xs={12} md={6}>
          <InfoCard
            title="Newest comments"
            subheader={`${latest.title}, every team`}
            deepLink={{
              title: 'All results of the campaign',
              link: `../surveys/${encodeURIComponent(latest.id)}`,
            }}
          >
            <CommentsList campaignId={latest.id} />
          </InfoCard>
        </Grid>
      )}
    </>
  );
}
