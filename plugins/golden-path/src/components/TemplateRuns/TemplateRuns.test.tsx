import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  TemplateFiguresResponse,
  TemplateRunSource,
} from '@golden-path/plugin-golden-path-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactNode } from 'react';
import { GoldenPathApi, goldenPathApiRef } from '../../api';
import {
  entities,
  figures,
  runs,
  templateEntity,
} from '../../__testUtils__/templates';
import { EntityTemplateRunsCard } from './EntityTemplateRunsCard';
import { EntityTemplateRunsContent } from './EntityTemplateRunsContent';

const DAY = 86_400_000;

function fakeApi(overrides: Partial<GoldenPathApi> = {}) {
  return {
    getTemplateFigures: jest.fn(
      overrides.getTemplateFigures ?? (async () => figures),
    ),
    getTemplateRuns: jest.fn(overrides.getTemplateRuns ?? (async () => runs)),
    getTemplateEntities: jest.fn(
      overrides.getTemplateEntities ?? (async () => entities),
    ),
  };
}

function renderWith(api: Partial<GoldenPathApi>, children: ReactNode) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathApiRef, api]]}>
      <EntityProvider entity={templateEntity}>{children}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function withSource(
  source: TemplateRunSource,
  counts: Partial<TemplateFiguresResponse['figures']> = {},
): TemplateFiguresResponse {
  return { ...figures, source, figures: { ...figures.figures, ...counts } };
}

async function forbidden() {
  const response = new Response(
    JSON.stringify({
      error: {
        name: 'NotAllowedError',
        message:
          'Not allowed to read the runs of template:default/node-service',
      },
      response: { statusCode: 403 },
    }),
    {
      status: 403,
      statusText: 'Forbidden',
      headers: { 'Content-Type': 'application/json' },
    },
  );
  return ResponseError.fromResponse(response as any);
}

/** A figure by its label, with its value and the population it counts. */
function figure(label: string) {
  return screen.getByText(label, { selector: 'dt' }).parentElement!;
}

