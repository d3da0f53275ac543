import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityResultsResponse } from '@golden-path/plugin-golden-path-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GoldenPathApi, goldenPathApiRef } from '../../api';
import { offPath, recorded } from '../../__testUtils__/results';
import { EntityGoldenPathCard } from './EntityGoldenPathCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments' },
};

function renderCard(api: Partial<GoldenPathApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityGoldenPathCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const respond = (value: EntityResultsResponse) => ({
  getEntityResults: async () => value,
});

describe('EntityGoldenPathCard', () => {
  it('asks the API about the entity on the page, once', async () => {
    const get = jest.fn().mockResolvedValue(recorded);
    await renderCard({ getEntityResults: get });
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
  });

  it('shows score, level, path and template for an entity on a path', async () => {
    await renderCard(respond(recorded));

    expect(
      await screen.findByLabelText('Score 75 out of 100'),
    ).toBeInTheDocument();
    expect(screen.getByText('Level: bronze')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Node.js service/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/node');
    expect(screen.getByRole('link', { name: /node-service/ })).toHaveAttribute(
      'href',
      '/catalog/default/template/node-service',
    );
    expect(
      screen.getByText(/v1\.2\.0 · according to the golden-path:tag/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Evaluated /)).toBeInTheDocument();
    expect(screen.getByText('1 of 3 checks passing')).toBeInTheDocument();
  });

  it('lists the failing check with its remediation and what it read', async () => {
    await renderCard(respond(recorded));

    const failing = await screen.findByRole('button', {
      name: /Failing Has TechDocs/,
    });
    await userEvent.click(failing);
    const details = screen
      .getByText('Add backstage.io/techdocs-ref')
      .closest('[id$="-details"]') as HTMLElement;
    expect(
      within(details).getByRole('link', { name: /^How to fix “Has TechDocs”/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/docs');
    expect(
      within(details).getByText('facts.catalog.hasDocs'),
    ).toBeInTheDocument();
    expect(within(details).getByText('false')).toBeInTheDocument();
    // Passing checks are counted, not listed.
    expect(
      screen.queryByRole('button', { name: /Owned by a team/ }),
    ).not.toBeInTheDocument();
  });

  it('marks an exempt check with its reason and expiry', async () => {
    await renderCard(respond(recorded));
    await userEvent.click(
      await screen.findByRole('button', { name: /Exempt Part of a system/ }),
    );
    expect(
      screen.getByText(/Exempt until .*: Being split out of the monolith/),
    ).toHaveTextContent('granted by user:default/ada');
  });

  it('warns about template drift against the path’s latest version', async () => {
    await renderCard(
      respond({
        ...recorded,
        path: { ...recorded.path!, latestVersion: '1.4.0' },
        drift: { status: 'behind', by: 'minor', distance: 2 },
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Template 2 minor versions behind 1.4.0',
    );
  });

  it('shows at most three checks to fix and sends to the tab for the rest', async () => {
    const check = (id: string, verdict: 'fail' | 'unknown') => ({
      id,
      title: `Check ${id}`,
      weight: 1,
      verdict,
    });
    await renderCard(
      respond({
        ...recorded,
        checks: ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
          check(id, i < 2 ? 'fail' : 'unknown'),
        ),
      }),
    );
    expect(
      await screen.findByRole('button', { name: /Unknown Check c/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Check d/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/2 more to fix on the Golden Path tab/),
    ).toBeInTheDocument();
  });

  it('points an entity on no path to the templates that would put it on one', async () => {
    await renderCard(respond(offPath));
    expect(await screen.findByText('Not on a golden path')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /node-service/ })).toHaveAttribute(
      'href',
      '/catalog/default/template/node-service',
    );
  });

  it('says when no golden path applies', async () => {
    await renderCard(
      respond({ ...offPath, eligible: false, suggestedPaths: [] }),
    );
    expect(
      await screen.findByText('No golden path applies'),
    ).toBeInTheDocument();
  });

  it('says when the entity has not been evaluated yet, and scores it on refresh', async () => {
    const refreshEntity = jest.fn().mockResolvedValue(recorded);
    await renderCard({
      getEntityResults: async () => ({
        ...offPath,
        status: 'pending',
        evaluatedAt: null,
      }),
      refreshEntity,
    });
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Refresh golden-path results' }),
    );
    expect(
      await screen.findByLabelText('Score 75 out of 100'),
    ).toBeInTheDocument();
    expect(refreshEntity).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
  });

  it('says golden paths do not apply to kinds it does not score, without a refresh', async () => {
    await renderCard(respond({ ...offPath, status: 'not-eligible' }));
    expect(
      await screen.findByText('Golden paths do not apply here'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Refresh golden-path results' }),
    ).not.toBeInTheDocument();
  });

  it('shows a progress indicator while loading', async () => {
    await renderCard({ getEntityResults: () => new Promise(() => {}) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error instead of a verdict', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotFoundError',
          message: "No entity 'component:default/payments-api' in the catalog",
        },
        response: { statusCode: 404 },
      }),
      {
        status: 404,
        statusText: 'Not Found',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response as any);
    await renderCard({
      getEntityResults: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText('Error: Could not load golden-path data'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/No entity 'component:default\/payments-api'/)[0],
    ).toBeInTheDocument();
  });
});
