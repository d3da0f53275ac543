import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';

/** The rollup of the group on the current page and its sub-groups. */
export function useGroupRollup() {
  const { entity } = useEntity();
  const api = useApi(goldenPathApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  return useAsync(
    () => api.getGroupRollup({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
