import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityResultsResponse,
  entityApiPath,
} from '@golden-path/plugin-golden-path-common';
import { GoldenPathApi } from './GoldenPathApi';

/**
 * {@link GoldenPathApi} over the backend's REST API, authenticated with the
 * signed-in user's Backstage credentials through the fetch API.
 *
 * @public
 */
export class GoldenPathClient implements GoldenPathApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getEntityResults(
    ref: CompoundEntityRef,
  ): Promise<EntityResultsResponse> {
    return this.get(entityApiPath(ref));
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('golden-path');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
