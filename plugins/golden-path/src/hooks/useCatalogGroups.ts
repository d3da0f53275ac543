import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  entityPresentationSnapshot,
} from '@backstage/plugin-catalog-react';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import useAsync from 'react-use/esm/useAsync';

/** A catalog group, by the lower-case ref the backend stores. */
export interface CatalogGroup {
  ref: string;
  title: string;
}

/** Every Group entity in the catalog, by title. */
export function useCatalogGroups() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<CatalogGroup[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'group' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => ({
        ref: entityRefKey(entity),
        title: entityPresentationSnapshot(entity, { defaultKind: 'group' })
          .primaryTitle,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);
}
