import {
  AntiPattern,
  PlatformMetric,
  PlatformMetricsResponse,
} from '@golden-path/plugin-golden-path-common';
import { toCsv } from '../shared';

/**
 * The nine metrics as rows: the raw value in its unit (ms, a 0–1 ratio, an
 * NPS, per week, per entity per day), empty when there is no data, never 0.
 */
export function metricsCsv(metrics: PlatformMetric[]): string {
  return toCsv(
    [
      'metric',
      'title',
      'unit',
      'value',
      'target',
      'target_value',
      'status',
      'previous',
      'relative_change',
      'improving',
      'population',
      'population_of',
    ],
    metrics.map(m => [
      m.id,
      m.title,
      m.unit,
      m.value,
      m.target.kind,
      'value' in m.target ? m.target.value : undefined,
      m.status,
      m.trend?.previous,
      m.trend?.relativeChange,
      m.trend?.improving,
      m.population.count,
      m.population.of,
    ]),
  );
}

/** The anti-patterns found, one row each, evidence lines joined. */
export function antiPatternsCsv(found: AntiPattern[]): string {
  return toCsv(
    ['anti_pattern', 'title', 'severity', 'evidence', 'fix'],
    found.map(p => [p.id, p.title, p.severity, p.evidence.join(' | '), p.fix]),
  );
}

/** The funnel's steps, then catalog coverage. */
export function funnelCsv(
  funnel: PlatformMetricsResponse['funnel'],
  coverage: PlatformMetricsResponse['catalogCoverage'],
): string {
  return toCsv(
    ['step', 'count'],
    [
      ['template_runs', funnel.runs],
      ['succeeded', funnel.succeeded],
      ['entities_in_catalog', funnel.inCatalog],
      ['deployed_to_production', funnel.deployed],
      ['services_deployed_to_production', coverage.services],
      ['deployed_services_in_catalog', coverage.inCatalog],
    ],
  );
}
