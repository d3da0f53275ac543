import {
  ApiBlueprint,
  AppRootElementBlueprint,
  appTreeApiRef,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import Directions from '@material-ui/icons/Directions';
import { lazy, Suspense } from 'react';
import { GoldenPathAnalytics } from './analytics/GoldenPathAnalytics';
import { GoldenPathClient, goldenPathApiRef } from './api';
import { rootRouteRef } from './routes';

/** @alpha */
export const goldenPathApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: goldenPathApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new GoldenPathClient(deps),
    }),
});

/**
 * The golden-path card on Component overview pages.
 *
 * @alpha
 */
export const goldenPathEntityCard = EntityCardBlueprint.make({
  name: 'golden-path',
  params: {
    filter: { kind: 'component' },
    // Beside "About": where a developer looks first on the overview.
    type: 'info',
    loader: () =>
      import('./components/EntityGoldenPathCard').then(m => (
        <m.EntityGoldenPathCard />
      )),
  },
});

/**
 * The Golden Path tab on Component pages.
 *
 * @alpha
 */
export const goldenPathEntityContent = EntityContentBlueprint.make({
  name: 'golden-path',
  params: {
    path: '/golden-path',
    title: 'Golden Path',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityGoldenPathContent').then(m => (
        <m.EntityGoldenPathContent />
      )),
  },
});

/**
 * The golden-path adoption card on Group overview pages.
 *
 * @alpha
 */
export const goldenPathGroupCard = EntityCardBlueprint.make({
  name: 'golden-path-group',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/GroupGoldenPath').then(m => (
        <m.GroupGoldenPathCard />
      )),
  },
});

/**
 * The Golden Path tab on Group pages.
 *
 * @alpha
 */
export const goldenPathGroupContent = EntityContentBlueprint.make({
  name: 'golden-path-group',
  params: {
    path: '/golden-path',
    title: 'Golden Path',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/GroupGoldenPath').then(m => (
        <m.GroupGoldenPathContent />
      )),
  },
});

/**
 * The template-runs card on Template overview pages.
 *
 * @alpha
 */
export const goldenPathTemplateCard = EntityCardBlueprint.make({
  name: 'golden-path-template',
  params: {
    filter: { kind: 'template' },
    loader: () =>
      import('./components/TemplateRuns').then(m => (
        <m.EntityTemplateRunsCard />
      )),
  },
});

/**
 * The Runs tab on Template pages.
 *
 * @alpha
 */
export const goldenPathTemplateContent = EntityContentBlueprint.make({
  name: 'golden-path-template',
  params: {
    path: '/runs',
    title: 'Runs',
    filter: { kind: 'template' },
    loader: () =>
      import('./components/TemplateRuns').then(m => (
        <m.EntityTemplateRunsContent />
      )),
  },
});

/**
 * The Golden Path page at `/golden-path`, with a nav item; its tabs are the
 * sub-pages below, the first one opening by default.
 *
 * @alpha
 */
export const goldenPathPage = PageBlueprint.make({
  params: {
    path: '/golden-path',
    title: 'Golden Path',
    icon: <Directions fontSize="inherit" />,
    routeRef: rootRouteRef,
  },
});

/**
 * The Dashboard tab: the platform metrics against their targets, the
 * anti-patterns they show, adoption per team and golden path, the template
 * funnel, NPS, ticket pain points and portal usage.
 *
 * @alpha
 */
export const goldenPathDashboardPage = SubPageBlueprint.make({
  name: 'dashboard',
  params: {
    path: 'dashboard',
    title: 'Dashboard',
    loader: async () => {
      const [{ DashboardContent }, { Content }] = await Promise.all([
        import('./components/Dashboard'),
        import('@backstage/core-components'),
      ]);
      return (
        <Content>
          <DashboardContent />
        </Content>
      );
    },
  },
});

/**
 * The Surveys tab: campaigns, the NPS trend and each campaign's results.
 *
 * @alpha
 */
export const goldenPathSurveysPage = SubPageBlueprint.make({
  name: 'surveys',
  params: {
    path: 'surveys',
    title: 'Surveys',
    loader: async () => {
      const [{ SurveysContent }, { Content }] = await Promise.all([
        import('./components/Surveys'),
        import('@backstage/core-components'),
      ]);
      return (
        <Content>
          <SurveysContent />
        </Content>
      );
    },
  },
});

/**
 * The Support tickets tab: ticket volume, response and resolution times,
 * and what tickets are about.
 *
 * @alpha
 */
export const goldenPathTicketsPage = SubPageBlueprint.make({
  name: 'tickets',
  params: {
    path: 'tickets',
    title: 'Support tickets',
    loader: async () => {
      const [{ TicketsContent }, { Content }] = await Promise.all([
        import('./components/Tickets'),
        import('@backstage/core-components'),
      ]);
      return (
        <Content>
          <TicketsContent />
        </Content>
      );
    },
  },
});

const LazySurveyPrompt = lazy(() =>
  import('./components/SurveyPrompt').then(m => ({ default: m.SurveyPrompt })),
);

/**
 * The in-portal survey prompt, at the root of the app so that it can ask
 * on any page. Its request waits for the user to sign in.
 *
 * @alpha
 */
export const goldenPathSurveyPrompt = AppRootElementBlueprint.make({
  name: 'survey-prompt',
  params: {
    element: (
      // Nothing to show while it loads: the prompt is never urgent.
      <Suspense fallback={null}>
        <LazySurveyPrompt />
      </Suspense>
    ),
  },
});

/**
 * Forwards the app's analytics events to the golden-path backend, for the
 * active users and teams and the feature usage on the dashboard. It joins
 * any other analytics implementation of the app: the app's analytics API
 * hands every event to each of them. Disable it with
 * `app.extensions: [{ 'analytics:golden-path': false }]`.
 *
 * @alpha
 */
export const goldenPathAnalytics = AnalyticsImplementationBlueprint.make({
  params: defineParams =>
    defineParams({
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        appTreeApi: appTreeApiRef,
      },
      factory: ({ discoveryApi, fetchApi, appTreeApi }) =>
        GoldenPathAnalytics.create(
          { discoveryApi, fetchApi },
          {
            // The app tree can be read once the app has started: read at
            // the first request. A plugin counts as installed when any of
            // its extensions is enabled.
            installedPlugins: () => {
              const { nodes } = appTreeApi.getTree().tree;
              const ids = [...nodes.values()]
                .filter(node => !node.spec.disabled)
                .map(node => node.spec.plugin.pluginId);
              return [...new Set(ids)].sort();
            },
          },
        ),
    }),
});

/**
 * The Golden Path frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'golden-path',
  routes: { root: rootRouteRef },
  extensions: [
    goldenPathApi,
    goldenPathEntityCard,
    goldenPathEntityContent,
    goldenPathGroupCard,
    goldenPathGroupContent,
    goldenPathTemplateCard,
    goldenPathTemplateContent,
    goldenPathPage,
    goldenPathDashboardPage,
    goldenPathSurveysPage,
    goldenPathTicketsPage,
    goldenPathSurveyPrompt,
    goldenPathAnalytics,
  ],
});
