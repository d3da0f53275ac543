import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Tag the catalog-info.yaml written by fetch:template as adopting a golden path',
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
      'Tag an entity file elsewhere in the workspace with an explicit template version',
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
