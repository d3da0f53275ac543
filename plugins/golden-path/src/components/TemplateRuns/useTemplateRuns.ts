import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef, TemplateRunsQuery } from '../../api';

/**
 * One page of the runs of the template on the current page. The previous
 * page stays in `value` while the next one loads.
 */
export function useTemplateRuns(query: TemplateRunsQuery) {
  const { entity } = useEntity();
  const api = useApi(goldenPathApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const { user, status, from, to, limit, offset } = query;
  return useAsync(
    () =>
      api.getTemplateRuns(
        { kind, namespace, name },
        { user, status, from, to, limit, offset },
      ),
    [api, kind, namespace, name, user, status, from, to, limit, offset],
  );
}
