import type {
  PlatformMetric,
  PlatformMetricId,
} from '../types/platformMetrics';
import { antiPatternsOf } from './antiPatterns';

const metric = (
  id: PlatformMetricId,
  value: number | undefined,
  population = { count: 0, description: '' } as PlatformMetric['population'],
): PlatformMetric => ({
  id,
  title: id,
  definition: '',
  unit: 'ratio',
  value,
  target: { kind: 'above', value: 0.5 },
  status: value === undefined ? 'no-data' : 'met',
  series: [],
  population,
  sources: [],
});

const quiet = {
  pathsWithoutDocs: [],
  templatesWithoutDocs: [],
  requestTickets: 0,
  templateRuns: 0,
};

describe('antiPatternsOf', () => {
  it('finds nothing in a healthy platform', () => {
    expect(
      antiPatternsOf(
        [
          metric('activeTeams', 0.95, { count: 19, of: 20, description: '' }),
          metric('adoption', 0.85),
          metric('developerNps', 45),
          metric('selfServiceRate', 0.92),
        ],
        quiet,
      ),
    ).toEqual([]);
  });

  it('flags building without users with the count of active teams', () => {
    const [found] = antiPatternsOf(
      [metric('activeTeams', 0.2, { count: 4, of: 20, description: '' })],
      quiet,
    );
    expect(found.id).toBe('building-without-users');
    expect(found.severity).toBe('critical');
    expect(found.evidence[0]).toBe(
      '4 of 20 teams (20%) used the portal in the last week of the period.',
    );
  });

  it('flags mandated adoption: high adoption, negative NPS', () => {
    const found = antiPatternsOf(
      [metric('adoption', 0.9), metric('developerNps', -10)],
      quiet,
    );
    expect(found.map(f => f.id)).toEqual(['mandated-adoption']);
  });

  it('names the metrics without data, and never reads them as bad values', () => {
    const found = antiPatternsOf(
      [
        metric('activeTeams', undefined),
        metric('adoption', undefined),
        metric('developerNps', undefined),
        metric('selfServiceRate', undefined),
      ],
      quiet,
    );
    expect(found.map(f => f.id)).toEqual(['no-adoption-metrics']);
    expect(found[0].evidence[0]).toContain(
      '4 of 4 platform metrics have no data: activeTeams, adoption',
    );
  });

  it('flags paths and templates without docs, and the gatekeeper', () => {
    const found = antiPatternsOf([metric('selfServiceRate', 0.2)], {
      pathsWithoutDocs: ['static-site'],
      templatesWithoutDocs: ['template:default/static-site'],
      requestTickets: 40,
      templateRuns: 10,
    });
    expect(found.map(f => f.id)).toEqual([
      'no-documentation',
      'platform-as-gatekeeper',
    ]);
    expect(found[1].evidence[0]).toBe(
      '40 request tickets against 10 template runs: 20% of requests were self-service.',
    );
  });
});
