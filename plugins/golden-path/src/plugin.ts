import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { GoldenPathClient, goldenPathApiRef } from './api';

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
});

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
