import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityResultsResponse } from '@golden-path/plugin-golden-path-common';
import { screen } from '@testing-library/react';
import { GoldenPathApi, goldenPathApiRef } from '../../api';
import { EntityGoldenPathCard } from './EntityGoldenPathCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

function renderCard(getEntityResults: GoldenPathApi['getEntityResults']) {
  const api: GoldenPathApi = { getEntityResults };
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityGoldenPathCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const recorded: EntityResultsResponse = {
  entityRef: 'component:default/payments-api',
  status: 'recorded',
  eligible: true,
  path: {
    id: 'node-service',
    title: 'Node.js service',
    latestVersion: '1.2.0',
  },
  suggestedPaths: [],
  provenance: {
    templateRef: 'template:default/node-service',
    templateVersion: '1.2.0',
    goldenPathId: 'node-service',
    source: 'golden-path-tag',
  },
  drift: { status: 'current' },
  score: 75,
  coverage: 1,
  level: 'bronze',
  checks: [
    {
      id: 'has-docs',
      title: 'Has TechDocs',
      weight: 1,
      level: 'silver',
      remediation: {
        text: 'Add backstage.io/techdocs-ref',
        url: 'https://docs.example.com/docs',
      },
      verdict: 'fail',
    },
    {
      id: 'owned-by-team',
      title: 'Owned by a team',
      weight: 3,
      level: 'bronze',
      verdict: 'pass',
    },
  ],
  unavailableSources: [],
  evaluatedAt: '2026-11-24T08:00:00.000Z',
};

const offPath: EntityResultsResponse = {
  ...recorded,
  path: null,
  provenance: null,
  drift: null,
  score: null,
  coverage: null,
  level: null,
  checks: [],
};

describe('EntityGoldenPathCard', () => {
  it('asks the API about the entity on the page, once', async () => {
    const get = jest.fn().mockResolvedValue(recorded);
    await renderCard(get);
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
  });

  it('shows the golden path and links the template', async () => {
    await renderCard(async () => recorded);

    expect(await screen.findByText(/On golden path/)).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /node-service/ });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/template/node-service',
    );
    expect(
      screen.getByText(
        /Path: Node.js service · Template version: 1.2.0 · Source: golden-path:tag/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Score 75 / 100 · Level bronze · 1 failing check'),
    ).toBeInTheDocument();
    // The check to fix, with its remediation; passing checks are not listed.
    const toFix = screen.getByRole('list', { name: 'Checks to fix' });
    expect(toFix).toHaveTextContent('Failing: Has TechDocs');
    expect(toFix).toHaveTextContent('Add backstage.io/techdocs-ref');
    expect(screen.getByRole('link', { name: /How to fix/ })).toHaveAttribute(
      'href',
      'https://docs.example.com/docs',
    );
    expect(toFix).not.toHaveTextContent('Owned by a team');
    expect(screen.getByText(/^Evaluated /)).toBeInTheDocument();
  });

  it('warns about template drift against the path’s latest version', async () => {
    await renderCard(async () => ({
      ...recorded,
      path: { ...recorded.path!, latestVersion: '1.4.0' },
      drift: { status: 'behind', by: 'minor', distance: 2 },
    }));
    expect(
      await screen.findByText('(2 minor versions behind 1.4.0)'),
    ).toBeInTheDocument();
  });

  it('lists at most three checks to fix and counts the rest', async () => {
    const check = (id: string, verdict: 'fail' | 'unknown') => ({
      id,
      title: `Check ${id}`,
      weight: 1,
      verdict,
    });
    await renderCard(async () => ({
      ...recorded,
      checks: [
        check('a', 'fail'),
        check('b', 'fail'),
        check('c', 'unknown'),
        check('d', 'unknown'),
        check('e', 'unknown'),
      ],
    }));
    const toFix = await screen.findByRole('list', { name: 'Checks to fix' });
    expect(toFix).toHaveTextContent('Failing: Check a');
    expect(toFix).toHaveTextContent('Not evaluated: Check c');
    expect(toFix).not.toHaveTextContent('Check d');
    expect(screen.getByText('and 2 more')).toBeInTheDocument();
  });

  it('says when the entity is on no golden path', async () => {
    await renderCard(async () => offPath);

    expect(await screen.findByText('Not on a golden path')).toBeInTheDocument();
    expect(screen.queryByText(/On golden path/)).not.toBeInTheDocument();
  });

  it('says when the entity has not been evaluated yet', async () => {
    await renderCard(async () => ({
      ...offPath,
      status: 'pending',
      evaluatedAt: null,
    }));

    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
    expect(screen.queryByText('Not on a golden path')).not.toBeInTheDocument();
  });

  it('shows a progress indicator while loading', async () => {
    await renderCard(() => new Promise(() => {}));
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
    await renderCard(async () => {
      throw error;
    });

    expect(
      await screen.findByText(/Could not load golden-path data/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        /No entity 'component:default\/payments-api' in the catalog/,
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Not on a golden path')).not.toBeInTheDocument();
  });
});
