import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  ProvenanceResolver,
  goldenPathProvenanceExtensionPoint,
} from '@golden-path/plugin-golden-path-node';
import { DatabaseProvenanceStore } from './database/DatabaseProvenanceStore';
import { createRouter } from './router/createRouter';
import { RecordProvenanceTask } from './scheduler/RecordProvenanceTask';

/**
 * The Golden Path backend plugin.
 *
 * @public
 */
export const goldenPathPlugin = createBackendPlugin({
  pluginId: 'golden-path',
  register(env) {
    const resolvers: ProvenanceResolver[] = [];
    env.registerExtensionPoint(goldenPathProvenanceExtensionPoint, {
      addProvenanceResolver(...added) {
        resolvers.push(...added);
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { config, scheduler, httpRouter } = deps;
        const store = await DatabaseProvenanceStore.create(deps);

        const task = new RecordProvenanceTask({ ...deps, store, resolvers });
        const scheduleConfig = config.getOptionalConfig('goldenPath.schedule');
        await scheduler.scheduleTask({
          id: RecordProvenanceTask.id,
          // Global: one replica runs each pass, whatever the replica count.
          scope: 'global',
          ...(scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : RecordProvenanceTask.defaultSchedule),
          fn: signal => task.run(signal).then(() => undefined),
        });

        httpRouter.use(await createRouter({ ...deps, store }));
      },
    });
  },
});
