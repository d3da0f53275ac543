import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { PlatformMetric } from '@golden-path/plugin-golden-path-common';

/**
 * Exports the platform metrics through Backstage's metrics service
 * (OpenTelemetry), so that teams who live in Grafana see them too: one
 * gauge of values and one of statuses, attributed by metric. Each replica
 * computes on its own schedule and reports its latest computation; the
 * values come from the shared database, so every replica reports the same.
 */
export class MetricsExporter {
  static readonly id = 'golden-path-metrics-export';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { minutes: 15 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
  };

  private latest: PlatformMetric[] = [];

  constructor(
    private readonly deps: {
      metricsService: MetricsService;
      compute: () => Promise<PlatformMetric[]>;
      logger: LoggerService;
    },
  ) {
    const value = deps.metricsService.createObservableGauge(
      'golden_path.platform_metric.value',
      {
        description:
          'Platform metric value over the last 13 weeks; durations in milliseconds, ratios 0-1',
      },
    );
    value.addCallback(result => {
      for (const metric of this.latest) {
        if (metric.value !== undefined) {
          result.observe(metric.value, {
            metric: metric.id,
            unit: metric.unit,
          });
        }
      }
    });
    const status = deps.metricsService.createObservableGauge(
      'golden_path.platform_metric.target_met',
      {
        description:
          'Whether a platform metric meets its target: 1 met, 0.5 at risk, 0 missed (absent without data)',
      },
    );
    status.addCallback(result => {
      for (const metric of this.latest) {
        const score = { met: 1, 'at-risk': 0.5, missed: 0 }[
          metric.status as 'met' | 'at-risk' | 'missed'
        ];
        if (score !== undefined) {
          result.observe(score, { metric: metric.id });
        }
      }
    });
  }

  /** The metrics last computed. */
  get current(): PlatformMetric[] {
    return this.latest;
  }

  async run(): Promise<void> {
    try {
      this.latest = await this.deps.compute();
    } catch (error) {
      this.deps.logger.warn(`Could not compute platform metrics: ${error}`);
    }
  }
}
