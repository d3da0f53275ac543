import {
  goldenPathTicketsWritePermission,
  TicketImportResponse,
} from '@golden-path/plugin-golden-path-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { GoldenPathApi } from '../../api';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { paths } from '../../__testUtils__/surveys';
import { ticketFigures } from '../../__testUtils__/tickets';
import { TicketsContent } from './TicketsContent';

// No pause between keystrokes: the tests wait for what the user sees.
let user: UserEvent;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
});

const WEEK_MS = 7 * 86_400_000;

// A light page for tests about the filters and the import, which do not
// depend on the figures.
const noTickets = {
  ...ticketFigures,
  totals: { ...ticketFigures.totals, opened: 0, resolved: 0 },
};

function fakeApi(overrides: Partial<GoldenPathApi> = {}) {
  return {
    getTicketFigures: jest.fn(
      overrides.getTicketFigures ?? (async () => ticketFigures),
    ),
    getPaths: jest.fn(async () => paths),
    exportTicketFigures: jest.fn(async () => 'label,count\n'),
    importTickets: jest.fn(overrides.importTickets),
  };
}

function Search() {
  return <output aria-label="Search">{useLocation().search}</output>;
}

function renderTickets(
  api: Partial<GoldenPathApi>,
  options: { writer?: boolean; url?: string } = {},
) {
  return renderWithApis(
    <>
      <TicketsContent />
      <Search />
    </>,
    {
      api,
      allowed: options.writer ? [goldenPathTicketsWritePermission] : [],
      routeEntries: [options.url ?? '/tickets'],
    },
  );
}

