import { PlatformMetric } from '@golden-path/plugin-golden-path-common';
import { antiPatternsCsv, funnelCsv, metricsCsv } from './platformCsv';

const metric = (overrides: Partial<PlatformMetric>): PlatformMetric => ({
  id: 'leadTime',
  title: 'Lead time for changes',
  definition: 'Median earliest commit to production',
  unit: 'duration-ms',
  target: { kind: 'below', value: 3_600_000 },
  status: 'met',
  series: [],
  population: { count: 12, description: 'production deployments' },
  sources: ['deployments'],
  ...overrides,
});

describe('platform CSV exports', () => {
  it('writes each metric with its raw value, and no value at all when there is no data', () => {
    const csv = metricsCsv([
      metric({
        value: 2_400_000,
        trend: {
          previous: 3_000_000,
          change: -600_000,
          relativeChange: -0.2,
          direction: 'down',
          improving: true,
        },
      }),
      metric({
        id: 'ticketVolume',
        title: 'Support ticket volume',
        unit: 'per-week',
        target: { kind: 'decreasing' },
        status: 'no-data',
        population: { count: 0, of: 40, description: 'tickets' },
      }),
    ]).split('\n');
    expect(csv[0]).toBe(
      'metric,title,unit,value,target,target_value,status,previous,relative_change,improving,population,population_of',
    );
    expect(csv[1]).toBe(
      'leadTime,Lead time for changes,duration-ms,2400000,below,3600000,met,3000000,-0.2,true,12,',
    );
    expect(csv[2]).toBe(
      'ticketVolume,Support ticket volume,per-week,,decreasing,,no-data,,,,0,40',
    );
  });

  it('writes anti-patterns with their evidence quoted, and the funnel step by step', () => {
    expect(
      antiPatternsCsv([
        {
          id: 'platform-as-gatekeeper',
          title: 'Platform team as gatekeeper',
          severity: 'critical',
          evidence: ['12 request tickets', 'self-service 20%, target 90%'],
          fix: 'Turn the top "request" categories into templates',
        },
      ]),
    ).toBe(
      'anti_pattern,title,severity,evidence,fix\n' +
        'platform-as-gatekeeper,Platform team as gatekeeper,critical,"12 request tickets | self-service 20%, target 90%","Turn the top ""request"" categories into templates"\n',
    );
    expect(
      funnelCsv(
        { runs: 10, succeeded: 8, inCatalog: 7, deployed: 5 },
        { services: 6, inCatalog: 5 },
      ).split('\n'),
    ).toEqual([
      'step,count',
      'template_runs,10',
      'succeeded,8',
      'entities_in_catalog,7',
      'deployed_to_production,5',
      'services_deployed_to_production,6',
      'deployed_services_in_catalog,5',
      '',
    ]);
  });
});
