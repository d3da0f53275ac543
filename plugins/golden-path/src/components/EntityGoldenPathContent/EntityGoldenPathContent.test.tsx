import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { GoldenPathApi, goldenPathApiRef } from '../../api';
import { recorded } from '../../__testUtils__/results';
import { EntityGoldenPathContent } from './EntityGoldenPathContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'golden-path.io/path': 'node-service',
      'backstage.io/source-template': 'template:default/node-service',
      'backstage.io/template-version': '1.2.0',
    },
  },
  spec: { type: 'service', owner: 'group:default/payments' },
};

const history = {
  entityRef: 'component:default/payments-api',
  from: '2026-08-26',
  to: '2026-11-24',
  points: [
    {
      day: '2026-10-01',
      pathId: 'node-service',
      score: 50,
      coverage: 1,
      level: null,
      evaluatedAt: '2026-10-01T10:00:00.000Z',
    },
    {
      day: '2026-11-20',
      pathId: 'node-service',
      score: 75,
      coverage: 1,
      level: 'bronze',
      evaluatedAt: '2026-11-20T10:00:00.000Z',
    },
  ],
};

async function renderTab(api: Partial<GoldenPathApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityGoldenPathContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityGoldenPathContent', () => {
  it('groups every check by level, lowest first, with failing ones open', async () => {
    const getEntityResults = jest.fn().mockResolvedValue(recorded);
    await renderTab({
      getEntityResults,
      getEntityHistory: async () => history,
    });

    const bronze = await screen.findByRole('region', { name: 'bronze checks' });
    expect(bronze).toHaveTextContent('bronze · 2 of 2 passing');
    expect(within(bronze).getByText('Owned by a team')).toBeInTheDocument();
    const silver = screen.getByRole('region', { name: 'silver checks' });
    expect(silver).toHaveTextContent('silver · 0 of 1 passing');
    // The failing check is expanded: its remediation shows without a click.
    expect(
      within(silver).getByRole('button', { name: /Failing Has TechDocs/ }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.queryByRole('region', { name: 'gold checks' }),
    ).not.toBeInTheDocument();
    // The card and the sections share one request.
    expect(getEntityResults).toHaveBeenCalledTimes(1);
  });

  it('charts the score history, with the figures in a table', async () => {
    await renderTab({
      getEntityResults: async () => recorded,
      getEntityHistory: async () => history,
    });
    expect(
      await screen.findByRole('img', {
        name: 'Score from 2026-08-26 to 2026-11-24',
      }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Score changes' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table).toHaveTextContent('2026-11-2075bronze');
  });

  it('says when there is no history yet', async () => {
    await renderTab({
      getEntityResults: async () => recorded,
      getEntityHistory: async () => ({ ...history, points: [] }),
    });
    expect(
      await screen.findByText(
        'No score recorded between 2026-08-26 and 2026-11-24.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a history error without hiding the checks', async () => {
    await renderTab({
      getEntityResults: async () => recorded,
      getEntityHistory: async () => {
        throw new Error('history down');
      },
    });
    expect(
      await screen.findByText('Error: Could not load history'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'bronze checks' }),
    ).toBeInTheDocument();
  });

  it('shows which source said which template and which one counted', async () => {
    await renderTab({
      getEntityResults: async () => recorded,
      getEntityHistory: async () => history,
    });
    const table = await screen.findByRole('table', {
      name: 'Provenance sources',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(
      'metadata.annotations.golden-path.io/pathnode-serviceYes',
    );
    expect(rows[2]).toHaveTextContent(
      'metadata.annotations.backstage.io/source-templatetemplate:default/node-service—',
    );
    expect(rows[3]).toHaveTextContent('spec.scaffoldedFromnot set—');
  });
});
