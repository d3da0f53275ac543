import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';

const HISTORY_DAYS = 90;

/** The score history of the entity on the current page, last 90 days. */
export function useEntityHistory() {
  const { entity } = useEntity();
  const api = useApi(goldenPathApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  return useAsync(() => {
    const from = new Date(Date.now() - HISTORY_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return api.getEntityHistory({ kind, namespace, name }, { from });
  }, [api, kind, namespace, name]);
}
