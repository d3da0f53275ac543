import { JsonValue } from '@backstage/types';

// Enough items to show a list of tags or links, few enough that a stored
// result stays small however large the entity.
const MAX_LISTED = 10;
const MAX_TEXT = 200;

function isPrimitive(value: unknown): value is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * A value a check read, as stored with its verdict: primitives as they are
 * (long text cut), short lists of primitives as lists, anything larger by
 * its size; `null` for absent.
 */
export function inputValue(value: unknown): JsonValue {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string') {
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }
  if (isPrimitive(value)) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.length <= MAX_LISTED && value.every(isPrimitive)
      ? value
      : `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  const fields = Object.keys(value as object).length;
  return `${fields} field${fields === 1 ? '' : 's'}`;
}
