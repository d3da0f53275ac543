import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { goldenPathPlugin } from '../plugin';
import { sampleCatalog } from '../__testUtils__/entities';
import { sampleSettings } from '../__testUtils__/settings';

// The mock registry names every action `test:<name>`; the real one uses the
// plugin id, `golden-path:<name>`.
async function start() {
  const registry = actionsRegistryServiceMock();
  const scheduler = mockServices.scheduler.mock();
  await startTestBackend({
    features: [
      goldenPathPlugin,
      catalogServiceMock.factory({ entities: sampleCatalog }),
      mockServices.rootConfig.factory({
        data: { goldenPath: { paths: sampleSettings.paths } } as any,
      }),
      scheduler.factory,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  const runScoring = async () => {
    const [[task]] = scheduler.scheduleTask.mock.calls;
    await task.fn(new AbortController().signal);
  };
  return { registry, runScoring };
}

describe('actions registry actions', () => {
  it('tells an agent an entity’s golden-path status, failing checks first', async () => {
    const { registry, runScoring } = await start();
    await runScoring();

    const { output } = await registry.invoke({
      id: 'test:get-entity-golden-path-status',
      input: { entityRef: 'component:default/payments-api' },
      credentials: mockCredentials.user(),
    });

    expect(output).toMatchObject({
      status: 'recorded',
      path: 'node-service',
      score: 75,
      level: 'bronze',
      drift: 'behind',
      checks: [
        {
          id: 'has-docs',
          verdict: 'fail',
          remediation:
            'Add backstage.io/techdocs-ref https://docs.example.com/docs',
        },
        { id: 'coverage', verdict: 'unknown', remediation: null },
        { id: 'owned-by-team', verdict: 'pass' },
      ],
    });
  });

  it('refuses an entity the caller cannot see in the catalog', async () => {
    const { registry } = await start();
    await expect(
      registry.invoke({
        id: 'test:get-entity-golden-path-status',
        input: { entityRef: 'component:default/ghost' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow("No entity 'component:default/ghost' in the catalog");
  });

  it('lists the paths with their adoption', async () => {
    const { registry, runScoring } = await start();
    await runScoring();

    const { output } = await registry.invoke({
      id: 'test:list-golden-paths',
      input: {},
      credentials: mockCredentials.user(),
    });

    expect(output).toMatchObject({
      paths: [
        { id: 'node-service', eligible: 3, onPath: 1, averageScore: 75 },
        { id: 'python-service', eligible: 3, onPath: 1, averageScore: 100 },
      ],
      overallRatio: 2 / 3,
    });
  });

  it('gives an agent the platform metrics, no data as null, with the anti-patterns and a bad path refused', async () => {
    const { registry, runScoring } = await start();
    await runScoring();

    const { output } = await registry.invoke({
      id: 'test:get-platform-metrics',
      input: { path: 'node-service' },
      credentials: mockCredentials.user(),
    });
    const metrics = (output as any).metrics;
    expect(metrics.map((m: any) => m.id)).toEqual([
      'onboardingTime',
      'activeTeams',
      'adoption',
      'developerNps',
      'ticketVolume',
      'timeToResolution',
      'deploymentFrequency',
      'leadTime',
      'selfServiceRate',
    ]);
    // One of the three service components is on the node-service path.
    expect(metrics.find((m: any) => m.id === 'adoption')).toMatchObject({
      value: 1 / 3,
      target: 'above 0.8',
      status: 'missed',
      population: `1 of 3 eligible entities on a golden path on ${new Date()
        .toISOString()
        .slice(0, 10)}`,
    });
    expect(metrics.find((m: any) => m.id === 'leadTime')).toMatchObject({
      value: null,
      status: 'no-data',
      target: 'below 3600000',
    });
    expect((output as any).antiPatterns.map((a: any) => a.title)).toContain(
      'No adoption metrics',
    );

    await expect(
      registry.invoke({
        id: 'test:get-platform-metrics',
        input: { path: 'cobol' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow("unknown golden path 'cobol'");
  });
});
