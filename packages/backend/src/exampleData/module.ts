import {
  coreServices,
  createBackendModule,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { exampleUsers } from './org';
import { seededRandom } from './random';
import { exampleCampaigns } from './surveys';
import { exampleTickets } from './tickets';
import { exampleDeployments } from './deployments';
import { exampleUsage } from './usage';

// The API may not listen yet when the backend's start-up hooks run, and
// tickets are attributed through the catalog and the first scoring run.
const READY_ATTEMPTS = 180;
const BATCH = 500;

type Call = (
  plugin: string,
  path: string,
  init?: { method: string; body: unknown },
) => Promise<any>;

async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  logger: LoggerService,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      if (attempt >= READY_ATTEMPTS) throw error;
    }
    if (attempt >= READY_ATTEMPTS) {
      throw new Error(`gave up waiting for ${what}`);
    }
    logger.debug(`Waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/**
 * The example Backstage's sample data: quarterly survey campaigns with
 * their answers, half a year of support tickets and deployments, and five
 * weeks of portal use, sent through the golden-path API as a tracker, a
 * CI/CD system or an import would, so that the pages have data on first
 * start. Generated relative to today from a fixed seed.
 * Installed in the example backend only.
 */
export const goldenPathExampleData = createBackendModule({
  pluginId: 'golden-path',
  moduleId: 'example-data',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ auth, discovery, logger, scheduler }) {
        const call: Call = async (plugin, path, init) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: plugin,
          });
          const response = await fetch(
            `${await discovery.getBaseUrl(plugin)}${path}`,
            {
              method: init?.method ?? 'GET',
              headers: {
                Authorization: `Bearer ${token}`,
                'Content-Type': 'application/json',
              },
              ...(init ? { body: JSON.stringify(init.body) } : {}),
            },
          );
          if (!response.ok) {
            throw new Error(
              `${path}: ${response.status} ${await response.text()}`,
            );
          }
          return response.status === 204 ? undefined : response.json();
        };

        const load = async () => {
          const now = new Date();
          const random = seededRandom(20261201);
          const users = exampleUsers(
            resolvePackagePath('backend', '../../examples/org.yaml'),
          );
          const existing = await waitFor(
            'the golden-path API',
            () => call('golden-path', '/surveys'),
            logger,
          );
          const lastUser = users[users.length - 1].name;
          await waitFor(
            'the catalog to hold the example organisation',
            () => call('catalog', `/entities/by-name/user/default/${lastUser}`),
            logger,
          );
          await waitFor(
            'the first scoring run',
            async () =>
              (
                await call(
                  'golden-path',
                  '/entities/component/default/payments-api',
                )
              ).path ?? undefined,
            logger,
          );
          let responses = 0;
          if (existing.items.length === 0) {
            for (const { campaign, responses: rows } of exampleCampaigns(
              users,
              random,
              now,
            )) {
              const created = await call('golden-path', '/surveys', {
                method: 'POST',
                body: campaign,
              });
              for (let i = 0; i < rows.length; i += BATCH) {
                await call(
                  'golden-path',
                  `/surveys/${created.id}/responses/import`,
                  {
                    method: 'POST',
                    body: { responses: rows.slice(i, i + BATCH) },
                  },
                );
              }
              responses += rows.length;
            }
          }
          const tickets = exampleTickets(users, random, now);
          for (let i = 0; i < tickets.length; i += BATCH) {
            await call('golden-path', '/tickets', {
              method: 'POST',
              body: {
                source: 'example-jira',
                tickets: tickets.slice(i, i + BATCH),
              },
            });
          }
          const deployments = exampleDeployments(random, now);
          for (let i = 0; i < deployments.length; i += BATCH) {
            await call('golden-path', '/deployments', {
              method: 'POST',
              body: {
                source: 'example-ci',
                deployments: deployments.slice(i, i + BATCH),
              },
            });
          }
          const usage = exampleUsage(users, random, now);
          for (let i = 0; i < usage.length; i += BATCH) {
            await call('golden-path', '/usage/import', {
              method: 'POST',
              body: { events: usage.slice(i, i + BATCH) },
            });
          }
          logger.info(
            `Loaded the example data: ${responses} survey answers, ${tickets.length} support tickets, ${deployments.length} deployments, ${usage.length} portal events`,
          );
        };

        // A global task: with several replicas on one database, one loads.
        await scheduler.scheduleTask({
          id: 'golden-path-example-data',
          scope: 'global',
          frequency: { days: 365 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 3 },
          fn: () =>
            load().catch(error =>
              logger.error(`Could not load the example data: ${error}`),
            ),
        });
      },
    });
  },
});
