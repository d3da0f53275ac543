import type { FilterPredicate } from '@backstage/filter-predicates';

function visit(predicate: unknown, found: Set<string>) {
  if (typeof predicate !== 'object' || predicate === null) {
    return;
  }
  if (Array.isArray(predicate)) {
    predicate.forEach(item => visit(item, found));
    return;
  }
  for (const [key, value] of Object.entries(predicate)) {
    if (key.startsWith('facts.')) {
      const provider = key.split('.')[1];
      if (provider) {
        found.add(provider);
      }
    }
    // $all / $any / $not and $contains hold nested predicates; a $contains
    // predicate applies to array items, whose paths are not entity paths.
    if (key === '$all' || key === '$any' || key === '$not') {
      visit(value, found);
    }
  }
}

/**
 * The fact providers a predicate reads (`facts.<provider>.…` paths), so that a
 * check whose provider has no facts for an entity is `unknown` rather than
 * failed.
 *
 * @public
 */
export function factProvidersOf(predicate: FilterPredicate): string[] {
  const found = new Set<string>();
  visit(predicate, found);
  return [...found].sort();
}
