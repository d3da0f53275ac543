import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import {
  SurveyCampaign,
  SurveyCampaignState,
} from '@golden-path/plugin-golden-path-common';
import Chip from '@material-ui/core/Chip';
import { formatDate } from '../shared/format';

const STATE_LABELS: Record<SurveyCampaignState, string> = {
  scheduled: 'Scheduled',
  open: 'Open',
  closed: 'Closed',
};

/** Whether a campaign takes answers yet, now, or no more. */
export function CampaignStateChip({ state }: { state: SurveyCampaignState }) {
  return (
    <Chip
      size="small"
      label={STATE_LABELS[state]}
      color={state === 'open' ? 'primary' : 'default'}
      variant={state === 'scheduled' ? 'outlined' : 'default'}
    />
  );
}

/** When a campaign takes answers, and when it was closed early. */
export function campaignWindow(campaign: SurveyCampaign): string {
  const window = `${formatDate(campaign.opensAt)} – ${formatDate(
    campaign.closesAt,
  )}`;
  return campaign.closedAt
    ? `${window} (closed on ${formatDate(campaign.closedAt)})`
    : window;
}

/** Who a campaign asks: everyone, or links to its groups. */
export function CampaignAudience({ campaign }: { campaign: SurveyCampaign }) {
  const { audience } = campaign;
  return audience.type === 'all' ? (
    <>All users</>
  ) : (
    <EntityRefLinks entityRefs={audience.groups} defaultKind="group" />
  );
}

/** Whether a campaign stores who answered. */
export function anonymityLabel(campaign: SurveyCampaign): string {
  return campaign.anonymous ? 'Anonymous' : 'Identified';
}
