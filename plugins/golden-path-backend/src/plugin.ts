import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  FactProvider,
  goldenPathFactsExtensionPoint,
  goldenPathProvenanceExtensionPoint,
  ProvenanceResolver,
} from '@golden-path/plugin-golden-path-node';
import { readGoldenPathConfig } from './config/readGoldenPathConfig';
import { goldenPathPermissions } from '@golden-path/plugin-golden-path-common';
import { createStores } from './database/createStores';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { registerActions } from './actions/registerActions';
import { createRouter } from './router/createRouter';
import { EntityReadAuthorizer } from './service/EntityReadAuthorizer';
import { ResultsService } from './service/ResultsService';
import { ExemptionService } from './service/ExemptionService';
import { FactPushService } from './service/FactPushService';
import { pushedFactProvider } from './scoring/pushedFactProvider';
import { levelDropNotifier } from './scoring/notifyLevelDrops';
import { notificationService } from '@backstage/plugin-notifications-node';
import { ScoringTask } from './scheduler/ScoringTask';
import { catalogFactProvider } from './scoring/catalogFactProvider';

/**
 * The Golden Path backend plugin.
 *
 * @public
 */
export const goldenPathPlugin = createBackendPlugin({
  pluginId: 'golden-path',
  register(env) {
    const provenanceResolvers: ProvenanceResolver[] = [];
    env.registerExtensionPoint(goldenPathProvenanceExtensionPoint, {
      addProvenanceResolver(...added) {
        provenanceResolvers.push(...added);
      },
    });
    const factProviders: FactProvider[] = [catalogFactProvider];
    env.registerExtensionPoint(goldenPathFactsExtensionPoint, {
      addFactProvider(...added) {
        for (const provider of added) {
          if (factProviders.some(p => p.id === provider.id)) {
            throw new Error(
              `A fact provider with id '${provider.id}' is already registered`,
            );
          }
          factProviders.push(provider);
        }
      },
    });

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const { config, scheduler, httpRouter, permissionsRegistry } = deps;
        permissionsRegistry.addPermissions(goldenPathPermissions);
        // Invalid configuration stops the backend here, naming the key.
        const settings = readGoldenPathConfig(config);
        const {
          results: store,
          exemptions,
          pushedFacts,
        } = await createStores(deps.database);
        for (const source of settings.factSources) {
          factProviders.push(pushedFactProvider(source, pushedFacts));
        }

        const task = new ScoringTask({
          ...deps,
          store,
          exemptions,
          settings,
          factProviders,
          provenanceResolvers,
          onLevelDrops: settings.notifyOnLevelDrop
            ? levelDropNotifier(deps.notifications)
            : undefined,
        });
        const scheduleConfig = config.getOptionalConfig('goldenPath.schedule');
        await scheduler.scheduleTask({
          id: ScoringTask.id,
          // Global: one replica runs each scoring run, whatever the replica count.
          scope: 'global',
          ...(scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : ScoringTask.defaultSchedule),
          fn: signal => task.run(signal).then(() => undefined),
        });

        const results = new ResultsService({
          catalog: deps.catalog,
          readAuthorizer: new EntityReadAuthorizer(deps.permissions),
          results: store,
          exemptions,
          settings,
        });
        registerActions({ actionsRegistry: deps.actionsRegistry, results });
        const exemptionService = new ExemptionService({
          catalog: deps.catalog,
          exemptions,
          results: store,
          settings,
          refresh: entityRef => task.refresh(entityRef),
        });
        const factPush = new FactPushService({
          sources: settings.factSources,
          store: pushedFacts,
          catalog: deps.catalog,
          auth: deps.auth,
          refresh: entityRef => task.refresh(entityRef),
        });
        httpRouter.use(
          await createRouter({
            ...deps,
            exemptions,
            task,
            results,
            exemptionService,
            factPush,
          }),
        );
      },
    });
  },
});
