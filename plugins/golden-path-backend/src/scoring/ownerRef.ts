import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';

/**
 * The entity's owner as a lower-case ref: the catalog's `ownedBy` relation,
 * or `spec.owner` (a group unless it says otherwise, in the entity's
 * namespace) where the entity was not processed; `null` for none.
 */
export function ownerRefOf(entity: Entity): string | null {
  const owner =
    entity.relations?.find(r => r.type === RELATION_OWNED_BY)?.targetRef ??
    entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) {
    return null;
  }
  try {
    return entityRefKey(owner, {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
  } catch {
    return null;
  }
}
