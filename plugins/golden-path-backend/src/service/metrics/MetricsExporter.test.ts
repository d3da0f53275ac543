import { mockServices } from '@backstage/backend-test-utils';
import { PlatformMetric } from '@golden-path/plugin-golden-path-common';
import { MetricsExporter } from './MetricsExporter';

/** A metrics service whose gauges are read as a collector would. */
function collectingMetricsService() {
  const callbacks = new Map<string, (result: any) => void>();
  const service: any = {
    createObservableGauge: (name: string) => ({
      addCallback: (callback: (result: any) => void) =>
        callbacks.set(name, callback),
    }),
  };
  const collect = (name: string) => {
    const observed: Array<[number, Record<string, string>]> = [];
    callbacks.get(name)!({
      observe: (value: number, attributes: Record<string, string>) =>
        observed.push([value, attributes]),
    });
    return observed;
  };
  return { service, collect };
}

const metric = (
  id: string,
  status: PlatformMetric['status'],
  value?: number,
): PlatformMetric =>
  ({
    id,
    title: id,
    definition: '',
    unit: id === 'leadTime' ? 'duration-ms' : 'ratio',
    target: { kind: 'above', value: 0.8 },
    status,
    ...(value !== undefined ? { value } : {}),
    series: [],
    population: { count: 0, description: '' },
    sources: [],
  } as PlatformMetric);

describe('MetricsExporter', () => {
  it('reports each metric with data as a value and a target gauge, and nothing before its first run', async () => {
    const { service, collect } = collectingMetricsService();
    const compute = jest
      .fn()
      .mockResolvedValue([
        metric('adoption', 'at-risk', 0.75),
        metric('leadTime', 'met', 1_800_000),
        metric('developerNps', 'no-data'),
      ]);
    const exporter = new MetricsExporter({
      metricsService: service,
      compute,
      logger: mockServices.logger.mock(),
    });
    expect(collect('golden_path.platform_metric.value')).toEqual([]);

    await exporter.run();
    expect(collect('golden_path.platform_metric.value')).toEqual([
      [0.75, { metric: 'adoption', unit: 'ratio' }],
      [1_800_000, { metric: 'leadTime', unit: 'duration-ms' }],
    ]);
    // No data is absent, never a zero that a dashboard would plot.
    expect(collect('golden_path.platform_metric.target_met')).toEqual([
      [0.5, { metric: 'adoption' }],
      [1, { metric: 'leadTime' }],
    ]);
  });

  it('keeps reporting the last computation when a run fails, and says why', async () => {
    const { service, collect } = collectingMetricsService();
    const logger = mockServices.logger.mock();
    const compute = jest
      .fn()
      .mockResolvedValueOnce([metric('adoption', 'missed', 0.2)])
      .mockRejectedValueOnce(new Error('database is down'));
    const exporter = new MetricsExporter({
      metricsService: service,
      compute,
      logger,
    });
    await exporter.run();
    await exporter.run();
    expect(collect('golden_path.platform_metric.target_met')).toEqual([
      [0, { metric: 'adoption' }],
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database is down'),
    );
  });
});
