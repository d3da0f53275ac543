import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { RELATION_PARENT_OF } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

// A bound on the groups one rollup walks, against pathological hierarchies.
const MAX_GROUPS = 5000;

/**
 * The group and all groups below it (following `parentOf` relations, cycle
 * safe), as lower-case refs, looked up as the caller.
 */
export async function groupWithDescendants(
  catalog: CatalogService,
  groupRef: string,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const seen = new Set<string>([groupRef]);
  let frontier = [groupRef];
  while (frontier.length > 0 && seen.size < MAX_GROUPS) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: frontier,
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      },
      { credentials },
    );
    const next: string[] = [];
    for (const group of items) {
      for (const relation of group?.relations ?? []) {
        const child = relation.targetRef.toLocaleLowerCase('en-US');
        if (relation.type === RELATION_PARENT_OF && !seen.has(child)) {
          seen.add(child);
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  return [...seen].sort();
}
