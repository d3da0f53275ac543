import {
  Entity,
  parseEntityRef,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { FactProvider } from '@golden-path/plugin-golden-path-node';

function ownerKind(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  const ref = relation?.targetRef ?? entity.spec?.owner;
  if (typeof ref !== 'string' || !ref) {
    return undefined;
  }
  try {
    return parseEntityRef(ref, { defaultKind: 'group' }).kind.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}

const count = (entity: Entity, type: string) =>
  entity.relations?.filter(r => r.type === type).length ?? 0;

/** Facts every catalog has, read from the entity itself. */
export function catalogFacts(entity: Entity): JsonObject {
  const annotations = entity.metadata.annotations ?? {};
  const kind = ownerKind(entity);
  return {
    hasOwner: kind !== undefined,
    ownerIsGroup: kind === 'group',
    hasSystem:
      typeof entity.spec?.system === 'string' && entity.spec.system !== '',
    hasDescription: !!entity.metadata.description?.trim(),
    hasDocs: 'backstage.io/techdocs-ref' in annotations,
    hasSourceLocation: 'backstage.io/source-location' in annotations,
    lifecycle:
      typeof entity.spec?.lifecycle === 'string' ? entity.spec.lifecycle : null,
    linkCount: entity.metadata.links?.length ?? 0,
    tagCount: entity.metadata.tags?.length ?? 0,
    relationCount: entity.relations?.length ?? 0,
    dependsOnCount: count(entity, RELATION_DEPENDS_ON),
    providesApiCount: count(entity, RELATION_PROVIDES_API),
    consumesApiCount: count(entity, RELATION_CONSUMES_API),
  };
}

/** The built-in `catalog` fact provider: `facts.catalog.ownerIsGroup`, ... */
export const catalogFactProvider: FactProvider = {
  id: 'catalog',
  async getFacts(entities) {
    return new Map(
      entities.map(entity => [
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        catalogFacts(entity),
      ]),
    );
  },
};
