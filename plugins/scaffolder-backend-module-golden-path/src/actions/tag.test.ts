import { createMockDirectory } from '@backstage/backend-test-utils';
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

const templateInfo = {
  entityRef: 'template:default/node-service',
  entity: {
    metadata: {
      name: 'node-service',
      annotations: { 'backstage.io/template-version': '1.4.0' },
    },
  },
};

describe('golden-path:tag', () => {
  const workspace = createMockDirectory();
  const action = createTagAction();

  beforeEach(() => workspace.clear());

  const read = (filePath = 'catalog-info.yaml') =>
    readFileSync(join(workspace.path, filePath), 'utf8');

  function context(input: Record<string, unknown>) {
    return createMockActionContext({
      input: { filePath: 'catalog-info.yaml', ...input } as any,
      workspacePath: workspace.path,
      templateInfo,
    });
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
    expect(yaml.parse(written).metadata.annotations).toEqual({
      'golden-path.io/path': 'node-service',
      'backstage.io/template-version': '1.4.0',
      'backstage.io/source-template': 'template:default/node-service',
    });
    expect(ctx.output).toHaveBeenCalledWith('annotations', {
      'golden-path.io/path': 'node-service',
      'backstage.io/template-version': '1.4.0',
      'backstage.io/source-template': 'template:default/node-service',
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

  it('tags every entity of a multi-document file and leaves other documents alone', async () => {
    workspace.setContent({
      'catalog-info.yaml': `${catalogInfo}---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: checkout-api
spec:
  type: openapi
---
just: a config document
`,
    });

    await action.handler(context({ path: 'node-service' }));

    const docs = yaml.parseAllDocuments(read());
    const values = docs.map(doc => doc.toJS());
    expect(values).toHaveLength(3);
    expect(values[0].metadata.annotations['golden-path.io/path']).toBe(
      'node-service',
    );
    expect(values[1].metadata.annotations['golden-path.io/path']).toBe(
      'node-service',
    );
    expect(values[2]).toEqual({ just: 'a config document' });
  });

  it('is idempotent: a resumed task running it twice writes the same file', async () => {
    workspace.setContent({ 'catalog-info.yaml': catalogInfo });
    await action.handler(context({ path: 'node-service' }));
    const once = read();

    await action.handler(context({ path: 'node-service' }));

    expect(read()).toBe(once);
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
    workspace.setContent({ 'catalog-info.yaml': 'name: not-an-entity\n' });

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
      const step = yaml.parse(example.example).steps[0];
      const filePath = step.input.filePath ?? 'catalog-info.yaml';
      workspace.setContent({ [filePath]: catalogInfo });

      await action.handler(context(step.input));

      const annotations = yaml.parse(read(filePath)).metadata.annotations;
      expect(annotations['golden-path.io/path']).toBe(step.input.path);
      expect(annotations['backstage.io/template-version']).toBe(
        step.input.version ?? '1.4.0',
      );
    },
  );
});
