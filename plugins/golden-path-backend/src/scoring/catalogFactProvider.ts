import {
  Entity,
  parseEntityRef,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import { FactProvider } from '@golden-path/plugin-golden-path-node';
import { ownerRefOf } from './ownerRef';

function ownerKind(entity: Entity): string | undefined {
  const ref = ownerRefOf(entity);
  return ref ? parseEntityRef(ref).kind : undefined;
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
      entities.map(entity => [entityRefKey(entity), catalogFacts(entity)]),
    );
  },
};
