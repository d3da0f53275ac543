import type { FilterPredicate } from '@backstage/filter-predicates';

/** A filter predicate compiled to a function. */
export type CompiledPredicate = (value: unknown) => boolean;

type Matcher = (value: unknown) => boolean;

const NEVER: Matcher = () => false;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Equality with the library's rules: case-insensitive strings, numbers
// compared as strings, arrays element-wise, null never equal. The expected
// side is known when compiling, so its normalised form is computed once.
function compileEquals(expected: unknown): Matcher {
  if (expected === null) {
    return NEVER;
  }
  if (typeof expected === 'string') {
    const upper = expected.toUpperCase();
    return value =>
      value === expected ||
      (typeof value === 'string' && value.toUpperCase() === upper) ||
      (typeof value === 'number' && String(value) === expected);
  }
  if (typeof expected === 'number') {
    const text = String(expected);
    return value =>
      value === expected ||
      (value !== null && value !== undefined && String(value) === text);
  }
  if (Array.isArray(expected)) {
    const items = expected.map(compileEquals);
    const text = String(expected);
    return value =>
      value === expected ||
      (typeof value === 'number' && String(value) === text) ||
      (Array.isArray(value) &&
        value.length === items.length &&
        items.every((matches, i) => matches(value[i])));
  }
  return value => value !== null && value === expected;
}

// The library's lookup: tolerates keys that themselves contain dots by
// trying every key that is a prefix of the remaining path.
function lookUp(value: unknown, path: string): unknown {
  if (!path || !isPlainObject(value)) {
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) {
      continue;
    }
    if (key === path && value[key] !== undefined) {
      return value[key];
    }
    if (path.startsWith(`${key}.`)) {
      const found = lookUp(value[key], path.slice(key.length + 1));
      if (found !== undefined) {
        return found;
      }
    }
  }
  return undefined;
}

/**
 * Compiles a reader of one dotted path with the library's lookup rules.
 *
 * It walks the path segment by segment, which is exact as long as no object
 * on the way has a key spelling several segments at once ("backstage.io/x"
 * in annotations); where one does, the rest of the path is resolved with the
 * library's tolerant lookup from that object on. The dotted candidates of
 * each level are computed once here.
 *
 * @public
 */
export function compileLookUp(path: string): (value: unknown) => unknown {
  const segments = path.split('.');
  const remaining = segments.map((_, i) => segments.slice(i).join('.'));
  const dottedKeys = segments.map((_, i) => {
    const keys: string[] = [];
    for (let end = i + 2; end <= segments.length; end++) {
      keys.push(segments.slice(i, end).join('.'));
    }
    return keys;
  });
  return value => {
    let current: unknown = value;
    for (let i = 0; i < segments.length; i++) {
      if (!isPlainObject(current)) {
        return undefined;
      }
      const object = current;
      if (dottedKeys[i].some(key => Object.hasOwn(object, key))) {
        return lookUp(object, remaining[i]);
      }
      current = Object.hasOwn(object, segments[i])
        ? object[segments[i]]
        : undefined;
    }
    return current;
  };
}

function compileValueMatcher(filter: unknown): Matcher {
  if (!isPlainObject(filter)) {
    return compileEquals(filter);
  }
  if ('$contains' in filter) {
    const inner = compilePredicate(filter.$contains as FilterPredicate);
    return value => Array.isArray(value) && value.some(inner);
  }
  if ('$in' in filter) {
    const options = (filter.$in as unknown[]).map(compileEquals);
    return value => options.some(matches => matches(value));
  }
  if ('$exists' in filter) {
    return filter.$exists === true
      ? value => value !== undefined
      : value => value === undefined;
  }
  if ('$hasPrefix' in filter) {
    const prefix = String(filter.$hasPrefix).toUpperCase();
    return value =>
      typeof value === 'string' && value.toUpperCase().startsWith(prefix);
  }
  return NEVER;
}

function onlyKey(predicate: Record<string, unknown>, operator: string) {
  if (Object.keys(predicate).length !== 1) {
    throw new Error(
      `Operator ${operator} must be the only key in the predicate, wrap in $all to combine with other conditions`,
    );
  }
}

/**
 * Compiles a `@backstage/filter-predicates` expression into a function with
 * the same verdicts as the library's `evaluateFilterPredicate`, doing the
 * per-predicate work (operator dispatch, path splitting, case folding of
 * expected values) once instead of on every evaluation. Scoring evaluates
 * every check against every entity, so this is its inner loop.
 *
 * @public
 */
export function compilePredicate(
  predicate: FilterPredicate,
): CompiledPredicate {
  if (!isPlainObject(predicate)) {
    return compileEquals(predicate);
  }
  if ('$all' in predicate) {
    onlyKey(predicate, '$all');
    const parts = (predicate.$all as FilterPredicate[]).map(compilePredicate);
    return value => parts.every(part => part(value));
  }
  if ('$any' in predicate) {
    onlyKey(predicate, '$any');
    const parts = (predicate.$any as FilterPredicate[]).map(compilePredicate);
    return value => parts.some(part => part(value));
  }
  if ('$not' in predicate) {
    onlyKey(predicate, '$not');
    const inner = compilePredicate(predicate.$not as FilterPredicate);
    return value => !inner(value);
  }
  const fields: Array<{ get: (value: unknown) => unknown; matches: Matcher }> =
    [];
  for (const key of Object.keys(predicate)) {
    if (key.startsWith('$')) {
      // An operator this version does not know matches nothing, as in the library.
      return NEVER;
    }
    fields.push({
      get: compileLookUp(key),
      matches: compileValueMatcher(predicate[key]),
    });
  }
  return value => {
    for (const field of fields) {
      if (!field.matches(field.get(value))) {
        return false;
      }
    }
    return true;
  };
}
