import { CompoundEntityRef } from '@backstage/catalog-model';

/**
 * The path, relative to the plugin's base URL, at which the backend serves
 * one entity's golden-path data.
 *
 * @public
 */
export function entityApiPath(ref: CompoundEntityRef): string {
  return `/entities/${[ref.kind, ref.namespace, ref.name]
    .map(part => encodeURIComponent(part))
    .join('/')}`;
}
