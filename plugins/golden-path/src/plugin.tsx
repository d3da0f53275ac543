import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/golden-path',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const goldenPathPlugin = createFrontendPlugin({
  pluginId: 'golden-path',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
