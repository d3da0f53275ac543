import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createCatalogWriteAction } from '@backstage/plugin-scaffolder-backend';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'yaml';
import { createTagAction } from './tag';
import { examples } from './tag.examples';

const catalogInfo = `# Created by the node-service template
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-api # keep this name
  description: Checkout
spec:
  type: service
  owner: group:default/payments
  lifecycle: experimental
`;

type TemplateInfo = {
  entityRef: string;
  entity: { metadata: { name: string; annotations?: Record<string, string> } };
};

const nodeServiceTemplate: TemplateInfo = {
  entityRef: 'template:default/node-service',
  entity: {
    metadata: {
      name: 'node-service',
      annotations: { 'backstage.io/template-version': '1.4.0' },
    },
  },
};

const goldenPaths = [
  { id: 'node-service', templates: ['template:default/node-service'] },
  // A ref without kind and namespace, in another case: still matches.
  { id: 'python-service', templates: ['Python-Service'] },
  { id: 'static-site', templates: ['template:default/static-site'] },
];

function configWith(paths?: object[]) {
  return mockServices.rootConfig({
    data: paths ? { goldenPath: { paths } } : {},
  });
}

describe('golden-path:tag', () => {
  const workspace = createMockDirectory();
  const action = createTagAction({ config: configWith(goldenPaths) });

  beforeEach(() => workspace.clear());

  const read = (filePath = 'catalog-info.yaml') =>
    readFileSync(join(workspace.path, filePath), 'utf8');

  function context(
    input: Record<string, unknown>,
    templateInfo: TemplateInfo = nodeServiceTemplate,
  ) {
    return createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
      templateInfo,
    });
  }

  function outputsOf(ctx: ReturnType<typeof context>) {
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  it('writes the annotations, keeping comments and key order', async () => {
    workspace.setContent({ 'catalog-info.yaml': catalogInfo });
    const ctx = context({ path: 'node-service' });

    await action.handler(ctx);

    const written = read();
    expect(written).toContain('# Created by the node-service template');
    expect(written).toContain('name: checkout-api # keep this name');
    expect(written.indexOf('description:')).toBeLessThan(
      written.indexOf('annotations:'),
    );
    expect(written.indexOf('annotations:')).toBeLessThan(
      written.indexOf('spec:'),
    );
    expect(yaml.parse(written).metadata.annotations).toEqual({
      'golden-path.io/path': 'node-service',
      'backstage.io/template-version': '1.4.0',
      'backstage.io/source-template': 'template:default/node-service',
    });
    expect(outputsOf(ctx)).toEqual({
      annotations: {
        'golden-path.io/path': 'node-service',
        'backstage.io/template-version': '1.4.0',
        'backstage.io/source-template': 'template:default/node-service',
      },
      entityRef: 'component:default/checkout-api',
    });
  });

  it('keeps an existing source-template and existing annotations', async () => {
    workspace.setContent({
      'catalog-info.yaml': catalogInfo.replace(
        '  description: Checkout\n',
        '  description: Checkout\n  annotations:\n    backstage.io/source-template: template:platform/node-service\n    github.com/project-slug: acme/checkout\n',
      ),
    });

    await action.handler(context({ path: 'node-service', version: '2.0.0' }));

    const annotations = yaml.parse(read()).metadata.annotations;
    expect(annotations).toEqual({
      'backstage.io/source-template': 'template:platform/node-service',
      'github.com/project-slug': 'acme/checkout',
      'golden-path.io/path': 'node-service',
      'backstage.io/template-version': '2.0.0',
    });
  });

  describe('path from goldenPath.paths', () => {
    it('uses the path that lists the running template when no path is given', async () => {
      workspace.setContent({ 'catalog-info.yaml': catalogInfo });
      const ctx = context({});

      await action.handler(ctx);

      expect(
        yaml.parse(read()).metadata.annotations['golden-path.io/path'],
      ).toBe('node-service');
      expect(outputsOf(ctx).annotations['golden-path.io/path']).toBe(
        'node-service',
      );
    });

    it('matches a short ref in the config case-insensitively', async () => {
      workspace.setContent({ 'catalog-info.yaml': catalogInfo });

      await action.handler(
        context(
          {},
          {
            entityRef: 'template:default/python-service',
            entity: { metadata: { name: 'python-service' } },
          },
        ),
      );

      expect(
        yaml.parse(read()).metadata.annotations['golden-path.io/path'],
      ).toBe('python-service');
    });

    it('fails when no path lists the template and leaves the file untouched', async () => {
      workspace.setContent({ 'catalog-info.yaml': catalogInfo });

      await expect(
        action.handler(
          context(
            {},
            {
              entityRef: 'template:default/go-service',
              entity: { metadata: { name: 'go-service' } },
            },
          ),
        ),
      ).rejects.toThrow(
        "golden-path:tag: template 'template:default/go-service' is not listed under any golden path (goldenPath.paths[].templates); set 'path' or list the template under exactly one path",
      );
      expect(read()).toBe(catalogInfo);
    });

    it('fails when more than one path lists the template', async () => {
      workspace.setContent({ 'catalog-info.yaml': catalogInfo });
      const ambiguous = createTagAction({
        config: configWith([
          ...goldenPaths,
          { id: 'node-service-legacy', templates: ['node-service'] },
        ]),
      });

      await expect(ambiguous.handler(context({}))).rejects.toThrow(
        "golden-path:tag: template 'template:default/node-service' is listed under more than one golden path ('node-service', 'node-service-legacy'); set 'path' or list the template under exactly one path",
      );
    });

    it('fails for an unknown path id, listing the known ones', async () => {
      workspace.setContent({ 'catalog-info.yaml': catalogInfo });

      await expect(
        action.handler(context({ path: 'go-service' })),
      ).rejects.toThrow(
        "golden-path:tag: unknown golden path 'go-service'; the configured paths are 'node-service', 'python-service', 'static-site'",
      );
    });

    it('accepts any path when no golden paths are configured', async () => {
      workspace.setContent({ 'catalog-info.yaml': catalogInfo });
      const unconfigured = createTagAction({ config: configWith() });

      await unconfigured.handler(context({ path: 'go-service' }));

      expect(
        yaml.parse(read()).metadata.annotations['golden-path.io/path'],
      ).toBe('go-service');
    });

    it('asks for a path when none is given and none are configured', async () => {
      workspace.setContent({ 'catalog-info.yaml': catalogInfo });
      const unconfigured = createTagAction({ config: configWith() });

      await expect(unconfigured.handler(context({}))).rejects.toThrow(
        "golden-path:tag: no 'path' input and no golden paths in the config (goldenPath.paths); set 'path'",
      );
    });

    it('refuses a malformed template ref in the config', () => {
      expect(() =>
        createTagAction({
          config: configWith([
            { id: 'broken', templates: ['template:default/'] },
          ]),
        }),
      ).toThrow("goldenPath.paths 'broken' lists an invalid template ref");
    });
  });

  it('tags every entity of a multi-document file, leaves other documents untouched and outputs the first entity', async () => {
    const configDocument = '# not an entity\njust: a config document\n';
    const api = `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: checkout-openapi
  namespace: Payments
spec:
  type: openapi
`;
    workspace.setContent({
      'catalog-info.yaml': `${configDocument}---\n${api}---\n${catalogInfo}`,
    });
    const ctx = context({ path: 'node-service' });

    await action.handler(ctx);

    const written = read();
    expect(written.startsWith(`${configDocument}---\n`)).toBe(true);
    const values = yaml.parseAllDocuments(written).map(doc => doc.toJS());
    expect(values).toHaveLength(3);
    expect(values[0]).toEqual({ just: 'a config document' });
    expect(values[1].metadata.annotations['golden-path.io/path']).toBe(
      'node-service',
    );
    expect(values[2].metadata.annotations['golden-path.io/path']).toBe(
      'node-service',
    );
    expect(written).toContain('# Created by the node-service template');
    expect(outputsOf(ctx).entityRef).toBe('api:payments/checkout-openapi');
  });

  it('is idempotent: a resumed task running it twice writes the same file and outputs', async () => {
    workspace.setContent({ 'catalog-info.yaml': catalogInfo });
    const first = context({});
    await action.handler(first);
    const once = read();

    const second = context({});
    await action.handler(second);

    expect(read()).toBe(once);
    expect(outputsOf(second)).toEqual(outputsOf(first));
  });

  it('tags the dry-run workspace as a real run would', async () => {
    workspace.setContent({ 'catalog-info.yaml': catalogInfo });
    const real = context({});
    await action.handler(real);
    const tagged = read();

    workspace.setContent({ 'catalog-info.yaml': catalogInfo });
    const dryRun = {
      ...context(
        {},
        {
          ...nodeServiceTemplate,
          // What the template editor's dry run passes for every template.
          entityRef: 'template:default/dry-run',
        },
      ),
      isDryRun: true,
    };
    await action.handler(dryRun);

    expect(read()).toBe(tagged);
    expect(outputsOf(dryRun)).toEqual(outputsOf(real));
  });

  it('fails with a clear message when the file is missing', async () => {
    await expect(
      action.handler(context({ path: 'node-service' })),
    ).rejects.toThrow(
      "golden-path:tag: no file 'catalog-info.yaml' in the workspace",
    );
  });

  it('fails with a clear message for invalid YAML and leaves the file untouched', async () => {
    const broken = 'kind: Component\nmetadata: [unclosed\n';
    workspace.setContent({ 'catalog-info.yaml': broken });

    await expect(
      action.handler(context({ path: 'node-service' })),
    ).rejects.toThrow("golden-path:tag: 'catalog-info.yaml' is not valid YAML");
    expect(read()).toBe(broken);
  });

  it('fails when the file holds no entity', async () => {
    workspace.setContent({
      'catalog-info.yaml': 'name: not-an-entity\n---\nkind: Component\n',
    });

    await expect(
      action.handler(context({ path: 'node-service' })),
    ).rejects.toThrow("golden-path:tag: 'catalog-info.yaml' holds no entity");
  });

  it('refuses a file path outside the workspace', async () => {
    await expect(
      action.handler(
        context({ path: 'node-service', filePath: '../etc/passwd' }),
      ),
    ).rejects.toThrow(/outside/);
  });

  it.each(examples.map(example => [example.description, example]))(
    'runs the documented example: %s',
    async (_description, example) => {
      const actions: Record<string, TemplateAction<any, any, any>> = {
        'catalog:write': createCatalogWriteAction(),
        'golden-path:tag': action,
      };
      const steps: { action: string; input?: Record<string, unknown> }[] =
        yaml.parse(example.example).steps;
      const tag = steps.find(step => step.action === 'golden-path:tag')!;
      const filePath = (tag.input?.filePath as string) ?? 'catalog-info.yaml';
      if (!steps.some(step => step.action === 'catalog:write')) {
        workspace.setContent({ [filePath]: catalogInfo });
      }

      let tagContext: ReturnType<typeof context> | undefined;
      for (const step of steps) {
        const ctx = context(step.input ?? {});
        await actions[step.action].handler(ctx);
        if (step === tag) {
          tagContext = ctx;
        }
      }

      const annotations = yaml.parse(read(filePath)).metadata.annotations;
      expect(annotations).toEqual({
        'backstage.io/source-template': 'template:default/node-service',
        'golden-path.io/path': tag.input?.path ?? 'node-service',
        'backstage.io/template-version': tag.input?.version ?? '1.4.0',
      });
      expect(outputsOf(tagContext!)).toEqual({
        annotations,
        entityRef: 'component:default/checkout-api',
      });
    },
  );
});
