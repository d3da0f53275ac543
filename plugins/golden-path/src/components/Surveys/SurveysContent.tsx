import { Route, Routes } from 'react-router-dom';
import { CampaignList } from './CampaignList';
import { CampaignResults } from './CampaignResults';

/**
 * The Surveys tab: the campaigns and the NPS trend, and each campaign's
 * results at `:id` below it.
 *
 * @public
 */
export function SurveysContent() {
  return (
    <Routes>
      <Route path="/" element={<CampaignList />} />
      <Route path=":id" element={<CampaignResults />} />
    </Routes>
  );
}
