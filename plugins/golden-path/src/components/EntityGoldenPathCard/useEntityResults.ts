import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';

/** Loads the golden-path provenance of the entity on the current page. */
export function useEntityResults() {
  const { entity } = useEntity();
  const api = useApi(goldenPathApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsync(
    () => api.getEntityResults(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
}
