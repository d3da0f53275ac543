import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';

/** The run figures of the template on the current page, from `from` on. */
export function useTemplateFigures(from: string) {
  const { entity } = useEntity();
  const api = useApi(goldenPathApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  return useAsync(
    () => api.getTemplateFigures({ kind, namespace, name }, { from }),
    [api, kind, namespace, name, from],
  );
}
