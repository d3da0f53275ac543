import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
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
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
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
import { scaffolderServiceRef } from '@backstage/plugin-scaffolder-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { TemplateRunIngester } from './ingest/TemplateRunIngester';
import { TemplateVersionWatcher } from './ingest/TemplateVersionWatcher';
import { publishedVersionNotifier } from './ingest/notifyPublishedVersions';
import { subscribeToTaskEvents } from './ingest/subscribeToTaskEvents';
import { TemplateRunTask } from './scheduler/TemplateRunTask';
import { TemplateRunsService } from './service/TemplateRunsService';
import { SurveyCampaignService } from './service/SurveyCampaignService';
import { SurveyResultsService } from './service/SurveyResultsService';
import { TicketService } from './service/TicketService';
import { RetentionTask } from './scheduler/RetentionTask';
import { RollupTask } from './scheduler/RollupTask';
import { TeamDirectory } from './catalog/TeamDirectory';
import { DeploymentService } from './service/DeploymentService';
import { UsageService } from './service/UsageService';
import { PlatformMetricsService } from './service/PlatformMetricsService';
import { MetricsExporter } from './service/metrics/MetricsExporter';

/** A task's schedule from app-config at `key`, else its default. */
function scheduleOf(
  config: RootConfigService,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config.getOptionalConfig(key);
  return scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : fallback;
}

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
        events: eventsServiceRef,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        metricsService: metricsServiceRef,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scaffolder: scaffolderServiceRef,
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
          templateRuns,
          surveys,
          tickets,
          deployments,
          usage,
        } = await createStores(deps.database);
        const teams = new TeamDirectory(deps);
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
        await scheduler.scheduleTask({
          id: ScoringTask.id,
          // Global: one replica runs each scoring run, whatever the replica count.
          scope: 'global',
          ...scheduleOf(
            config,
            'goldenPath.schedule',
            ScoringTask.defaultSchedule,
          ),
          fn: signal => task.run(signal).then(() => undefined),
        });

        const ingester = new TemplateRunIngester({
          ...deps,
          store: templateRuns,
        });
        const runTask = new TemplateRunTask({
          ingester,
          versions: new TemplateVersionWatcher({
            ...deps,
            store: templateRuns,
            settings,
          }),
          logger: deps.logger,
          onPublished: settings.notifyOnTemplateVersion
            ? publishedVersionNotifier({
                notifications: deps.notifications,
                results: store,
              })
            : undefined,
        });
        await scheduler.scheduleTask({
          id: TemplateRunTask.id,
          scope: 'global',
          ...scheduleOf(
            config,
            'goldenPath.templateRuns.schedule',
            TemplateRunTask.defaultSchedule,
          ),
          fn: signal => runTask.run(signal),
        });
        await subscribeToTaskEvents({
          events: deps.events,
          ingester,
          logger: deps.logger,
        });

        const results = new ResultsService({
          catalog: deps.catalog,
          readAuthorizer: new EntityReadAuthorizer(deps.permissions),
          results: store,
          exemptions,
          settings,
        });
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
        const templateRunsService = new TemplateRunsService({
          ...deps,
          results: store,
          runs: templateRuns,
          settings,
        });
        const campaigns = new SurveyCampaignService({
          ...deps,
          store: surveys,
          runs: templateRuns,
          settings,
        });
        const surveyResults = new SurveyResultsService({
          ...deps,
          store: surveys,
          campaigns,
          audiences: campaigns.audienceResolver,
          settings,
        });
        const ticketService = new TicketService({
          ...deps,
          tickets,
          results: store,
          settings,
          teams,
        });
        const deploymentService = new DeploymentService({
          ...deps,
          deployments,
          results: store,
          settings,
        });
        const usageService = new UsageService({ ...deps, usage, teams });
        const metrics = new PlatformMetricsService({
          ...deps,
          results: store,
          runs: templateRuns,
          surveys,
          tickets,
          deployments,
          usage,
          teams,
          settings,
        });
        const exporter = new MetricsExporter({
          metricsService: deps.metricsService,
          logger: deps.logger,
          compute: async () =>
            (
              await metrics.metrics(
                {},
                await deps.auth.getOwnServiceCredentials(),
              )
            ).metrics,
        });
        // Local: every replica keeps its own gauges current.
        await scheduler.scheduleTask({
          id: MetricsExporter.id,
          scope: 'local',
          ...scheduleOf(
            config,
            'goldenPath.metrics.exportSchedule',
            MetricsExporter.defaultSchedule,
          ),
          fn: () => exporter.run(),
        });
        const rollups = new RollupTask({
          stores: [
            { name: 'ticket', store: tickets },
            { name: 'deployment', store: deployments },
          ],
          logger: deps.logger,
        });
        await scheduler.scheduleTask({
          id: RollupTask.id,
          scope: 'global',
          ...scheduleOf(
            config,
            'goldenPath.rollups.schedule',
            RollupTask.defaultSchedule,
          ),
          fn: () => rollups.run(),
        });
        const retention = new RetentionTask({
          tickets,
          surveys,
          deployments,
          usage,
          settings,
          logger: deps.logger,
        });
        await scheduler.scheduleTask({
          id: RetentionTask.id,
          scope: 'global',
          ...scheduleOf(
            config,
            'goldenPath.retention.schedule',
            RetentionTask.defaultSchedule,
          ),
          fn: () => retention.run(),
        });

        registerActions({
          actionsRegistry: deps.actionsRegistry,
          results,
          metrics,
        });

        httpRouter.use(
          await createRouter({
            campaigns,
            surveyResults,
            tickets: ticketService,
            deployments: deploymentService,
            usage: usageService,
            metrics,
            ...deps,
            templateRuns: templateRunsService,
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
