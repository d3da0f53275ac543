import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'yaml';
import { scaffolderModuleGoldenPath } from './module';

const repoRoot = join(__dirname, '../../..');
const templatesDir = join(repoRoot, 'examples/templates');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : [join(dir, entry.name)],
  );
}

const values = {
  name: 'checkout-api',
  description: 'Takes the customer through checkout',
  owner: 'group:default/payments',
  system: 'system:default/payments',
  lifecycle: 'experimental',
};

// Runs each example template through the scaffolder's dry run, the way the
// template editor does: no git host, no network, the example app's paths.
describe('example templates', () => {
  const { goldenPath } = yaml.parse(
    readFileSync(join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGoldenPath,
        mockServices.rootConfig.factory({
          data: { goldenPath: { paths: goldenPath.paths } },
        }),
      ],
    });
  });

  afterAll(() => backend.stop());

  it.each(readdirSync(templatesDir))('%s runs end to end', async name => {
    const dir = join(templatesDir, name);
    const template = yaml.parse(
      readFileSync(join(dir, 'template.yaml'), 'utf8'),
    );
    const files = filesUnder(dir).filter(
      file => !file.endsWith('template.yaml'),
    );
    expect(files.map(file => relative(dir, file))).not.toContain(
      'content/catalog-info.yaml',
    );

    const response = await fetch(
      `http://localhost:${backend.server.port()}/api/scaffolder/v2/dry-run`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.service.header(),
        },
        body: JSON.stringify({
          template,
          values: Object.fromEntries(
            Object.entries(values).filter(
              ([key]) => key in template.spec.parameters[0].properties,
            ),
          ),
          directoryContents: files.map(file => ({
            path: relative(dir, file),
            base64Content: readFileSync(file).toString('base64'),
          })),
        }),
      },
    );
    const result = await response.json();
    expect(result.error).toBeUndefined();
    expect(response.status).toBe(200);

    const outputFiles: Record<string, string> = Object.fromEntries(
      result.directoryContents.map(
        (file: { path: string; base64Content: string }) => [
          file.path,
          Buffer.from(file.base64Content, 'base64').toString('utf8'),
        ],
      ),
    );
    for (const content of Object.values(outputFiles)) {
      expect(content).not.toContain('${{');
    }
    const entity = yaml.parse(outputFiles['catalog-info.yaml']);
    const path = goldenPath.paths.find((p: { templates: string[] }) =>
      p.templates.includes(`template:default/${name}`),
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout-api',
        description: 'Takes the customer through checkout',
        annotations: {
          // What catalog:write records in a dry run.
          'backstage.io/source-template': 'template:default/dry-run',
          'backstage.io/template-version':
            template.metadata.annotations['backstage.io/template-version'],
          'golden-path.io/path': path.id,
        },
      },
      spec: expect.objectContaining({
        type: path.appliesTo['spec.type'],
        lifecycle: 'experimental',
        owner: 'group:default/payments',
      }),
    });
    expect(result.output.entityRef).toBe('component:default/checkout-api');
    expect(result.output.text[0].content).toContain(path.id);
  });
});
