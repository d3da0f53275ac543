import {
  goldenPathSurveyCommentsReadPermission,
  PlatformMetricsResponse,
} from '@golden-path/plugin-golden-path-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { GoldenPathApi } from '../../api';
import {
  adoptionWithoutData,
  featureUsage,
  platformMetrics,
  teamMetrics,
} from '../../__testUtils__/metrics';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { responseError } from '../../__testUtils__/responseError';
import { comments, paths, trend } from '../../__testUtils__/surveys';
import { ticketFigures } from '../../__testUtils__/tickets';
import { saveCsv } from '../shared/saveCsv';
import { DashboardContent } from './DashboardContent';

jest.mock('../shared/saveCsv');

// No pause between keystrokes: the tests wait for what the user sees.
let user: UserEvent;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
  jest.mocked(saveCsv).mockClear();
});

const WEEK_MS = 7 * 86_400_000;

const loading = () => new Promise<never>(() => {});

/**
 * What a test does not look at stays loading: every section drawn costs
 * time, the tables most.
 */
function fakeApi(given: Partial<GoldenPathApi> = {}) {
  return {
    getPlatformMetrics: jest.fn(given.getPlatformMetrics ?? loading),
    getTeamMetrics: jest.fn(given.getTeamMetrics ?? loading),
    getFeatureUsage: jest.fn(given.getFeatureUsage ?? loading),
    getPaths: jest.fn(given.getPaths ?? loading),
    getSurveyTrend: jest.fn(given.getSurveyTrend ?? loading),
    getSurveyComments: jest.fn(async () => comments),
    getTicketFigures: jest.fn(given.getTicketFigures ?? loading),
    exportTicketFigures: jest.fn(async () => 'label,tickets\n'),
  };
}

const withMetrics = (changes: Partial<PlatformMetricsResponse> = {}) =>
  fakeApi({
    getPlatformMetrics: async () => ({ ...platformMetrics, ...changes }),
  });
const withTeams = () => fakeApi({ getTeamMetrics: async () => teamMetrics });

function Search() {
  return <output aria-label="Search">{useLocation().search}</output>;
}

/** The dashboard where the page mounts it, so that its links resolve. */
function renderDashboard(
  api: Partial<GoldenPathApi>,
  options: { commentReader?: boolean; url?: string } = {},
) {
  return renderWithApis(
    <Routes>
      <Route
        path="/golden-path/*"
        element={
          <Routes>
            <Route
              path="dashboard/*"
              element={
                <>
                  <DashboardContent />
                  <Search />
                </>
              }
            />
          </Routes>
        }
      />
    </Routes>,
    {
      api,
      allowed: options.commentReader
        ? [goldenPathSurveyCommentsReadPermission]
        : [],
      routeEntries: [options.url ?? '/golden-path/dashboard'],
    },
  );
}

/** A metric's tile, by its title. */
function tile(title: string) {
  return screen.getByText(title, { selector: 'dt' }).parentElement!;
}

async function tiles() {
  await screen.findByText('Onboarding time', { selector: 'dt' });
  return screen.getAllByRole('term').map(term => term.textContent);
}

/** The card holding a heading, e.g. a table's title. */
function card(title: string) {
  return screen
    .getByText(title)
    .closest('div[class*="MuiPaper"]') as HTMLElement;
}

/** How many whole weeks before this one the last request starts. */
function weeksBack(mock: jest.Mock): number {
  const { from } = mock.mock.lastCall[0];
  expect(new Date(from).getUTCDay()).toBe(1);
  return Math.floor((Date.now() - Date.parse(from)) / WEEK_MS);
}

async function choose(testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('button'));
  await user.click(await screen.findByRole('option', { name: option }));
}

const search = () => screen.getByRole('status', { name: 'Search' });

