import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Write the entity with catalog:write, then tag it in place with the golden path goldenPath.paths maps the template to, and report its ref',
    example: yaml.stringify({
      steps: [
        {
          id: 'write',
          action: 'catalog:write',
          name: 'Write catalog-info.yaml',
          input: {
            entity: {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'checkout-api',
                description: 'Checkout',
              },
              spec: {
                type: 'service',
                lifecycle: 'experimental',
                owner: 'group:default/payments',
              },
            },
          },
        },
        {
          id: 'tag',
          action: 'golden-path:tag',
          name: 'Tag golden-path adoption',
        },
      ],
      output: {
        entityRef: '${{ steps.tag.output.entityRef }}',
      },
    }),
  },
  {
    description:
      'Tag the catalog-info.yaml in the workspace as adopting a named golden path',
    example: yaml.stringify({
      steps: [
        {
          id: 'tag',
          action: 'golden-path:tag',
          name: 'Tag golden-path adoption',
          input: { path: 'node-service' },
        },
      ],
    }),
  },
  {
    description:
      'Tag an entity file elsewhere in the workspace with an explicit path and template version',
    example: yaml.stringify({
      steps: [
        {
          id: 'tag',
          action: 'golden-path:tag',
          name: 'Tag golden-path adoption',
          input: {
            path: 'python-service',
            version: '2.1.0',
            filePath: 'service/catalog-info.yaml',
          },
        },
      ],
    }),
  },
];
