import { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { templateRefKey } from '@golden-path/plugin-golden-path-common';

/** A golden path as far as the tag action needs it. */
export type PathTemplates = {
  id: string;
  /** Template ref keys (`templateRefKey`). */
  templates: string[];
};

/**
 * Reads `goldenPath.paths[].id` and `.templates` only; the golden-path
 * backend validates the rest of each path.
 */
export function readPathTemplates(config: RootConfigService): PathTemplates[] {
  return (config.getOptionalConfigArray('goldenPath.paths') ?? []).map(path => {
    const id = path.getString('id');
    const templates = (path.getOptionalStringArray('templates') ?? []).map(
      ref => {
        try {
          return templateRefKey(ref);
        } catch (error) {
          throw new Error(
            `goldenPath.paths '${id}' lists an invalid template ref '${ref}': ${error}`,
          );
        }
      },
    );
    return { id, templates };
  });
}

/**
 * The golden path an entity is tagged with: the `path` input when given
 * (checked against the configured ids, if any), otherwise the one path that
 * lists the template.
 */
export function resolvePath(options: {
  actionId: string;
  paths: PathTemplates[];
  path?: string;
  templateRef?: string;
}): string {
  const { actionId, paths, path, templateRef } = options;
  if (path) {
    if (paths.length > 0 && !paths.some(p => p.id === path)) {
      throw new InputError(
        `${actionId}: unknown golden path '${path}'; the configured paths are ${paths
          .map(p => `'${p.id}'`)
          .join(', ')}`,
      );
    }
    return path;
  }

  if (!templateRef) {
    throw new InputError(
      `${actionId}: no 'path' input and no template ref to look one up by; set 'path'`,
    );
  }
  let key: string;
  try {
    key = templateRefKey(templateRef);
  } catch {
    throw new InputError(
      `${actionId}: '${templateRef}' is not a template ref; set 'path' or a valid 'templateRef'`,
    );
  }
  const matches = paths.filter(p => p.templates.includes(key));
  if (matches.length === 0) {
    throw new InputError(
      paths.length === 0
        ? `${actionId}: no 'path' input and no golden paths in the config (goldenPath.paths); set 'path'`
        : `${actionId}: template '${key}' is not listed under any golden path (goldenPath.paths[].templates); set 'path' or list the template under exactly one path`,
    );
  }
  if (matches.length > 1) {
    throw new InputError(
      `${actionId}: template '${key}' is listed under more than one golden path (${matches
        .map(p => `'${p.id}'`)
        .join(
          ', ',
        )}); set 'path' or list the template under exactly one path in goldenPath.paths[].templates`,
    );
  }
  return matches[0].id;
}
