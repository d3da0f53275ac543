import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../api';

/** The configured golden paths, for pickers and for naming paths by id. */
export function useGoldenPaths() {
  const api = useApi(goldenPathApiRef);
  return useAsync(async () => (await api.getPaths()).paths, [api]);
}
