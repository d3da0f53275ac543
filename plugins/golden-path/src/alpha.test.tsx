import { Entity } from '@backstage/catalog-model';
import {
  appTreeApiRef,
  coreExtensionData,
  createFrontendModule,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { mockApis } from '@backstage/test-utils';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import plugin, {
  goldenPathEntityCard,
  goldenPathEntityContent,
  goldenPathGroupCard,
  goldenPathGroupContent,
  goldenPathPage,
  goldenPathSurveyPrompt,
  goldenPathTemplateCard,
  goldenPathTemplateContent,
} from './alpha';
import { goldenPathApiRef } from './api';
import { rootRouteRef } from './routes';
import { GoldenPathAnalytics } from './analytics/GoldenPathAnalytics';
import { platformMetrics } from './__testUtils__/metrics';
import { trend } from './__testUtils__/surveys';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'search-indexer', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/search',
    lifecycle: 'production',
  },
};

describe('golden-path new frontend system plugin', () => {
  it('is the golden-path plugin', () => {
    expect(plugin.id).toBe('golden-path');
  });

  it('adds a Golden Path tab to components and groups only', () => {
    const group = { ...entity, kind: 'Group' };
    const component = createExtensionTester(goldenPathEntityContent);
    expect(component.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Golden Path',
    );
    const componentFilter = component.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(componentFilter?.(entity)).toBe(true);
    expect(componentFilter?.(group)).toBe(false);
    const groupFilter = createExtensionTester(goldenPathGroupContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(groupFilter?.(group)).toBe(true);
    expect(groupFilter?.(entity)).toBe(false);
    const groupCardFilter = createExtensionTester(goldenPathGroupCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(groupCardFilter?.(group)).toBe(true);
    expect(groupCardFilter?.(entity)).toBe(false);
  });

  it('places the card on components only', () => {
    const tester = createExtensionTester(goldenPathEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(entity)).toBe(true);
    expect(filter?.({ ...entity, kind: 'System' })).toBe(false);
  });

  it('adds the Runs tab and card to templates only', () => {
    const template = { ...entity, kind: 'Template' };
    const tab = createExtensionTester(goldenPathTemplateContent);
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('Runs');
    expect(tab.get(coreExtensionData.routePath)).toBe('/runs');
    const tabFilter = tab.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(tabFilter?.(template)).toBe(true);
    expect(tabFilter?.(entity)).toBe(false);
    const cardFilter = createExtensionTester(goldenPathTemplateCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(cardFilter?.(template)).toBe(true);
    expect(cardFilter?.(entity)).toBe(false);
  });

  it('renders the card from the extension', async () => {
    const tester = createExtensionTester(goldenPathEntityCard);
    await renderInTestApp(
      <EntityProvider entity={entity}>{tester.reactElement()}</EntityProvider>,
      {
        apis: [
          [
            goldenPathApiRef,
            {
              getEntityResults: async () => ({
                entityRef: 'component:default/search-indexer',
                status: 'recorded' as const,
                eligible: true,
                path: null,
                suggestedPaths: [],
                provenance: null,
                drift: null,
                score: null,
                coverage: null,
                level: null,
                levels: ['bronze', 'silver', 'gold'],
                checks: [],
                unavailableSources: [],
                evaluatedAt: '2026-11-24T08:00:00.000Z',
              }),
            },
          ],
        ],
      },
    );
    expect(
      await screen.findByText('No golden path applies'),
    ).toBeInTheDocument();
  });

  it('adds the Golden Path page with a Dashboard, a Surveys and a Support tickets tab', () => {
    const page = createExtensionTester(goldenPathPage);
    expect(page.get(coreExtensionData.routePath)).toBe('/golden-path');
    expect(page.get(coreExtensionData.title)).toBe('Golden Path');
    expect(page.get(coreExtensionData.routeRef)).toBe(rootRouteRef);
    expect(page.get(coreExtensionData.icon)).toBeDefined();
    // Sub-pages attach to the page of their plugin, so read them from it.
    const dashboard = createExtensionTester(
      plugin.getExtension('sub-page:golden-path/dashboard'),
    );
    const surveys = createExtensionTester(
      plugin.getExtension('sub-page:golden-path/surveys'),
    );
    const tickets = createExtensionTester(
      plugin.getExtension('sub-page:golden-path/tickets'),
    );
    const tabs = [dashboard, surveys, tickets].map(tab => [
      tab.get(coreExtensionData.routePath),
      tab.get(coreExtensionData.title),
    ]);
    expect(tabs).toEqual([
      ['dashboard', 'Dashboard'],
      ['surveys', 'Surveys'],
      ['tickets', 'Support tickets'],
    ]);
  });

  it('opens the page on its first tab, the dashboard', async () => {
    const loading = () => new Promise<never>(() => {});
    const tester = createExtensionTester(
      plugin.getExtension('page:golden-path'),
    )
      .add(plugin.getExtension('sub-page:golden-path/dashboard'))
      .add(plugin.getExtension('sub-page:golden-path/surveys'))
      .add(plugin.getExtension('sub-page:golden-path/tickets'));
    await renderInTestApp(tester.reactElement(), {
      apis: [
        [
          goldenPathApiRef,
          {
            getPlatformMetrics: async () => platformMetrics,
            getTeamMetrics: loading,
            getFeatureUsage: loading,
            getPaths: loading,
            getTicketFigures: loading,
            getSurveyTrend: async () => trend,
          },
        ],
        [permissionApiRef, mockApis.permission()],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(
      await screen.findByText('Onboarding time', { selector: 'dt' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'NPS by quarter' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Support tickets')).toBeInTheDocument();
  });

  it('forwards the app’s analytics with the plugins it has installed', async () => {
    // The id its documentation gives for disabling it.
    const factory = createExtensionTester(
      plugin.getExtension('analytics:golden-path'),
    ).get(AnalyticsImplementationBlueprint.dataRefs.factory);
    const fetch = jest.fn(async () => ({ ok: true, status: 202 } as Response));
    const plugins = ['catalog', 'golden-path', 'catalog'];
    const analytics = factory.factory({
      discoveryApi: {
        getBaseUrl: async () => 'http://backend/api/golden-path',
      },
      fetchApi: { fetch },
      appTreeApi: {
        getTree: () => ({
          tree: {
            nodes: new Map(
              plugins.map((pluginId, i) => [
                String(i),
                { spec: { disabled: i === 2, plugin: { pluginId } } },
              ]),
            ),
          },
        }),
      },
    });
    expect(analytics).toBeInstanceOf(GoldenPathAnalytics);
    expect(factory.deps).toEqual({
      discoveryApi: discoveryApiRef,
      fetchApi: fetchApiRef,
      appTreeApi: appTreeApiRef,
    });
    jest.useFakeTimers();
    try {
      analytics.captureEvent({
        action: 'navigate',
        subject: '/golden-path',
        context: { pluginId: 'golden-path', extensionId: 'page:golden-path' },
      });
      await jest.advanceTimersByTimeAsync(10_000);
    } finally {
      jest.useRealTimers();
    }
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://backend/api/golden-path/usage/events');
    expect(JSON.parse(String(init.body)).installedPlugins).toEqual([
      'catalog',
      'golden-path',
    ]);
  });

  it('puts the survey prompt at the root of the app', async () => {
    const tester = createExtensionTester(goldenPathSurveyPrompt);
    await renderInTestApp(tester.reactElement(), {
      apis: [
        [
          goldenPathApiRef,
          {
            getSurveyPrompt: async () => ({
              prompt: {
                kind: 'template-rating' as const,
                run: {
                  taskId: 'task-1',
                  templateRef: 'template:default/node-service',
                  pathId: 'node-service',
                  pathTitle: 'Node.js service',
                },
              },
            }),
          },
        ],
      ],
    });
    expect(
      await screen.findByRole('region', {
        name: 'How was the Node.js service golden path?',
      }),
    ).toBeInTheDocument();
  });

  it('receives the events of an app it is installed in, as does any other analytics implementation', async () => {
    const loading = () => new Promise<never>(() => {});
    const fetch = jest.fn(async () => new Response('{}', { status: 202 }));
    const otherTool = jest.fn();
    renderTestApp({
      features: [
        plugin,
        createFrontendModule({
          pluginId: 'app',
          extensions: [
            AnalyticsImplementationBlueprint.make({
              name: 'other-tool',
              params: defineParams =>
                defineParams({
                  deps: {},
                  factory: () => ({ captureEvent: otherTool }),
                }),
            }),
          ],
        }),
      ],
      apis: [
        [fetchApiRef, { fetch }],
        [
          goldenPathApiRef,
          {
            getPlatformMetrics: loading,
            getTeamMetrics: loading,
            getFeatureUsage: loading,
            getPaths: loading,
            getTicketFigures: loading,
            getSurveyTrend: loading,
          },
        ],
        [permissionApiRef, mockApis.permission()],
        [catalogApiRef, catalogApiMock()],
      ],
      initialRouteEntries: ['/golden-path/dashboard'],
    });
    await waitFor(() =>
      expect(otherTool).toHaveBeenCalledWith(
        expect.objectContaining({ action: 'navigate' }),
      ),
    );
    // Hiding the page sends what the forwarder has queued at once.
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://localhost:7007/api/golden-path/usage/events');
    const body = JSON.parse(String(init.body));
    expect(body.events).toContainEqual(
      expect.objectContaining({
        action: 'navigate',
        subject: '/golden-path/dashboard',
        pluginId: 'golden-path',
      }),
    );
    expect(body.installedPlugins).toEqual(
      expect.arrayContaining(['app', 'golden-path']),
    );
  });
});
