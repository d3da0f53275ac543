import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityResultsResponse } from '@golden-path/plugin-golden-path-common';
import { useCallback, useEffect, useState } from 'react';
import { goldenPathApiRef } from '../../api';

/** Results being loaded or refreshed, and how to refresh them. */
export interface EntityResultsState {
  loading: boolean;
  refreshing: boolean;
  value?: EntityResultsResponse;
  error?: Error;
  refresh: () => Promise<void>;
}

/**
 * The golden-path results of the entity on the current page (one request),
 * and a refresh that re-scores it and shows the new results.
 */
export function useEntityResults(): EntityResultsState {
  const { entity } = useEntity();
  const api = useApi(goldenPathApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const [state, setState] = useState<{
    loading: boolean;
    refreshing: boolean;
    value?: EntityResultsResponse;
    error?: Error;
  }>({ loading: true, refreshing: false });

  useEffect(() => {
    let current = true;
    setState({ loading: true, refreshing: false });
    api.getEntityResults({ kind, namespace, name }).then(
      value =>
        current && setState({ loading: false, refreshing: false, value }),
      error =>
        current && setState({ loading: false, refreshing: false, error }),
    );
    return () => {
      current = false;
    };
  }, [api, kind, namespace, name]);

  const refresh = useCallback(async () => {
    setState(s => ({ ...s, refreshing: true }));
    try {
      const value = await api.refreshEntity({ kind, namespace, name });
      setState({ loading: false, refreshing: false, value });
    } catch (error) {
      setState(s => ({ ...s, refreshing: false, error: error as Error }));
    }
  }, [api, kind, namespace, name]);

  return { ...state, refresh };
}
