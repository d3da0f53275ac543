/*
 * The example Backstage backend: the plugins a typical company runs, plus the
 * Golden Path suite.
 */

import { createBackend } from '@backstage/backend-defaults';
import { goldenPathExampleData } from './exampleData/module';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Golden Path: the backend plugin and the scaffolder actions

backend.add(import('@golden-path/plugin-golden-path-backend'));
backend.add(
  import('@golden-path/plugin-scaffolder-backend-module-golden-path'),
);
// Sample surveys and tickets, so that the example has data on first start.
backend.add(goldenPathExampleData);
backend.start();