describe('DashboardContent', () => {
  describe('metric tiles', () => {
    it('shows the nine metrics in the order of their definitions', async () => {
      await renderDashboard(withMetrics());
      expect(await tiles()).toEqual([
        'Onboarding time',
        'Active teams',
        'Golden-path adoption',
        'Developer NPS',
        'Support ticket volume',
        'Time to resolution',
        'Deployment frequency',
        'Lead time for changes',
        'Self-service rate',
      ]);
    });

    it('gives each value in its unit against its target, with its trend, population and details', async () => {
      await renderDashboard(withMetrics());
      await tiles();
      expect(tile('Onboarding time')).toHaveTextContent(
        '25 minMettarget < 30 min-38% (better) vs the previous 13 weeks' +
          '12 entities created by a template run and first deployed to production in the periodp90 2 h',
      );
      // Shares and scores move in points.
      expect(tile('Golden-path adoption')).toHaveTextContent(
        '60%Missedtarget > 80%+10 pts (better) vs the previous 13 weeks' +
          '3 of 5 eligible entities on a golden path on 2026-11-29',
      );
      expect(tile('Developer NPS')).toHaveTextContent(
        "+32Missedtarget > +40+22 pts (better) vs the previous 13 weeks42 answers to 'Developer experience, Q4 2026'",
      );
      expect(tile('Support ticket volume')).toHaveTextContent(
        '15 per weekMetshould decrease-25% (better) vs the previous 13 weeks195 tickets opened in 13 weeks',
      );
      expect(tile('Time to resolution')).toHaveTextContent(
        '1 d 6 hMissedtarget < 4 h+25% (worse) vs the previous 13 weeks180 tickets resolved in the periodp90 4 d 2 h',
      );
      expect(tile('Deployment frequency')).toHaveTextContent(
        '0.043 per entity per dayMissedtarget > 2 per entity per dayno change vs the previous 13 weeks' +
          '15 services deployed to production in the period, 12 of them in the catalog' +
          '59 production deployments · change failure rate 5%',
      );
      expect(tile('Active teams')).toHaveTextContent(
        '75%Missedtarget > 90%+25 pts (better) vs the previous 13 weeks' +
          '3 of 4 teams with a portal user in the week of 2026-11-30, of the teams users belong to34 active users',
      );
      // Its description states its own counts.
      expect(tile('Self-service rate')).toHaveTextContent(
        '48%Missedtarget > 90%No figure for the previous 13 weeks to compare with55 template runs and 60 request tickets',
      );
    });

    it('says "No data" rather than zero, and why, for a metric without a value', async () => {
      const metrics = platformMetrics.metrics.map(m =>
        m.id === 'adoption' ? adoptionWithoutData : m,
      );
      await renderDashboard(withMetrics({ metrics }));
      await tiles();
      const adoption = tile('Golden-path adoption');
      expect(adoption).toHaveTextContent(
        'No datatarget > 80%no scoring run in the period',
      );
      expect(adoption).not.toHaveTextContent(/\b0/);
      expect(tile('Lead time for changes')).toHaveTextContent(
        'No datatarget < 1 hsuccessful production deployments with commit times',
      );
      expect(
        within(tile('Lead time for changes')).queryByRole('img'),
      ).toBeNull();
    });

    it('explains how each metric is measured', async () => {
      await renderDashboard(withMetrics());
      await tiles();
      await user.hover(
        screen.getByRole('button', { name: 'How Onboarding time is measured' }),
      );
      expect(await screen.findByRole('tooltip')).toHaveTextContent(
        'Median time from the template run that created an entity to its first production deployment',
      );
    });

    it('draws each series as a sparkline that says its first and last values', async () => {
      await renderDashboard(withMetrics());
      await tiles();
      expect(
        within(tile('Onboarding time')).getByRole('img'),
      ).toHaveAccessibleName(
        'Onboarding time by week: 40 min in the week of 2026-09-07, 25 min in the week of 2026-11-30',
      );
      expect(
        within(tile('Developer NPS')).getByRole('img'),
      ).toHaveAccessibleName(
        'Developer NPS by campaign: +10 in the campaign opened on 2026-09-01, +32 in the campaign opened on 2026-11-02',
      );
    });
  });

  it('lists the anti-patterns with their severity, evidence and fix', async () => {
    await renderDashboard(withMetrics());
    const list = await screen.findByRole('list', { name: 'Anti-patterns' });
    expect(list).toHaveTextContent(
      'Platform team as gatekeeperWarning' +
        '60 request tickets against 55 template runs: 48% of requests were self-service.' +
        'Fix: Turn the most frequent request tickets into templates or self-service actions.',
    );
  });

  it('says when the metrics show no anti-pattern', async () => {
    await renderDashboard(withMetrics({ antiPatterns: [] }));
    expect(
      await screen.findByText('No anti-patterns found'),
    ).toBeInTheDocument();
  });

  it('shows the template funnel with the share of each step that made the next, and catalog coverage', async () => {
    await renderDashboard(withMetrics());
    const steps = within(
      await screen.findByRole('list', { name: 'Template funnel' }),
    ).getAllByRole('listitem');
    expect(steps.map(step => step.textContent)).toEqual([
      'Template runs40',
      'Succeeded36 · 90% of runs',
      'Entities in the catalog30 · 83% of successful runs',
      'Deployed to production12 · 40% of those in the catalog',
    ]);
    expect(
      screen.getByText('12 of 15 deployed services are in the catalog.'),
    ).toBeInTheDocument();
  });

  it('exports the metrics, the anti-patterns and the funnel as CSV', async () => {
    await renderDashboard(withMetrics());
    const exported = async (name: string) => {
      await user.click(await screen.findByRole('button', { name }));
      await waitFor(() => expect(saveCsv).toHaveBeenCalled());
      const [filename, csv] = jest.mocked(saveCsv).mock.lastCall!;
      jest.mocked(saveCsv).mockClear();
      return { filename, lines: csv.split('\n') };
    };
    const metrics = await exported('Export the platform metrics as CSV');
    expect(metrics.filename).toBe('golden-path-platform-metrics.csv');
    expect(metrics.lines[0]).toMatch(/^metric,title,unit,value,target,/);
    // A header, a line per metric shown, and the final newline.
    expect(metrics.lines).toHaveLength(screen.getAllByRole('term').length + 2);
    const patterns = await exported('Export the anti-patterns as CSV');
    expect(patterns.lines[1]).toMatch(
      /^platform-as-gatekeeper,Platform team as gatekeeper,warning,/,
    );
    const funnel = await exported('Export the template funnel as CSV');
    expect(funnel.lines.slice(1, 5)).toEqual([
      'template_runs,40',
      'succeeded,36',
      'entities_in_catalog,30',
      'deployed_to_production,12',
    ]);
  });

  it('says when no template ran', async () => {
    await renderDashboard(
      withMetrics({
        funnel: { runs: 0, succeeded: 0, inCatalog: 0, deployed: 0 },
        catalogCoverage: { services: 0, inCatalog: 0 },
      }),
    );
    expect(
      await screen.findByText('No template run in the period.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Template funnel' })).toBeNull();
    expect(
      screen.getByText('No service was deployed to production in the period.'),
    ).toBeInTheDocument();
  });

  it('charts golden-path adoption by default, and the metric chosen', async () => {
    await renderDashboard(withMetrics());
    const adoption = await screen.findByRole('table', {
      name: 'Golden-path adoption by week',
    });
    expect(within(adoption).getAllByRole('row')[1]).toHaveTextContent(
      '2026-09-0750%',
    );
    await choose('trend-metric', 'Lead time for changes');
    expect(
      screen.getByRole('table', { name: 'Lead time for changes by week' }),
    ).toHaveTextContent('2026-11-30No data');
  });

  describe('by team', () => {
    it('shows each team’s figures, withholding small NPS groups', async () => {
      await renderDashboard(withTeams());
      const byTeam = await screen.findByText('By team');
      const table = card('By team');
      expect(byTeam).toBeInTheDocument();
      expect(
        within(table).getByRole('link', { name: 'payments' }).closest('tr'),
      ).toHaveTextContent('payments80% (8 of 10)90120401 d 6 h453020+40');
      expect(
        within(table).getByRole('link', { name: 'checkout' }).closest('tr'),
      ).toHaveTextContent('checkout25% (1 of 4)55301220 h1056withheld');
      expect(
        within(table).getByText('Unassigned').closest('tr'),
      ).toHaveTextContent('Unassigned——458—458—');
    });

    it('sorts by any column', async () => {
      await renderDashboard(withTeams());
      await screen.findByText('By team');
      const firstTeam = () =>
        within(card('By team')).getAllByRole('row')[1].textContent;
      expect(firstTeam()).toMatch(/^checkout/);
      await user.click(screen.getByText('Active users'));
      await user.click(screen.getByText('Active users'));
      await waitFor(() => expect(firstTeam()).toMatch(/^payments/));
    });

    it('exports the rows shown as CSV', async () => {
      await renderDashboard(withTeams());
      await user.click(
        await screen.findByRole('button', {
          name: 'Export the figures by team as CSV',
        }),
      );
      await waitFor(() => expect(saveCsv).toHaveBeenCalled());
      const [filename, csv] = jest.mocked(saveCsv).mock.lastCall!;
      expect(filename).toBe('golden-path-teams.csv');
      expect(csv.split('\n')).toEqual([
        'team,eligible,on_path,adoption,average_score,tickets_opened,requests,median_resolution_ms,production_deployments,deployment_failures,template_runs,active_users,nps,nps_responses,nps_withheld',
        'group:default/checkout,4,1,0.25,55,30,12,72000000,10,1,5,6,,3,true',
        'group:default/payments,10,8,0.8,90,120,40,108000000,45,2,30,20,40,30,false',
        'unassigned,,,,,45,8,,4,0,5,8,,0,false',
        '',
      ]);
    });
  });

  it('lists each golden path’s adoption linked to its docs, and exports it', async () => {
    await renderDashboard(
      fakeApi({
        getPaths: async () => ({
          ...paths,
          paths: [
            { ...paths.paths[0], docsUrl: 'https://docs.example.com/node' },
            paths.paths[1],
          ],
        }),
      }),
    );
    const link = await screen.findByRole('link', { name: /^Node.js service/ });
    expect(link).toHaveAttribute('href', 'https://docs.example.com/node');
    expect(link.closest('tr')).toHaveTextContent(/10880%90$/);
    expect(screen.getByText('Static site').closest('tr')).toHaveTextContent(
      'Static site4125%70',
    );
    await user.click(
      screen.getByRole('button', {
        name: 'Export the adoption by golden path as CSV',
      }),
    );
    await waitFor(() =>
      expect(saveCsv).toHaveBeenCalledWith(
        'golden-path-adoption.csv',
        'path,title,eligible,on_path,ratio,average_score\n' +
          'node-service,Node.js service,10,8,0.8,90\n' +
          'static-site,Static site,4,1,0.25,70\n',
      ),
    );
  });

  describe('NPS', () => {
    const withTrend = () => fakeApi({ getSurveyTrend: async () => trend });

    it('shows the NPS by quarter, and no comments without the permission', async () => {
      const api = withTrend();
      await renderDashboard(api);
      expect(
        await screen.findByRole('table', { name: 'NPS by quarter' }),
      ).toBeInTheDocument();
      expect(screen.queryByText('Newest comments')).toBeNull();
      expect(api.getSurveyComments).not.toHaveBeenCalled();
    });

    it('shows the newest comments of the latest campaign with answers to readers of comments', async () => {
      const api = withTrend();
      await renderDashboard(api, { commentReader: true });
      expect(await screen.findByText('Faster CI, please')).toBeInTheDocument();
      expect(api.getSurveyComments).toHaveBeenCalledWith('c1', {
        limit: 20,
        offset: 0,
      });
      expect(
        screen.getByRole('link', { name: 'All results of the campaign' }),
      ).toHaveAttribute('href', '/golden-path/surveys/c1');
    });
  });

  it('shows the top ticket categories and labels, linking to the tickets tab with the same filters', async () => {
    const api = fakeApi({ getTicketFigures: async () => ticketFigures });
    await renderDashboard(api, {
      url: '/golden-path/dashboard?weeks=4&path=node-service',
    });
    expect(
      (await screen.findByText('database-provisioning')).closest('tr'),
    ).toHaveTextContent('31');
    expect(screen.getByText('access').closest('tr')).toHaveTextContent('70');
    expect(
      screen.getByRole('link', { name: 'All ticket figures' }),
    ).toHaveAttribute('href', '/golden-path/tickets?weeks=4&path=node-service');
    await user.click(
      screen.getByRole('button', { name: 'Export the labels as CSV' }),
    );
    await waitFor(() =>
      expect(api.exportTicketFigures).toHaveBeenCalledWith('labels', {
        from: expect.any(String),
        group: undefined,
        path: 'node-service',
      }),
    );
  });

  it('shows which features are used and which installed plugins are not, and exports them', async () => {
    await renderDashboard(
      fakeApi({ getFeatureUsage: async () => featureUsage }),
    );
    const catalog = (await screen.findByText('page:catalog')).closest('tr');
    expect(catalog).toHaveTextContent('catalogpage:catalog12003');
    expect(screen.getByText('34 active users in the period')).toBeVisible();
    const weekly = screen.getByRole('table', { name: 'Weekly active users' });
    expect(weekly).toHaveTextContent('2026-11-16203');
    expect(weekly).toHaveTextContent('2026-11-2300');
    expect(
      screen.getByRole('img', { name: 'Weekly active users of the portal' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Installed but unused' }),
    ).toHaveTextContent('api-docs');
    await user.click(
      screen.getByRole('button', { name: 'Export the feature usage as CSV' }),
    );
    await waitFor(() =>
      expect(saveCsv).toHaveBeenCalledWith(
        'golden-path-feature-usage.csv',
        'plugin,feature,events,teams\n' +
          'catalog,page:catalog,1200,3\n' +
          'golden-path,sub-page:golden-path/dashboard,80,1\n',
      ),
    );
  });

  describe('filters', () => {
    it('reads the last 13 weeks of everything by default', async () => {
      const api = fakeApi();
      await renderDashboard(api);
      expect(api.getPlatformMetrics).toHaveBeenCalledWith({
        from: expect.any(String),
        group: undefined,
        path: undefined,
      });
      expect(weeksBack(api.getPlatformMetrics)).toBe(12);
      expect(api.getTeamMetrics).toHaveBeenCalledWith({
        from: api.getPlatformMetrics.mock.lastCall![0]!.from,
        group: undefined,
      });
    });

    it('writes the range, team and golden path to the URL and reads their figures', async () => {
      const api = fakeApi({ getPaths: async () => paths });
      await renderDashboard(api);
      await choose('range-filter', 'Last 26 weeks');
      await choose('path-filter', 'Node.js service');
      await user.click(screen.getByLabelText('Team'));
      await user.click(
        await screen.findByRole('option', { name: 'Team payments' }),
      );
      await waitFor(() =>
        expect(api.getPlatformMetrics).toHaveBeenLastCalledWith({
          from: expect.any(String),
          group: 'group:default/payments',
          path: 'node-service',
        }),
      );
      expect(weeksBack(api.getPlatformMetrics)).toBe(25);
      expect(new URLSearchParams(search().textContent!).toString()).toBe(
        'weeks=26&path=node-service&team=group%3Adefault%2Fpayments',
      );
      // Kept per team but not per golden path.
      expect(api.getTeamMetrics).toHaveBeenLastCalledWith({
        from: api.getPlatformMetrics.mock.lastCall![0]!.from,
        group: 'group:default/payments',
      });
      expect(api.getFeatureUsage).toHaveBeenLastCalledWith(
        api.getTeamMetrics.mock.lastCall![0],
      );
      expect(api.getSurveyTrend).toHaveBeenLastCalledWith({
        group: 'group:default/payments',
      });
      expect(
        screen.getByText(
          'Every golden path: these figures are not kept per path',
        ),
      ).toBeInTheDocument();
    });
  });

  describe('loading and errors', () => {
    it('shows progress while the metrics load', async () => {
      await renderDashboard(
        fakeApi({ getPlatformMetrics: () => new Promise(() => {}) }),
      );
      expect(
        await screen.findByRole('progressbar', {
          name: 'Loading the platform metrics',
        }),
      ).toBeInTheDocument();
    });

    it('says what failed and still shows the other sections', async () => {
      const error = await responseError(
        503,
        'ServiceUnavailableError',
        'The database is not reachable',
      );
      await renderDashboard(
        fakeApi({
          getPlatformMetrics: async () => {
            throw error;
          },
          getTeamMetrics: async () => teamMetrics,
        }),
      );
      expect(
        await screen.findByText(/Could not load the platform metrics/),
      ).toBeInTheDocument();
      expect(
        screen.getAllByText(/The database is not reachable/).length,
      ).toBeGreaterThan(0);
      expect(await screen.findByText('By team')).toBeInTheDocument();
    });
  });
});
