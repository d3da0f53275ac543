import { screen } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { platformMetrics } from '../../__testUtils__/metrics';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { openCampaign, paths, trend } from '../../__testUtils__/surveys';
import { ticketFigures } from '../../__testUtils__/tickets';
import { GoldenPathPage } from './GoldenPathPage';

// No pause between keystrokes: the tests wait for what the user sees.
let user: UserEvent;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
});

// The dashboard's other sections stay loading: these tests are about tabs.
const loading = () => new Promise<never>(() => {});

const api = {
  getPlatformMetrics: async () => platformMetrics,
  getTeamMetrics: loading,
  getFeatureUsage: loading,
  getSurveyCampaigns: async () => ({ items: [openCampaign] }),
  getSurveyTrend: async () => trend,
  getTicketFigures: async () => ticketFigures,
  getPaths: async () => paths,
};

describe('GoldenPathPage', () => {
  it('opens on the Dashboard tab', async () => {
    await renderWithApis(<GoldenPathPage />, { api });
    expect(
      await screen.findByRole('tab', { name: 'Dashboard', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Onboarding time', { selector: 'dt' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Dashboard',
      'Surveys',
      'Support tickets',
    ]);
  });

  it('shows the surveys on their tab', async () => {
    await renderWithApis(<GoldenPathPage />, { api });
    await user.click(await screen.findByRole('tab', { name: 'Surveys' }));
    expect(
      await screen.findByRole('tab', { name: 'Surveys', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'NPS by quarter' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: openCampaign.title }),
    ).toHaveAttribute('href', '/surveys/c1');
  });

  it('shows the support tickets on their tab', async () => {
    await renderWithApis(<GoldenPathPage />, { api });
    await user.click(
      await screen.findByRole('tab', { name: 'Support tickets' }),
    );
    expect(
      await screen.findByText('Tickets opened per week', { selector: 'dt' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Support tickets', selected: true }),
    ).toBeInTheDocument();
  });

  it('opens a tab from its URL', async () => {
    await renderWithApis(<GoldenPathPage />, {
      api,
      routeEntries: ['/tickets?weeks=4'],
    });
    expect(
      await screen.findByRole('tab', {
        name: 'Support tickets',
        selected: true,
      }),
    ).toBeInTheDocument();
  });
});
