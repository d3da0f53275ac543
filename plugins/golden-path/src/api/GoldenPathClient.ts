import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityHistoryResponse,
  EntityResultsResponse,
  entityApiPath,
  GroupRollupResponse,
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
    return this.request(entityApiPath(ref));
  }

  async refreshEntity(ref: CompoundEntityRef): Promise<EntityResultsResponse> {
    return this.request(`${entityApiPath(ref)}/refresh`, { method: 'POST' });
  }

  async getEntityHistory(
    ref: CompoundEntityRef,
    range: { from?: string; to?: string } = {},
  ): Promise<EntityHistoryResponse> {
    const query = new URLSearchParams();
    if (range.from) query.set('from', range.from);
    if (range.to) query.set('to', range.to);
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.request(`${entityApiPath(ref)}/history${suffix}`);
  }

  async getGroupRollup(ref: CompoundEntityRef): Promise<GroupRollupResponse> {
    const path = [ref.namespace, ref.name].map(encodeURIComponent).join('/');
    return this.request(`/groups/${path}`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('golden-path');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
