import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { GoldenPathClient, goldenPathApiRef } from './api';

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
 * The Golden Path frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'golden-path',
  extensions: [
    goldenPathApi,
    goldenPathEntityCard,
    goldenPathEntityContent,
    goldenPathGroupCard,
    goldenPathGroupContent,
    goldenPathTemplateCard,
    goldenPathTemplateContent,
  ],
});
