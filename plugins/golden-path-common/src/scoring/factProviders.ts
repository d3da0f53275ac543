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
    // $all / $any / $not hold nested predicates; a $contains predicate
    // applies to array items, whose paths are not entity paths.
    if (key === '$all' || key === '$any' || key === '$not') {
      visit(value, found);
    } else if (!key.startsWith('$')) {
      found.add(key);
    }
  }
}

/**
 * The entity and fact paths a predicate reads (`spec.lifecycle`,
 * `facts.catalog.hasDocs`), in order of first appearance: what a developer
 * needs to see to understand a check's verdict.
 *
 * @public
 */
export function predicateFields(predicate: FilterPredicate): string[] {
  const found = new Set<string>();
  visit(predicate, found);
  return [...found];
}

/**
 * The fact providers a predicate reads (`facts.<provider>.…` paths), so that a
 * check whose provider has no facts for an entity is `unknown` rather than
 * failed.
 *
 * @public
 */
export function factProvidersOf(predicate: FilterPredicate): string[] {
  const providers = predicateFields(predicate)
    .filter(field => field.startsWith('facts.'))
    .map(field => field.split('.')[1])
    .filter(Boolean);
  return [...new Set(providers)].sort();
}
