import {
  goldenPathSurveyManagePermission,
  SurveyResultsResponse,
} from '@golden-path/plugin-golden-path-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { GoldenPathApi } from '../../api';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { responseError } from '../../__testUtils__/responseError';
import {
  closedCampaign,
  comments,
  openCampaign,
  paths,
  results,
  scheduledCampaign,
  trend,
} from '../../__testUtils__/surveys';
import { SurveysContent } from './SurveysContent';

// No pause between keystrokes: the tests wait for what the user sees.
let user: UserEvent;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
});

function fakeApi(overrides: Partial<GoldenPathApi> = {}) {
  return {
    getSurveyCampaigns: jest.fn(async () => ({
      items: [scheduledCampaign, openCampaign, closedCampaign],
    })),
    getSurveyTrend: jest.fn(async () => trend),
    getSurveyResults: jest.fn(
      overrides.getSurveyResults ?? (async () => results),
    ),
    getSurveyComments: jest.fn(async () => comments),
    exportSurveyResults: jest.fn(async () => 'team,responses\n'),
    getPaths: jest.fn(async () => paths),
    createSurveyCampaign: jest.fn(
      overrides.createSurveyCampaign ?? (async () => openCampaign),
    ),
    updateSurveyCampaign: jest.fn(async () => openCampaign),
    closeSurveyCampaign: jest.fn(async () => closedCampaign),
    deleteSurveyCampaign: jest.fn(async () => {}),
  };
}

function renderSurveys(
  api: Partial<GoldenPathApi>,
  options: { admin?: boolean; path?: string } = {},
) {
  return renderWithApis(
    <Routes>
      <Route path="/surveys/*" element={<SurveysContent />} />
    </Routes>,
    {
      api,
      allowed: options.admin ? [goldenPathSurveyManagePermission] : [],
      routeEntries: [options.path ?? '/surveys'],
    },
  );
}

function withResults(changes: Partial<SurveyResultsResponse>) {
  return fakeApi({
    getSurveyResults: async () => ({ ...results, ...changes }),
  });
}

const row = (text: string) => screen.getByText(text).closest('tr')!;

describe('campaign list', () => {
  it('lists each campaign with its state, window, audience, answers and NPS', async () => {
    await renderSurveys(fakeApi());
    expect(
      await screen.findByRole('link', {
        name: 'Developer experience, Q4 2026',
      }),
    ).toHaveAttribute('href', '/surveys/c1');

    const open = row('Developer experience, Q4 2026');
    expect(open).toHaveTextContent('Open');
    expect(open).toHaveTextContent('All users');
    expect(open).toHaveTextContent('Anonymous');
    expect(open).toHaveTextContent('42');
    expect(open).toHaveTextContent('+29');

    const closed = row('Onboarding pilot');
    expect(closed).toHaveTextContent('Closed');
    expect(closed).toHaveTextContent(/closed on/);
    expect(
      within(closed).getByRole('link', { name: 'payments' }),
    ).toBeVisible();
    expect(
      within(closed).getByRole('link', { name: 'checkout' }),
    ).toBeVisible();
    expect(closed).toHaveTextContent('Identified');
    expect(closed).toHaveTextContent('withheld');

    const scheduled = row('Pulse, Q1 2027');
    expect(scheduled).toHaveTextContent('Scheduled');
    expect(scheduled).toHaveTextContent('—');
  });

  it('names the quarters withheld from the NPS trend', async () => {
    await renderSurveys(fakeApi());
    expect(
      await screen.findByText(/No NPS for 2026-Q3: withheld to keep answers/),
    ).toHaveTextContent('fewer than 5 responses');
    expect(
      screen.getByRole('table', { name: 'NPS by quarter' }),
    ).toHaveTextContent('2026-Q4+2942');
  });

  it('offers a new campaign to survey admins only', async () => {
    await renderSurveys(fakeApi());
    await screen.findByText('Developer experience, Q4 2026');
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();

    await renderSurveys(fakeApi(), { admin: true });
    expect(
      await screen.findByRole('button', { name: 'New campaign' }),
    ).toBeInTheDocument();
  });
});

