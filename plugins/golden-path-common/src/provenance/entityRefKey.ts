import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The lower-case entity ref by which the suite stores and compares entities.
 * Throws for a string that is not an entity ref.
 *
 * @public
 */
export function entityRefKey(
  ref: Entity | CompoundEntityRef | string,
  defaults?: { defaultKind?: string; defaultNamespace?: string },
): string {
  return stringifyEntityRef(
    typeof ref === 'string' ? parseEntityRef(ref, defaults) : ref,
  ).toLocaleLowerCase('en-US');
}

/**
 * A template ref as the suite stores it: kind `template` and namespace
 * `default` unless given, lower-case. Throws for a malformed ref.
 *
 * @public
 */
export function templateRefKey(ref: string): string {
  return entityRefKey(ref, {
    defaultKind: 'template',
    defaultNamespace: 'default',
  });
}
