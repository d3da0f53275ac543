import {
  SurveyCampaign,
  SurveyCampaignState,
} from '@golden-path/plugin-golden-path-common';
import { CampaignRecord } from '../../database/SurveyStore';

/** Where a campaign stands at an instant. */
export function campaignState(
  campaign: CampaignRecord,
  at: Date,
): SurveyCampaignState {
  if (campaign.closedAt || campaign.closesAt.getTime() <= at.getTime()) {
    return 'closed';
  }
  return campaign.opensAt.getTime() > at.getTime() ? 'scheduled' : 'open';
}

/** A stored campaign as the API shows it. */
export function toCampaign(campaign: CampaignRecord, at: Date): SurveyCampaign {
  return {
    id: campaign.id,
    title: campaign.title,
    ...(campaign.description ? { description: campaign.description } : {}),
    questions: campaign.questions,
    audience: campaign.audience,
    opensAt: campaign.opensAt.toISOString(),
    closesAt: campaign.closesAt.toISOString(),
    anonymous: campaign.anonymous,
    state: campaignState(campaign, at),
    createdBy: campaign.createdBy,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
    ...(campaign.closedAt ? { closedAt: campaign.closedAt.toISOString() } : {}),
    responses: campaign.responses,
  };
}
