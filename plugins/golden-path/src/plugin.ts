import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { GoldenPathClient, goldenPathApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The Golden Path frontend plugin, for apps on the legacy frontend system.
 * Apps on the new frontend system use the `/alpha` entry point instead.
 *
 * @public
 */
export const goldenPathPlugin = createPlugin({
  id: 'golden-path',
  apis: [
    createApiFactory({
      api: goldenPathApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new GoldenPathClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The Golden Path page: the platform metrics dashboard, survey campaigns
 * with their results and the NPS trend, and support-ticket figures, a tab
 * each. Route it in the app, e.g.
 * `<Route path="/golden-path" element={<GoldenPathPage />} />`.
 *
 * @public
 */
export const GoldenPathPage = goldenPathPlugin.provide(
  createRoutableExtension({
    name: 'GoldenPathPage',
    component: () =>
      import('./components/GoldenPathPage').then(m => m.GoldenPathPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The in-portal survey prompt: a small card at the bottom right asking the
 * signed-in user an open campaign's questions or to rate a golden path they
 * just used. Renders nothing when there is nothing to ask. Place it once,
 * inside the app's router, e.g. next to `<AlertDisplay />`.
 *
 * @public
 */
export const GoldenPathSurveyPrompt = goldenPathPlugin.provide(
  createComponentExtension({
    name: 'GoldenPathSurveyPrompt',
    component: {
      lazy: () => import('./components/SurveyPrompt').then(m => m.SurveyPrompt),
    },
  }),
);

/**
 * Entity card: whether the entity is on a golden path and which template put
 * it there. Place it on the Component overview page.
 *
 * @public
 */
export const EntityGoldenPathCard = goldenPathPlugin.provide(
  createComponentExtension({
    name: 'EntityGoldenPathCard',
    component: {
      lazy: () =>
        import('./components/EntityGoldenPathCard').then(
          m => m.EntityGoldenPathCard,
        ),
    },
  }),
);

/**
 * Entity tab content: every check grouped by level with what it read and how
 * to fix it, the score history and the provenance. Route it on the
 * Component page, e.g. at `/golden-path`.
 *
 * @public
 */
export const EntityGoldenPathContent = goldenPathPlugin.provide(
  createComponentExtension({
    name: 'EntityGoldenPathContent',
    component: {
      lazy: () =>
        import('./components/EntityGoldenPathContent').then(
          m => m.EntityGoldenPathContent,
        ),
    },
  }),
);

/**
 * Group card: the team's adoption, average score and levels, over its
 * nested sub-groups. Place it on the Group overview page.
 *
 * @public
 */
export const GroupGoldenPathCard = goldenPathPlugin.provide(
  createComponentExtension({
    name: 'GroupGoldenPathCard',
    component: {
      lazy: () =>
        import('./components/GroupGoldenPath').then(m => m.GroupGoldenPathCard),
    },
  }),
);

/**
 * Group tab content: the rollup and a sortable, filterable table of the
 * group's components.
 *
 * @public
 */
export const GroupGoldenPathContent = goldenPathPlugin.provide(
  createComponentExtension({
    name: 'GroupGoldenPathContent',
    component: {
      lazy: () =>
        import('./components/GroupGoldenPath').then(
          m => m.GroupGoldenPathContent,
        ),
    },
  }),
);

/**
 * Template card: the template's runs in the last 90 days, their success
 * rate, durations and time saved, and how many of the entities it created
 * are behind its latest version. Place it on the Template overview page.
 *
 * @public
 */
export const EntityTemplateRunsCard = goldenPathPlugin.provide(
  createComponentExtension({
    name: 'EntityTemplateRunsCard',
    component: {
      lazy: () =>
        import('./components/TemplateRuns').then(m => m.EntityTemplateRunsCard),
    },
  }),
);

/**
 * Template tab content: the figures over a chosen range and per team, every
 * run with filters, and the entities created with their drift. Route it on
 * the Template page, e.g. at `/runs`.
 *
 * @public
 */
export const EntityTemplateRunsContent = goldenPathPlugin.provide(
  createComponentExtension({
    name: 'EntityTemplateRunsContent',
    component: {
      lazy: () =>
        import('./components/TemplateRuns').then(
          m => m.EntityTemplateRunsContent,
        ),
    },
  }),
);