describe('campaign editor', () => {
  async function openEditor(api: Partial<GoldenPathApi>) {
    await renderSurveys(api, { admin: true });
    await user.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    return screen.findByRole('dialog', { name: 'New survey campaign' });
  }

  const npsQuestion = {
    id: 'nps',
    type: 'nps',
    text: 'How likely are you to recommend our golden paths to a colleague?',
  };

  it('creates an anonymous campaign for everyone, open for two weeks from now', async () => {
    const api = fakeApi();
    const dialog = await openEditor(api);
    const opens = within(dialog).getByLabelText('Opens') as HTMLInputElement;
    expect(Math.abs(Date.parse(opens.value) - Date.now())).toBeLessThan(
      120_000,
    );
    await user.click(within(dialog).getByLabelText(/^Title/));
    await user.paste('Pulse');
    await user.click(
      within(dialog).getByRole('button', { name: 'Create campaign' }),
    );

    await waitFor(() =>
      expect(api.createSurveyCampaign).toHaveBeenCalledWith({
        title: 'Pulse',
        questions: [npsQuestion],
        audience: { type: 'all' },
        opensAt: new Date(opens.value).toISOString(),
        closesAt: new Date(
          new Date(opens.value).getTime() + 14 * 86_400_000,
        ).toISOString(),
        anonymous: true,
      }),
    );
    // The new campaign's results open.
    expect(
      await screen.findByRole('heading', {
        name: 'Developer experience, Q4 2026',
      }),
    ).toBeInTheDocument();
  });

  it('adds text and path-rating questions after the NPS question', async () => {
    const api = fakeApi();
    const dialog = await openEditor(api);
    await user.click(
      within(dialog).getByRole('button', { name: 'Add text question' }),
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Add path rating' }),
    );
    await user.click(within(dialog).getByLabelText('Golden path'));
    await user.click(
      await screen.findByRole('option', { name: 'Static site' }),
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Create campaign' }),
    );
    await waitFor(() =>
      expect(api.createSurveyCampaign).toHaveBeenCalledWith(
        expect.objectContaining({
          questions: [
            npsQuestion,
            {
              id: 'text-1',
              type: 'text',
              text: 'What should we improve first?',
            },
            {
              id: 'path-1',
              type: 'path-rating',
              pathId: 'static-site',
              text: 'How would you rate the Static site golden path?',
            },
          ],
        }),
      ),
    );
  });

  it('asks the members of the groups chosen from the catalog', async () => {
    const api = fakeApi();
    const dialog = await openEditor(api);
    await user.click(
      within(dialog).getByRole('radio', { name: 'Members of groups' }),
    );
    await user.click(within(dialog).getByLabelText('Groups'));
    await user.click(
      await screen.findByRole('option', { name: 'Team payments' }),
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Create campaign' }),
    );
    await waitFor(() =>
      expect(api.createSurveyCampaign).toHaveBeenCalledWith(
        expect.objectContaining({
          audience: { type: 'groups', groups: ['group:default/payments'] },
        }),
      ),
    );
  });

  it('shows what the backend refused and keeps the dialog open', async () => {
    const error = await responseError(
      400,
      'InputError',
      'Invalid campaign: title: must not be empty',
    );
    const dialog = await openEditor(
      fakeApi({
        createSurveyCampaign: async () => {
          throw error;
        },
      }),
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Create campaign' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Invalid campaign: title: must not be empty',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('keeps the questions and anonymity of a campaign with responses, and says why', async () => {
    const api = fakeApi();
    await renderSurveys(api, { admin: true, path: '/surveys/c1' });
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit Developer experience, Q4 2026',
    });
    expect(dialog).toHaveTextContent(
      'This campaign has 42 responses: its questions and whether it is anonymous can no longer change',
    );
    expect(
      within(dialog).getByLabelText(/^Recommendation question/),
    ).toBeDisabled();
    expect(
      within(dialog).getByRole('button', { name: 'Remove question 2' }),
    ).toBeDisabled();
    expect(
      within(dialog).getByRole('checkbox', { name: 'Anonymous' }),
    ).toBeDisabled();

    const title = within(dialog).getByLabelText(/^Title/);
    await user.clear(title);
    await user.paste('DX, Q4');
    await user.click(
      within(dialog).getByRole('button', { name: 'Save changes' }),
    );
    await waitFor(() =>
      expect(api.updateSurveyCampaign).toHaveBeenCalledWith(
        'c1',
        expect.objectContaining({
          title: 'DX, Q4',
          questions: openCampaign.questions,
          anonymous: true,
        }),
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.getSurveyResults).toHaveBeenCalledTimes(2);
  });
});

describe('campaign results', () => {
  it('shows the NPS, its split and how many of the audience answered', async () => {
    await renderSurveys(fakeApi(), { path: '/surveys/c1' });
    expect(await screen.findByLabelText('NPS')).toHaveTextContent('+29');
    expect(screen.getByText('42 responses')).toBeInTheDocument();
    expect(
      screen.getByText('35% of 120 people in the audience'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Promoters (9–10)').parentElement!.parentElement,
    ).toHaveTextContent('20 · 48%');
    expect(
      screen.getByRole('table', { name: 'Answers per score' }),
    ).toHaveTextContent('912');
  });

  it('says why each withheld team has no figures', async () => {
    await renderSurveys(fakeApi(), { path: '/surveys/c1' });
    const table = within(
      (await screen.findByText('By team')).closest(
        'div[class*="MuiPaper"]',
      ) as HTMLElement,
    );
    const team = (name: string) =>
      table.getByRole('link', { name }).closest('tr')!;
    expect(team('payments')).toHaveTextContent('30+4016104');
    expect(team('platform')).toHaveTextContent(
      '3fewer than 5 responses — withheld to keep answers anonymous',
    );
    expect(table.getByText('Unassigned').closest('tr')).toHaveTextContent(
      'fewer than 5 responses — withheld to keep answers anonymous',
    );
    expect(team('checkout')).toHaveTextContent(
      'shown, it would reveal a smaller group',
    );
  });

  it('shows the ratings of each golden path asked about', async () => {
    await renderSurveys(fakeApi(), { path: '/surveys/c1' });
    expect(
      await screen.findByText('4.3 of 5 from 12 ratings'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('5 stars: 6')).toBeInTheDocument();
    expect(
      screen.getByText(/^2 ratings: fewer than 5 ratings — withheld/),
    ).toBeInTheDocument();
  });

  it('lists the comments for those who may read them', async () => {
    const api = fakeApi();
    await renderSurveys(api, { path: '/surveys/c1' });
    const list = await screen.findByRole('list', { name: 'Comments' });
    const first = within(list).getByText('Faster CI, please').parentElement!;
    expect(first).toHaveTextContent('Score 6 · payments · 2026-Q4');
    expect(
      within(list).getByText('The templates save me days').parentElement,
    ).toHaveTextContent('Score 10 · 2026-Q4');
    expect(api.getSurveyComments).toHaveBeenCalledWith('c1', {
      limit: 20,
      offset: 0,
    });
    expect(
      screen.getByRole('button', { name: 'Export the comments as CSV' }),
    ).toBeInTheDocument();
  });

  it('shows no comments to those who may not read them', async () => {
    const api = withResults({ comments: { count: 2, readable: false } });
    await renderSurveys(api, { path: '/surveys/c1' });
    expect(await screen.findByText('Comments (2)')).toBeInTheDocument();
    expect(screen.getByText(/Reading comments needs the/)).toHaveTextContent(
      'golden-path.survey.comments.read',
    );
    expect(screen.queryByRole('list', { name: 'Comments' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Export the comments as CSV' }),
    ).toBeNull();
    expect(api.getSurveyComments).not.toHaveBeenCalled();
  });

  it('says there are no responses yet rather than showing a score of zero', async () => {
    await renderSurveys(
      withResults({
        campaign: scheduledCampaign,
        overall: { responses: 0, suppressed: false },
        teams: [],
        quarters: [],
        paths: [],
        comments: { count: 0, readable: true },
      }),
      { path: '/surveys/c3' },
    );
    expect(await screen.findByText('No responses yet')).toBeInTheDocument();
    expect(screen.getByText(/^It opens on/)).toBeInTheDocument();
    expect(screen.queryByLabelText('NPS')).toBeNull();
    expect(screen.queryByText('0')).toBeNull();
  });

  it('says when the whole result is withheld', async () => {
    await renderSurveys(
      withResults({
        campaign: closedCampaign,
        overall: { responses: 3, suppressed: true },
        teams: [],
        quarters: [],
        paths: [],
        comments: { count: 0, readable: true },
      }),
      { path: '/surveys/c2' },
    );
    expect(await screen.findByText('Results withheld')).toBeInTheDocument();
    expect(
      screen.getByText(
        'This campaign has 3 responses, fewer than 5: its results are withheld to keep answers anonymous.',
      ),
    ).toBeInTheDocument();
  });

  it('exports a table as a CSV file', async () => {
    const createObjectURL = jest.fn(() => 'blob:teams');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        expect(this.download).toBe('survey-c1-teams.csv');
        expect(this.href).toBe('blob:teams');
      });
    const api = fakeApi();
    await renderSurveys(api, { path: '/surveys/c1' });
    await user.click(
      await screen.findByRole('button', {
        name: 'Export the figures by team as CSV',
      }),
    );
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api.exportSurveyResults).toHaveBeenCalledWith('c1', 'teams');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:teams');
    click.mockRestore();
  });

  it('gives admins close, edit and delete, each confirmed first', async () => {
    const api = fakeApi();
    await renderSurveys(api, { admin: true, path: '/surveys/c1' });
    await user.click(await screen.findByRole('button', { name: 'Close' }));
    const confirmClose = await screen.findByRole('dialog', {
      name: 'Close Developer experience, Q4 2026?',
    });
    expect(api.closeSurveyCampaign).not.toHaveBeenCalled();
    await user.click(
      within(confirmClose).getByRole('button', { name: 'Close campaign' }),
    );
    await waitFor(() =>
      expect(api.closeSurveyCampaign).toHaveBeenCalledWith('c1'),
    );
    await waitFor(() => expect(api.getSurveyResults).toHaveBeenCalledTimes(2));

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const confirmDelete = await screen.findByRole('dialog', {
      name: 'Delete Developer experience, Q4 2026?',
    });
    expect(confirmDelete).toHaveTextContent('its 42 responses are deleted');
    await user.click(
      within(confirmDelete).getByRole('button', { name: 'Delete campaign' }),
    );
    await waitFor(() =>
      expect(api.deleteSurveyCampaign).toHaveBeenCalledWith('c1'),
    );
    expect(
      await screen.findByRole('link', { name: 'Onboarding pilot' }),
    ).toBeInTheDocument();
  });

  it('gives others no admin actions', async () => {
    await renderSurveys(fakeApi(), { path: '/surveys/c1' });
    await screen.findByLabelText('NPS');
    for (const name of ['Edit', 'Close', 'Delete']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });
});