/** Picks an option in a core-components Select. */
async function choose(testId: string, option: string) {
  await userEvent.click(within(screen.getByTestId(testId)).getByRole('button'));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

/** The `from` of the last call, in days before now. */
function daysBack(mock: jest.Mock, argIndex: number = 1): number {
  const { from } = mock.mock.lastCall[argIndex];
  return Math.round((Date.now() - Date.parse(from)) / DAY);
}

const ref = { kind: 'Template', namespace: 'default', name: 'node-service' };

describe('EntityTemplateRunsCard', () => {
  it('shows the last 90 days of figures, each with the runs it counts', async () => {
    const api = fakeApi();
    await renderWith(api, <EntityTemplateRunsCard />);

    expect(await screen.findByText('Runs', { selector: 'dt' })).toBeVisible();
    expect(figure('Runs')).toHaveTextContent(
      '44in the last 90 days · 2 not finished',
    );
    expect(figure('Success rate')).toHaveTextContent('90%of 42 finished runs');
    expect(figure('Median duration')).toHaveTextContent(
      '1 min 12 sof 38 succeeded runs',
    );
    expect(figure('p90 duration')).toHaveTextContent('3 min 15 s');
    expect(figure('Time saved')).toHaveTextContent(
      '144 hdeclared by 36 of 38 succeeded runs',
    );
    expect(figure('Entities created')).toHaveTextContent(
      '2017 still in the catalog',
    );
    expect(figure('Behind 1.4.0')).toHaveTextContent(
      '1of 3 entities in the catalog',
    );
    expect(
      screen.getByText(/^By version: 1\.4\.0 \(30 runs\)/),
    ).toHaveTextContent('unversioned (2 runs)');
    expect(
      screen.getByText(/Last 90 days · read from the scaffolder/),
    ).toHaveTextContent('5 minutes ago');

    expect(api.getTemplateFigures).toHaveBeenCalledWith(ref, {
      from: expect.any(String),
    });
    expect(daysBack(api.getTemplateFigures)).toBe(90);
    expect(api.getTemplateEntities).toHaveBeenCalledWith(ref);
  });

  it('says who may see the runs when the backend refuses', async () => {
    const error = await forbidden();
    await renderWith(
      fakeApi({
        getTemplateFigures: async () => {
          throw error;
        },
      }),
      <EntityTemplateRunsCard />,
    );
    expect(
      await screen.findByText("You cannot see this template's runs"),
    ).toBeInTheDocument();
    expect(screen.getByText(/if you own it or hold the/)).toHaveTextContent(
      'golden-path.template-runs.read',
    );
    expect(screen.queryByText(/^Error:/)).not.toBeInTheDocument();
  });

  it('shows any other error as the backend gave it', async () => {
    await renderWith(
      fakeApi({
        getTemplateFigures: async () => {
          throw new Error('backend down');
        },
      }),
      <EntityTemplateRunsCard />,
    );
    expect(
      await screen.findByText('Error: Could not load template runs'),
    ).toBeInTheDocument();
  });

  it('says the scaffolder has not been read yet rather than showing zeros', async () => {
    await renderWith(
      fakeApi({
        getTemplateFigures: async () =>
          withSource({ state: 'never-read' }, { runs: 0, finished: 0 }),
      }),
      <EntityTemplateRunsCard />,
    );
    expect(await screen.findByText('No runs read yet')).toBeInTheDocument();
    expect(screen.queryByText('Success rate')).not.toBeInTheDocument();
    expect(screen.queryByText('0')).not.toBeInTheDocument();
  });

  it('says when nobody ran the template in the range', async () => {
    await renderWith(
      fakeApi({
        getTemplateFigures: async () =>
          withSource(figures.source, {
            runs: 0,
            finished: 0,
            succeeded: 0,
            failed: 0,
            cancelled: 0,
            successRate: undefined,
            medianDurationMs: undefined,
            p90DurationMs: undefined,
            timeSavedSeconds: 0,
            runsWithoutTimeSaved: 0,
            teams: [],
            versions: [],
          }),
      }),
      <EntityTemplateRunsCard />,
    );
    expect(
      await screen.findByText('No runs in the last 90 days'),
    ).toBeInTheDocument();
    expect(screen.queryByText('0%')).not.toBeInTheDocument();
  });

  it('warns with the reason when the scaffolder cannot be read, and shows no figures', async () => {
    await renderWith(
      fakeApi({
        getTemplateFigures: async () =>
          withSource({
            state: 'unavailable',
            message: 'The scaffolder answered 503 Service Unavailable',
          }),
      }),
      <EntityTemplateRunsCard />,
    );
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(
      "Warning: Could not read the scaffolder's task history",
    );
    expect(warning).toHaveTextContent(
      'The scaffolder answered 503 Service Unavailable No run has been read',
    );
    expect(screen.queryByText('Success rate')).not.toBeInTheDocument();
  });

  it('keeps the figures of the last successful read beside the warning', async () => {
    await renderWith(
      fakeApi({
        getTemplateFigures: async () =>
          withSource({
            state: 'unavailable',
            message: 'Scaffolder not installed',
            readAt: new Date(Date.now() - 2 * DAY).toISOString(),
          }),
      }),
      <EntityTemplateRunsCard />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'These figures are from the last successful read, 2 days ago.',
    );
    expect(figure('Success rate')).toHaveTextContent('90%');
  });

  it('says when no version of the template is known to be the latest', async () => {
    await renderWith(
      fakeApi({
        getTemplateEntities: async () => ({
          ...entities,
          latestVersion: undefined,
        }),
      }),
      <EntityTemplateRunsCard />,
    );
    expect(
      await screen.findByText('no latest version known for its path'),
    ).toBeInTheDocument();
  });

  it('shows a progress indicator while loading', async () => {
    await renderWith(
      fakeApi({ getTemplateFigures: () => new Promise(() => {}) }),
      <EntityTemplateRunsCard />,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});

describe('EntityTemplateRunsContent', () => {
  it('lists the runs newest first with who ran them and what they created', async () => {
    const api = fakeApi();
    await renderWith(api, <EntityTemplateRunsContent />);

    expect(await screen.findByText('Runs (44)')).toBeInTheDocument();
    const adaRun = screen.getByRole('link', { name: 'ada' }).closest('tr')!;
    const graceRun = screen.getByRole('link', { name: 'grace' }).closest('tr')!;
    expect(within(adaRun).getByRole('link', { name: 'ada' })).toHaveAttribute(
      'href',
      '/catalog/default/user/ada',
    );
    expect(
      within(adaRun).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(
      within(adaRun).getByRole('link', { name: 'checkout-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(within(adaRun).getByRole('link', { name: /2026/ })).toHaveAttribute(
      'href',
      '/create/tasks/task-1',
    );
    expect(adaRun).toHaveTextContent('1.4.0');
    expect(adaRun).toHaveTextContent('Completed');
    expect(adaRun).toHaveTextContent('1 min 12 s');
    expect(graceRun).toHaveTextContent('Unassigned');
    expect(graceRun).toHaveTextContent('Failed');
    expect(graceRun).toHaveTextContent('20 s');

    expect(api.getTemplateRuns).toHaveBeenCalledWith(ref, {
      from: expect.any(String),
      limit: 25,
      offset: 0,
    });
    expect(daysBack(api.getTemplateRuns)).toBe(90);
  });

  it('shows the figures per team', async () => {
    await renderWith(fakeApi(), <EntityTemplateRunsContent />);
    const table = (await screen.findByText('Runs by team')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const payments = within(table)
      .getByRole('link', { name: 'payments' })
      .closest('tr')!;
    expect(payments).toHaveTextContent('30');
    expect(payments).toHaveTextContent('93%');
    expect(payments).toHaveTextContent('1 min 5 s');
    expect(payments).toHaveTextContent('108 h');
    expect(within(table).getByText('Unassigned')).toBeInTheDocument();
  });

  it('lists the runs of the chosen status', async () => {
    const api = fakeApi();
    await renderWith(api, <EntityTemplateRunsContent />);
    await screen.findByText('Runs (44)');
    await choose('run-status-filter', 'Failed');
    await waitFor(() =>
      expect(api.getTemplateRuns).toHaveBeenLastCalledWith(
        ref,
        expect.objectContaining({ status: 'failed', offset: 0 }),
      ),
    );
  });

  it('lists the runs of the user typed, a bare name meaning a user', async () => {
    const api = fakeApi();
    await renderWith(api, <EntityTemplateRunsContent />);
    await screen.findByText('Runs (44)');
    await userEvent.type(screen.getByLabelText('Run by'), 'ada');
    await waitFor(() =>
      expect(api.getTemplateRuns).toHaveBeenLastCalledWith(
        ref,
        expect.objectContaining({ user: 'user:default/ada' }),
      ),
    );
  });

  it('reads runs and figures over the chosen range, keeping the other filters', async () => {
    const api = fakeApi();
    await renderWith(api, <EntityTemplateRunsContent />);
    await screen.findByText('Runs (44)');
    await choose('run-status-filter', 'Failed');
    await choose('time-range-filter', 'Last 7 days');
    await waitFor(() => expect(daysBack(api.getTemplateRuns)).toBe(7));
    expect(daysBack(api.getTemplateFigures)).toBe(7);
    expect(api.getTemplateRuns).toHaveBeenLastCalledWith(
      ref,
      expect.objectContaining({ status: 'failed' }),
    );
  });

  it('asks for all time from the epoch, since no range means 90 days', async () => {
    const api = fakeApi();
    await renderWith(api, <EntityTemplateRunsContent />);
    await screen.findByText('Runs (44)');
    await choose('time-range-filter', 'All time');
    await waitFor(() =>
      expect(api.getTemplateFigures).toHaveBeenLastCalledWith(ref, {
        from: '1970-01-01T00:00:00.000Z',
      }),
    );
  });

  it('pages through the runs on the backend', async () => {
    const api = fakeApi();
    await renderWith(api, <EntityTemplateRunsContent />);
    await screen.findByText('Runs (44)');
    expect(
      screen.getByText('1-25 of 44', { selector: 'span' }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getAllByRole('button', { name: 'Next Page' })[0],
    );
    await waitFor(() =>
      expect(api.getTemplateRuns).toHaveBeenLastCalledWith(
        ref,
        expect.objectContaining({ limit: 25, offset: 25 }),
      ),
    );
    expect(
      await screen.findByText('26-44 of 44', { selector: 'span' }),
    ).toBeInTheDocument();
  });

  it('lists the entities created with their drift and standing', async () => {
    await renderWith(fakeApi(), <EntityTemplateRunsContent />);
    expect(await screen.findByText('Entities created (3)')).toBeInTheDocument();
    expect(screen.getByText('Latest version: 1.4.0')).toBeInTheDocument();
    const legacy = screen
      .getByRole('link', { name: 'legacy-api' })
      .closest('tr')!;
    expect(legacy).toHaveTextContent('1.2.0');
    expect(legacy).toHaveTextContent('2 minor behind');
    expect(legacy).toHaveTextContent('3 days ago');
    expect(legacy).toHaveTextContent('62');
    expect(legacy).toHaveTextContent('Level: bronze');
    const mystery = screen
      .getByRole('link', { name: 'mystery-api' })
      .closest('tr')!;
    expect(mystery).toHaveTextContent('not recorded');
    expect(mystery).toHaveTextContent('Unknown: no version recorded');
    expect(mystery).toHaveTextContent('No level');
  });

  it('says once who may see the runs when the backend refuses', async () => {
    const error = await forbidden();
    const refuse = async () => {
      throw error;
    };
    await renderWith(
      fakeApi({
        getTemplateFigures: refuse,
        getTemplateRuns: refuse,
        getTemplateEntities: refuse,
      }),
      <EntityTemplateRunsContent />,
    );
    expect(
      await screen.findAllByText("You cannot see this template's runs"),
    ).toHaveLength(1);
  });

  it('lists no runs before the scaffolder was read, but still the entities', async () => {
    const api = fakeApi({
      getTemplateFigures: async () => withSource({ state: 'never-read' }),
    });
    await renderWith(api, <EntityTemplateRunsContent />);
    expect(await screen.findByText('No runs read yet')).toBeInTheDocument();
    expect(await screen.findByText('Entities created (3)')).toBeInTheDocument();
    expect(screen.queryByText(/^Runs \(/)).not.toBeInTheDocument();
    expect(api.getTemplateRuns).not.toHaveBeenCalled();
  });
});
