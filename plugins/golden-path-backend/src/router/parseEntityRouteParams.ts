import { CompoundEntityRef, makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();

/**
 * Validates the `{kind}/{namespace}/{name}` of a request path, naming the
 * part that is malformed.
 */
export function parseEntityRouteParams(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): CompoundEntityRef {
  const { kind, namespace, name } = params;
  if (!validator.isValidKind(kind)) {
    throw new InputError(`Malformed entity ref: invalid kind '${kind}'`);
  }
  if (!validator.isValidNamespace(namespace)) {
    throw new InputError(
      `Malformed entity ref: invalid namespace '${namespace}'`,
    );
  }
  if (!validator.isValidEntityName(name)) {
    throw new InputError(`Malformed entity ref: invalid name '${name}'`);
  }
  return { kind: kind!, namespace: namespace!, name: name! };
}
