import {
  resolveSafeChildPath,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_SOURCE_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  entityRefKey,
} from '@golden-path/plugin-golden-path-common';
import { promises as fs } from 'node:fs';
import { Document, isMap, parseAllDocuments } from 'yaml';
import { readPathTemplates, resolvePath } from './paths';
import { examples } from './tag.examples';

export const TAG_ACTION_ID = 'golden-path:tag';

function isEntityDocument(doc: Document): boolean {
  return (
    typeof doc.get('kind') === 'string' &&
    isMap(doc.get('metadata')) &&
    typeof doc.getIn(['metadata', 'name']) === 'string'
  );
}

function entityRefOf(doc: Document): string {
  const namespace = doc.getIn(['metadata', 'namespace']);
  return entityRefKey({
    kind: doc.get('kind') as string,
    namespace: typeof namespace === 'string' ? namespace : 'default',
    name: doc.getIn(['metadata', 'name']) as string,
  });
}

function runningTemplateRef(
  ctx: Pick<ActionContext<{}>, 'isDryRun' | 'templateInfo'>,
): string | undefined {
  const metadata = ctx.templateInfo?.entity?.metadata;
  // A dry run from the template editor names every template
  // template:default/dry-run; its metadata still carries the real name.
  if (ctx.isDryRun && metadata?.name) {
    return `template:${metadata.namespace ?? 'default'}/${metadata.name}`;
  }
  return ctx.templateInfo?.entityRef;
}

async function readWorkspaceFile(path: string, filePath: string) {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(
        `${TAG_ACTION_ID}: no file '${filePath}' in the workspace; write it first (fetch:template or catalog:write) or set 'filePath'`,
      );
    }
    throw error;
  }
}

/**
 * Creates the `golden-path:tag` action, which marks the entities a template
 * creates as adopting a golden path: it writes `backstage.io/source-template`
 * (when missing), `backstage.io/template-version` and `golden-path.io/path`
 * into the entity file in the workspace, keeping its comments, key order and
 * other documents, and outputs the annotations for templates that build the
 * entity with `catalog:write` instead, plus the ref of the first entity.
 * Without a `path` input the path is the one `goldenPath.paths` maps the
 * template to.
 *
 * @public
 */
export function createTagAction(options: { config: RootConfigService }) {
  const paths = readPathTemplates(options.config);
  return createTemplateAction({
    id: TAG_ACTION_ID,
    description:
      'Tags the entities in a workspace file as adopting a golden path (template, version and path annotations)',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string({
              description:
                'Id of the golden path the entity adopts; defaults to the path goldenPath.paths maps the template to',
            })
            .min(1)
            .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, {
              message:
                'must be lower-case letters and digits separated by - _ or .',
            })
            .optional(),
        version: z =>
          z
            .string({
              description:
                "Template version; defaults to the template's backstage.io/template-version annotation",
            })
            .optional(),
        templateRef: z =>
          z
            .string({
              description:
                'Ref of the template the entity came from, written when the entity names none and used to look up the path; defaults to the running template',
            })
            .optional(),
        // Not .default(): the scaffolder checks inputs against the JSON
        // schema and hands them over without zod's defaults.
        filePath: z =>
          z
            .string({
              description:
                'Entity file, relative to the workspace; defaults to catalog-info.yaml',
            })
            .optional(),
      },
      output: {
        annotations: z =>
          z.record(z.string(), z.string(), {
            description:
              'The golden-path annotations, to merge into an entity built with catalog:write',
          }),
        entityRef: z =>
          z.string({
            description:
              'Ref of the first entity tagged (kind:namespace/name, lower-case), for the template output',
          }),
      },
    },
    async handler(ctx) {
      const filePath = ctx.input.filePath ?? 'catalog-info.yaml';
      const templateRef = ctx.input.templateRef ?? runningTemplateRef(ctx);
      const path = resolvePath({
        actionId: TAG_ACTION_ID,
        paths,
        path: ctx.input.path,
        templateRef,
      });
      const version =
        ctx.input.version ??
        ctx.templateInfo?.entity?.metadata.annotations?.[
          ANNOTATION_TEMPLATE_VERSION
        ];

      const target = resolveSafeChildPath(ctx.workspacePath, filePath);
      const text = await readWorkspaceFile(target, filePath);
      const documents = parseAllDocuments(text);
      if (!Array.isArray(documents)) {
        throw new InputError(`${TAG_ACTION_ID}: '${filePath}' is empty`);
      }
      for (const doc of documents) {
        if (doc.errors.length > 0) {
          throw new InputError(
            `${TAG_ACTION_ID}: '${filePath}' is not valid YAML: ${doc.errors[0].message}`,
          );
        }
      }
      const entities = documents.filter(isEntityDocument);
      if (entities.length === 0) {
        throw new InputError(
          `${TAG_ACTION_ID}: '${filePath}' holds no entity (a document with kind and metadata.name)`,
        );
      }

      const annotations: Record<string, string> = {
        [ANNOTATION_GOLDEN_PATH]: path,
      };
      if (version) {
        annotations[ANNOTATION_TEMPLATE_VERSION] = version;
      }
      for (const doc of entities) {
        const existingSource = doc.getIn([
          'metadata',
          'annotations',
          ANNOTATION_SOURCE_TEMPLATE,
        ]);
        if (!existingSource && templateRef) {
          doc.setIn(
            ['metadata', 'annotations', ANNOTATION_SOURCE_TEMPLATE],
            templateRef,
          );
        }
        for (const [key, value] of Object.entries(annotations)) {
          doc.setIn(['metadata', 'annotations', key], value);
        }
      }
      const source =
        (entities[0].getIn([
          'metadata',
          'annotations',
          ANNOTATION_SOURCE_TEMPLATE,
        ]) as string | undefined) ?? templateRef;
      if (source) {
        annotations[ANNOTATION_SOURCE_TEMPLATE] = source;
      }

      // Written on every attempt, not in a checkpoint: a resumed task may
      // rebuild the workspace, and the write is idempotent.
      await fs.writeFile(
        target,
        documents.map(doc => doc.toString()).join(''),
        'utf8',
      );
      ctx.logger.info(
        `Tagged ${entities.length} entit${
          entities.length === 1 ? 'y' : 'ies'
        } in ${filePath} as adopting golden path '${path}'`,
      );
      ctx.output('annotations', annotations);
      ctx.output('entityRef', entityRefOf(entities[0]));
    },
  });
}
