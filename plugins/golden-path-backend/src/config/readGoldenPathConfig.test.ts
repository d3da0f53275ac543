import { ConfigReader } from '@backstage/config';
import { readGoldenPathConfig } from './readGoldenPathConfig';

const nodeService = {
  id: 'node-service',
  title: 'Node.js service',
  owner: 'group:default/platform',
  docsUrl: 'https://docs.example.com/golden-paths/node',
  templates: ['node-service', 'template:platform/Node-Service-V2'],
  latestVersion: '1.10.0',
  appliesTo: { kind: 'component', 'spec.type': 'service' },
  checks: [
    {
      id: 'owned-by-team',
      title: 'Owned by a team',
      weight: 2,
      level: 'bronze',
      remediation: {
        text: 'Set spec.owner to a group',
        url: 'https://docs.example.com/owner',
      },
      predicate: { 'spec.owner': { $hasPrefix: 'group:' } },
    },
    {
      id: 'has-docs',
      title: 'Has TechDocs',
      level: 'silver',
      predicate: {
        'metadata.annotations.backstage.io/techdocs-ref': { $exists: true },
      },
    },
  ],
};

function read(goldenPath: unknown) {
  return readGoldenPathConfig(new ConfigReader({ goldenPath } as any));
}

describe('readGoldenPathConfig', () => {
  it('reads paths, checks, levels and defaults', () => {
    const settings = read({ paths: [nodeService] });
    expect(settings.levels).toEqual(['bronze', 'silver', 'gold']);
    expect(settings.historyRetentionDays).toBe(400);
    expect(settings.paths[0]).toMatchObject({
      id: 'node-service',
      templates: [
        'template:default/node-service',
        'template:platform/node-service-v2',
      ],
      latestVersion: '1.10.0',
    });
    expect(settings.paths[0].checks[1]).toMatchObject({
      id: 'has-docs',
      weight: 1,
      level: 'silver',
    });
  });

  it('works with no goldenPath section at all', () => {
    expect(readGoldenPathConfig(new ConfigReader({}))).toEqual({
      levels: ['bronze', 'silver', 'gold'],
      paths: [],
      historyRetentionDays: 400,
      factSources: [],
      notifyOnLevelDrop: false,
      notifyOnTemplateVersion: false,
      surveys: { minGroupSize: 5, ratingPromptHours: 72 },
      tickets: { retentionDays: 730 },
      deployments: {
        productionEnvironments: ['production', 'prod'],
        retentionDays: 730,
      },
      usage: { retentionDays: 30, rollupRetentionDays: 400 },
      metricTargets: expect.objectContaining({
        onboardingTime: { kind: 'below', value: 30 * 60_000 },
        ticketVolume: { kind: 'decreasing' },
        selfServiceRate: { kind: 'above', value: 0.9 },
      }),
    });
  });

  it('reads metric targets in their own units, keeping each direction', () => {
    const { metricTargets } = readGoldenPathConfig(
      new ConfigReader({
        goldenPath: {
          metrics: {
            targets: {
              timeToResolution: 'PT8H',
              adoption: 0.6,
              developerNps: 20,
              ticketVolume: 'increasing',
            },
          },
        },
      }),
    );
    expect(metricTargets.timeToResolution).toEqual({
      kind: 'below',
      value: 8 * 3600_000,
    });
    expect(metricTargets.adoption).toEqual({ kind: 'above', value: 0.6 });
    expect(metricTargets.developerNps).toEqual({ kind: 'above', value: 20 });
    expect(metricTargets.ticketVolume).toEqual({ kind: 'increasing' });
  });

  it.each([
    [{ leadTime: '1 hour' }, 'goldenPath.metrics.targets.leadTime'],
    [{ adoption: 80 }, 'goldenPath.metrics.targets.adoption'],
    [{ ticketVolume: 'down' }, 'goldenPath.metrics.targets.ticketVolume'],
  ])('refuses the metric target %j, naming %s', (targets, key) => {
    expect(() =>
      readGoldenPathConfig(
        new ConfigReader({ goldenPath: { metrics: { targets } } }),
      ),
    ).toThrow(`Invalid golden-path configuration at ${key}`);
  });

  it('reads the survey and ticket settings', () => {
    const settings = readGoldenPathConfig(
      new ConfigReader({
        goldenPath: {
          surveys: {
            minGroupSize: 3,
            ratingPromptHours: 0,
            respondentKeySecret: 'x'.repeat(32),
          },
          tickets: { retentionDays: 90 },
        },
      }),
    );
    expect(settings.surveys).toEqual({
      minGroupSize: 3,
      ratingPromptHours: 0,
      respondentKeySecret: 'x'.repeat(32),
    });
    expect(settings.tickets).toEqual({ retentionDays: 90 });
  });

  it.each([
    [{ surveys: { minGroupSize: 0 } }, 'goldenPath.surveys.minGroupSize'],
    [{ surveys: { minGroupSize: 2.5 } }, 'goldenPath.surveys.minGroupSize'],
    [{ tickets: { retentionDays: -1 } }, 'goldenPath.tickets.retentionDays'],
    [
      { surveys: { respondentKeySecret: 'short' } },
      'goldenPath.surveys.respondentKeySecret',
    ],
  ])('refuses %j, naming %s', (goldenPath, key) => {
    expect(() =>
      readGoldenPathConfig(new ConfigReader({ goldenPath })),
    ).toThrow(`Invalid golden-path configuration at ${key}`);
  });

  const second = (check: Record<string, unknown>) => ({
    paths: [
      nodeService,
      {
        ...nodeService,
        id: 'python-service',
        checks: [nodeService.checks[0], { ...nodeService.checks[1], ...check }],
      },
    ],
  });

  it.each([
    [
      'an invalid predicate',
      second({ predicate: { $all: 'no' } }),
      'goldenPath.paths[1].checks[1].predicate',
    ],
    [
      'a missing predicate',
      second({ predicate: undefined }),
      'goldenPath.paths[1].checks[1].predicate',
    ],
    [
      'an unknown level',
      second({ level: 'platinum' }),
      'goldenPath.paths[1].checks[1].level',
    ],
    [
      'a zero weight',
      second({ weight: 0 }),
      'goldenPath.paths[1].checks[1].weight',
    ],
    [
      'a duplicate check id',
      second({ id: 'owned-by-team' }),
      'goldenPath.paths[1].checks[1].id',
    ],
    [
      'a malformed id',
      second({ id: 'Has Docs' }),
      'goldenPath.paths[1].checks[1].id',
    ],
    [
      'a duplicate path id',
      { paths: [nodeService, nodeService] },
      'goldenPath.paths[1].id',
    ],
    [
      'a version that is not semver',
      { paths: [{ ...nodeService, latestVersion: 'latest' }] },
      'goldenPath.paths[0].latestVersion',
    ],
    [
      'a malformed template ref',
      { paths: [{ ...nodeService, templates: ['template:default/'] }] },
      'goldenPath.paths[0].templates[0]',
    ],
    [
      'a missing appliesTo',
      { paths: [{ ...nodeService, appliesTo: undefined }] },
      'goldenPath.paths[0].appliesTo',
    ],
    [
      'a duplicate level',
      { levels: ['bronze', 'bronze'] },
      'goldenPath.levels[1]',
    ],
    [
      'a retention under a day',
      { history: { retentionDays: 0 } },
      'goldenPath.history.retentionDays',
    ],
  ])('names the key for %s', (_title, goldenPath, key) => {
    expect(() => read(goldenPath)).toThrow(
      `Invalid golden-path configuration at ${key}:`,
    );
  });

  it('reads fact sources and their declared fields', () => {
    const settings = read({
      factSources: [
        {
          id: 'ci',
          maxAgeDays: 14,
          fields: {
            coverage: { type: 'number', min: 0, max: 100 },
            scanPassed: { type: 'boolean' },
            tier: { type: 'string', values: ['critical', 'standard'] },
          },
        },
      ],
    });
    expect(settings.factSources).toEqual([
      {
        id: 'ci',
        maxAgeDays: 14,
        fields: {
          coverage: { type: 'number', min: 0, max: 100 },
          scanPassed: { type: 'boolean' },
          tier: { type: 'string', values: ['critical', 'standard'] },
        },
      },
    ]);
  });

  it.each([
    [
      'a field of an unknown type',
      { id: 'ci', fields: { coverage: { type: 'percent' } } },
      'goldenPath.factSources[0].fields.coverage.type',
    ],
    [
      'a reserved source id',
      { id: 'catalog', fields: {} },
      'goldenPath.factSources[0].id',
    ],
    [
      'a bad field name',
      { id: 'ci', fields: { 'code-coverage': { type: 'number' } } },
      'goldenPath.factSources[0].fields.code-coverage',
    ],
    [
      'a non-positive maximum age',
      { id: 'ci', maxAgeDays: 0, fields: {} },
      'goldenPath.factSources[0].maxAgeDays',
    ],
  ])('names the key for %s in a fact source', (_title, source, key) => {
    expect(() => read({ factSources: [source] })).toThrow(
      `Invalid golden-path configuration at ${key}:`,
    );
  });

  it('names the key of a value of the wrong type', () => {
    expect(() => read(second({ title: 42 }))).toThrow(
      'goldenPath.paths[1].checks[1].title',
    );
  });
});
