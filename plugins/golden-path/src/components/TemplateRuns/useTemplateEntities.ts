import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';

/** The catalog entities created from the template on the current page. */
export function useTemplateEntities() {
  const { entity } = useEntity();
  const api = useApi(goldenPathApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  return useAsync(
    () => api.getTemplateEntities({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
