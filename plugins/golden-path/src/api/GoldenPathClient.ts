import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityHistoryResponse,
  EntityResultsResponse,
  entityApiPath,
  GroupRollupResponse,
  TemplateEntitiesResponse,
  TemplateFiguresResponse,
  TemplateRunsResponse,
} from '@golden-path/plugin-golden-path-common';
import { GoldenPathApi, TemplateRunsQuery } from './GoldenPathApi';

function namedPath(ref: CompoundEntityRef): string {
  return [ref.namespace, ref.name].map(encodeURIComponent).join('/');
}

/** The path with the given parameters as its query, leaving out unset ones. */
function withQuery(
  path: string,
  params: Record<string, string | number | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query.size > 0 ? `${path}?${query}` : path;
}

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
    return this.request(withQuery(`${entityApiPath(ref)}/history`, range));
  }

  async getGroupRollup(ref: CompoundEntityRef): Promise<GroupRollupResponse> {
    return this.request(`/groups/${namedPath(ref)}`);
  }

  async getTemplateFigures(
    ref: CompoundEntityRef,
    range: { from?: string; to?: string } = {},
  ): Promise<TemplateFiguresResponse> {
    return this.request(
      withQuery(`/templates/${namedPath(ref)}/figures`, range),
    );
  }

  async getTemplateRuns(
    ref: CompoundEntityRef,
    query: TemplateRunsQuery = {},
  ): Promise<TemplateRunsResponse> {
    return this.request(
      withQuery(`/templates/${namedPath(ref)}/runs`, {
        user: query.user,
        status: query.status,
        from: query.from,
        to: query.to,
        limit: query.limit,
        offset: query.offset,
      }),
    );
  }

  async getTemplateEntities(
    ref: CompoundEntityRef,
  ): Promise<TemplateEntitiesResponse> {
    return this.request(`/templates/${namedPath(ref)}/entities`);
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
