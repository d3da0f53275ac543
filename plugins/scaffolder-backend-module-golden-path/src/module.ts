import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createTagAction } from './actions/tag';

/**
 * Registers the Golden Path scaffolder actions.
 *
 * @public
 */
export const scaffolderModuleGoldenPath = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-path',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ config, scaffolderActions }) {
        scaffolderActions.addActions(createTagAction({ config }));
      },
    });
  },
});
