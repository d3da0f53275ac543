import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { GroupRollupResponse } from '@golden-path/plugin-golden-path-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactNode } from 'react';
import { GoldenPathApi, goldenPathApiRef } from '../../api';
import { GroupGoldenPathCard } from './GroupGoldenPathCard';
import { GroupGoldenPathContent } from './GroupGoldenPathContent';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: ['checkout'] },
};

const rollup: GroupRollupResponse = {
  groupRef: 'group:default/payments',
  groups: ['group:default/payments', 'group:default/checkout'],
  adoption: { eligible: 4, onPath: 3, ratio: 0.75 },
  averageScore: 81.7,
  levels: { gold: 1, bronze: 1, none: 1 },
  entities: [
    {
      entityRef: 'component:default/payments-api',
      ownerRef: 'group:default/payments',
      eligible: true,
      pathId: 'node-service',
      score: 100,
      coverage: 1,
      level: 'gold',
      drift: { status: 'current' },
    },
    {
      entityRef: 'component:default/checkout-web',
      ownerRef: 'group:default/checkout',
      eligible: true,
      pathId: 'static-site',
      score: 70,
      coverage: 1,
      level: 'bronze',
      drift: { status: 'behind', by: 'minor', distance: 2 },
    },
    {
      entityRef: 'component:default/legacy-billing',
      ownerRef: 'group:default/payments',
      eligible: true,
      pathId: null,
      score: null,
      coverage: null,
      level: null,
      drift: null,
    },
  ],
  truncated: false,
  computedAt: '2026-11-24T08:00:00.000Z',
};

function renderWith(api: Partial<GoldenPathApi>, children: ReactNode) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathApiRef, api]]}>
      <EntityProvider entity={group}>{children}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('GroupGoldenPathCard', () => {
  it('shows adoption, average score and levels over the sub-groups', async () => {
    const getGroupRollup = jest.fn().mockResolvedValue(rollup);
    await renderWith({ getGroupRollup }, <GroupGoldenPathCard />);

    expect(
      await screen.findByLabelText(
        '75% of eligible components on a golden path',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/eligible components on a golden path/),
    ).toHaveTextContent('3 of 4 eligible components on a golden path');
    expect(
      screen.getByText(/Average score: 82 \/ 100 · over 2 groups/),
    ).toBeInTheDocument();
    const levels = screen.getByRole('list', { name: 'Levels reached' });
    expect(levels).toHaveTextContent('gold1');
    expect(levels).toHaveTextContent('No level1');
    expect(getGroupRollup).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('shows a progress indicator while loading', async () => {
    await renderWith(
      { getGroupRollup: () => new Promise(() => {}) },
      <GroupGoldenPathCard />,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when the group owns nothing to score', async () => {
    await renderWith(
      {
        getGroupRollup: async () => ({
          ...rollup,
          adoption: { eligible: 0, onPath: 0, ratio: null },
          entities: [],
        }),
      },
      <GroupGoldenPathCard />,
    );
    expect(
      await screen.findByText('No components to score'),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await renderWith(
      {
        getGroupRollup: async () => {
          throw new Error('backend down');
        },
      },
      <GroupGoldenPathCard />,
    );
    expect(
      await screen.findByText('Error: Could not load golden-path adoption'),
    ).toBeInTheDocument();
  });
});

describe('GroupGoldenPathContent', () => {
  it('shows the backend error', async () => {
    await renderWith(
      {
        getGroupRollup: async () => {
          throw new Error('backend down');
        },
      },
      <GroupGoldenPathContent />,
    );
    expect(
      await screen.findByText('Error: Could not load golden-path adoption'),
    ).toBeInTheDocument();
  });

  it('lists the components with score, level and drift, and filters them', async () => {
    await renderWith(
      { getGroupRollup: async () => rollup },
      <GroupGoldenPathContent />,
    );
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('checkout-web'),
        expect.stringContaining('2 minor behind'),
      ]),
    );
    expect(screen.getByText('Components (3)')).toBeInTheDocument();

    await userEvent.type(screen.getByPlaceholderText('Filter'), 'legacy');
    expect(
      await within(table).findByText('legacy-billing'),
    ).toBeInTheDocument();
    // The search is debounced.
    await waitFor(() =>
      expect(within(table).queryByText('payments-api')).not.toBeInTheDocument(),
    );
  });
});