/** A figure by its label, with its value, trend and what it counts. */
function figure(label: string) {
  return screen.getByText(label, { selector: 'dt' }).parentElement!;
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

describe('TicketsContent', () => {
  it('shows the headline figures with their trends, lower being better', async () => {
    const api = fakeApi();
    await renderTickets(api);
    await screen.findByText('Tickets opened per week', { selector: 'dt' });

    expect(figure('Tickets opened per week')).toHaveTextContent(
      '15-25% (better) vs the previous 13 weeks195 opened in 13 weeks',
    );
    expect(figure('Time to first response (median)')).toHaveTextContent(
      '2 h 30 minp90 1 d 2 h · 190 answered tickets',
    );
    expect(figure('Time to resolution (median)')).toHaveTextContent(
      '1 d 6 h+25% (worse) vs the previous 13 weeksp90 4 d 2 h · 180 resolved tickets',
    );
    expect(figure('Reopen rate')).toHaveTextContent(
      '8%of 180 resolved tickets',
    );
    expect(figure('Requests')).toHaveTextContent(
      '6031% of tickets opened: what self-service should replace',
    );
    expect(api.getTicketFigures).toHaveBeenCalledWith({
      from: expect.any(String),
      group: undefined,
      path: undefined,
    });
    expect(weeksBack(api.getTicketFigures)).toBe(12);
  });

  it('shows the tables with the tickets they leave out', async () => {
    await renderTickets(fakeApi());
    const byTeam = (await screen.findByText('By team')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    expect(
      within(byTeam).getByRole('link', { name: 'payments' }).closest('tr'),
    ).toHaveTextContent('payments120110402 h1 d 6 h10%');
    expect(screen.getByText('75 tickets have no team')).toBeInTheDocument();
    const byPath = screen
      .getByText('By golden path')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    expect(
      await within(byPath).findByText('Node.js service'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('105 tickets have no golden path'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('database-provisioning').closest('tr'),
    ).toHaveTextContent('31');
    expect(screen.getByText('access').closest('tr')).toHaveTextContent('70');
    expect(
      screen.getByRole('table', { name: 'Tickets per week' }),
    ).toHaveTextContent('2026-08-241515');
  });

  const search = () => screen.getByRole('status', { name: 'Search' });

  it('writes the range to the URL, leaving the default out', async () => {
    const api = fakeApi({ getTicketFigures: async () => noTickets });
    await renderTickets(api);
    await screen.findByText('No tickets in this period');
    await choose('range-filter', 'Last 26 weeks');
    await waitFor(() => expect(weeksBack(api.getTicketFigures)).toBe(25));
    expect(search()).toHaveTextContent('?weeks=26');
    await choose('range-filter', 'Last 13 weeks');
    await waitFor(() => expect(search()).toBeEmptyDOMElement());
  });

  it('writes the golden path and team to the URL and reads their figures', async () => {
    const api = fakeApi({ getTicketFigures: async () => noTickets });
    await renderTickets(api, { url: '/tickets?weeks=4' });
    await screen.findByText('No tickets in this period');
    await choose('path-filter', 'Node.js service');
    await user.click(screen.getByLabelText('Team'));
    await user.click(
      await screen.findByRole('option', { name: 'Team payments' }),
    );
    await waitFor(() =>
      expect(api.getTicketFigures).toHaveBeenLastCalledWith({
        from: expect.any(String),
        group: 'group:default/payments',
        path: 'node-service',
      }),
    );
    expect(new URLSearchParams(search().textContent!).toString()).toBe(
      'weeks=4&path=node-service&team=group%3Adefault%2Fpayments',
    );
  });

  it('reads the filters from the URL', async () => {
    const api = fakeApi();
    await renderTickets(api, {
      url: '/tickets?weeks=4&team=group:default/payments',
    });
    await waitFor(() =>
      expect(api.getTicketFigures).toHaveBeenCalledWith({
        from: expect.any(String),
        group: 'group:default/payments',
        path: undefined,
      }),
    );
    expect(weeksBack(api.getTicketFigures)).toBe(3);
    await waitFor(() =>
      expect(screen.getByLabelText('Team')).toHaveValue('Team payments'),
    );
  });

  it('exports a table over the same filters', async () => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:labels'),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const api = fakeApi();
    await renderTickets(api, { url: '/tickets?path=node-service' });
    await user.click(
      await screen.findByRole('button', { name: 'Export the labels as CSV' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.exportTicketFigures).toHaveBeenCalledWith('labels', {
      from: expect.any(String),
      group: undefined,
      path: 'node-service',
    });
    click.mockRestore();
  });

  it('says when there are no tickets in the period', async () => {
    await renderTickets(
      fakeApi({
        getTicketFigures: async () => noTickets,
      }),
    );
    expect(
      await screen.findByText('No tickets in this period'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Reopen rate')).toBeNull();
  });

  it('offers the import to holders of the tickets write permission only', async () => {
    await renderTickets(fakeApi());
    await screen.findByText('Tickets opened per week', { selector: 'dt' });
    expect(screen.queryByRole('button', { name: 'Import CSV' })).toBeNull();
  });

  describe('import', () => {
    const invalid: TicketImportResponse = {
      dryRun: true,
      rows: 2,
      errors: [
        { line: 3, field: 'status', message: "'solved' is not a status" },
      ],
      preview: [],
    };
    const clean: TicketImportResponse = {
      dryRun: true,
      rows: 2,
      errors: [],
      preview: [
        {
          id: 'OPS-1',
          title: 'Need a database',
          type: 'request',
          status: 'open',
          createdAt: '2026-11-20T10:00:00.000Z',
          updatedAt: '2026-11-20T10:00:00.000Z',
        },
      ],
    };
    const file = 'id,status,created,updated\nOPS-1,open,x,y\n';

    async function openImport(overrides: Pick<GoldenPathApi, 'importTickets'>) {
      const api = fakeApi({
        ...overrides,
        getTicketFigures: async () => noTickets,
      });
      await renderTickets(api, { writer: true });
      await user.click(
        await screen.findByRole('button', { name: 'Import CSV' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Import tickets from CSV',
      });
      return { api, dialog };
    }

    it('previews a chosen file and lists its errors by line, importing nothing', async () => {
      const { api, dialog } = await openImport({
        importTickets: async () => invalid,
      });
      await user.upload(
        within(dialog).getByLabelText('CSV file'),
        new File([file], 'ops.csv', { type: 'text/csv' }),
      );
      await waitFor(() =>
        expect(within(dialog).getByLabelText('CSV')).toHaveValue(file),
      );
      expect(within(dialog).getByText('ops.csv')).toBeInTheDocument();
      const source = within(dialog).getByLabelText('Source');
      expect(source).toHaveValue('csv');
      await user.clear(source);
      await user.paste('ops');
      await user.click(within(dialog).getByRole('button', { name: 'Preview' }));

      expect(
        await within(dialog).findByRole('list', { name: 'Row errors' }),
      ).toHaveTextContent("Line 3 (status): 'solved' is not a status");
      expect(dialog).toHaveTextContent('2 rows, 1 error');
      expect(
        within(dialog).getByRole('button', { name: 'Import' }),
      ).toBeDisabled();
      expect(api.importTickets).toHaveBeenCalledTimes(1);
      expect(api.importTickets).toHaveBeenCalledWith(file, {
        source: 'ops',
        dryRun: true,
      });
    });

    it('imports a clean file after its preview, then shows what was stored', async () => {
      const importTickets = jest
        .fn()
        .mockResolvedValueOnce(clean)
        .mockResolvedValueOnce({
          ...clean,
          dryRun: false,
          result: {
            source: 'csv',
            received: 2,
            inserted: 2,
            updated: 0,
            unchanged: 0,
            stale: 0,
          },
        });
      const { api, dialog } = await openImport({ importTickets });
      const importButton = within(dialog).getByRole('button', {
        name: 'Import',
      });
      expect(importButton).toBeDisabled();
      await user.click(within(dialog).getByLabelText('CSV'));
      await user.paste(file);
      await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
      expect(
        await within(dialog).findByText('Need a database'),
      ).toBeInTheDocument();
      expect(dialog).toHaveTextContent('2 rows, all valid');

      await user.click(importButton);
      expect(
        await within(dialog).findByText(/^Imported 2 tickets into csv/),
      ).toHaveTextContent('2 new, 0 updated, 0 unchanged');
      expect(importTickets).toHaveBeenLastCalledWith(file, {
        source: 'csv',
        dryRun: false,
      });
      await waitFor(() =>
        expect(api.getTicketFigures).toHaveBeenCalledTimes(2),
      );
    });

    it('asks for a new preview once the file changes', async () => {
      const { dialog } = await openImport({ importTickets: async () => clean });
      await user.click(within(dialog).getByLabelText('CSV'));
      await user.paste(file);
      await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
      const importButton = within(dialog).getByRole('button', {
        name: 'Import',
      });
      await waitFor(() => expect(importButton).toBeEnabled());
      await user.click(within(dialog).getByLabelText('CSV'));
      await user.paste('OPS-2,open,x,y\n');
      expect(importButton).toBeDisabled();
      expect(within(dialog).queryByText('Need a database')).toBeNull();
    });
  });
});
