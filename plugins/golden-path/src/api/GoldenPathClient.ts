import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityHistoryResponse,
  EntityResultsResponse,
  entityApiPath,
  FeatureUsageResponse,
  GroupRollupResponse,
  PathRatingsResponse,
  PathsResponse,
  PlatformMetricsResponse,
  SurveyAnswers,
  SurveyCampaign,
  SurveyCampaignInput,
  SurveyCommentsResponse,
  SurveyPromptResponse,
  SurveyResultsResponse,
  SurveyTrendResponse,
  TeamMetricsResponse,
  TemplateEntitiesResponse,
  TemplateFiguresResponse,
  TemplateRatingInput,
  TemplateRunsResponse,
  TicketFiguresResponse,
  TicketImportResponse,
} from '@golden-path/plugin-golden-path-common';
import {
  GoldenPathApi,
  PeriodQuery,
  PlatformMetricsQuery,
  SurveyExportTable,
  TemplateRunsQuery,
  TicketExportTable,
  TicketFiguresQuery,
} from './GoldenPathApi';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function surveyPath(id: string, rest: string = ''): string {
  return `/surveys/${encodeURIComponent(id)}${rest}`;
}

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

function periodQuery(query: PeriodQuery) {
  return { from: query.from, to: query.to, group: query.group };
}

/** Ticket figures and platform metrics take the same filters. */
function figuresQuery(query: TicketFiguresQuery | PlatformMetricsQuery) {
  return { ...periodQuery(query), path: query.path };
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

  async getPaths(): Promise<PathsResponse> {
    return this.request('/paths');
  }

  async getSurveyCampaigns(): Promise<{ items: SurveyCampaign[] }> {
    return this.request('/surveys');
  }

  async getSurveyCampaign(id: string): Promise<SurveyCampaign> {
    return this.request(surveyPath(id));
  }

  async createSurveyCampaign(
    input: SurveyCampaignInput,
  ): Promise<SurveyCampaign> {
    return this.request('/surveys', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(input),
    });
  }

  async updateSurveyCampaign(
    id: string,
    input: SurveyCampaignInput,
  ): Promise<SurveyCampaign> {
    return this.request(surveyPath(id), {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify(input),
    });
  }

  async deleteSurveyCampaign(id: string): Promise<void> {
    await this.send(surveyPath(id), { method: 'DELETE' });
  }

  async closeSurveyCampaign(id: string): Promise<SurveyCampaign> {
    return this.request(surveyPath(id, '/close'), { method: 'POST' });
  }

  async getSurveyPrompt(): Promise<SurveyPromptResponse> {
    return this.request('/surveys/prompt');
  }

  async answerSurveyCampaign(
    id: string,
    answers: SurveyAnswers['answers'],
  ): Promise<{ replaced: boolean }> {
    const body: SurveyAnswers = { answers };
    return this.request(surveyPath(id, '/responses'), {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    });
  }

  async dismissSurveyCampaign(id: string): Promise<void> {
    await this.send(surveyPath(id, '/dismissal'), { method: 'POST' });
  }

  async getSurveyResults(id: string): Promise<SurveyResultsResponse> {
    return this.request(surveyPath(id, '/results'));
  }

  async getSurveyComments(
    id: string,
    page: { limit?: number; offset?: number } = {},
  ): Promise<SurveyCommentsResponse> {
    return this.request(
      withQuery(surveyPath(id, '/comments'), {
        limit: page.limit,
        offset: page.offset,
      }),
    );
  }

  async exportSurveyResults(
    id: string,
    table: SurveyExportTable,
  ): Promise<string> {
    const response = await this.send(
      withQuery(surveyPath(id, '/export'), { table }),
    );
    return response.text();
  }

  async getSurveyTrend(
    query: { group?: string } = {},
  ): Promise<SurveyTrendResponse> {
    return this.request(withQuery('/surveys/trend', { group: query.group }));
  }

  async getPathRatings(): Promise<PathRatingsResponse> {
    return this.request('/ratings');
  }

  async ratePath(input: TemplateRatingInput): Promise<{ replaced: boolean }> {
    return this.request('/ratings', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(input),
    });
  }

  async dismissPathRating(taskId: string): Promise<void> {
    await this.send(`/ratings/${encodeURIComponent(taskId)}/dismissal`, {
      method: 'POST',
    });
  }

  async getTicketFigures(
    query: TicketFiguresQuery = {},
  ): Promise<TicketFiguresResponse> {
    return this.request(withQuery('/tickets/figures', figuresQuery(query)));
  }

  async exportTicketFigures(
    table: TicketExportTable,
    query: TicketFiguresQuery = {},
  ): Promise<string> {
    const response = await this.send(
      withQuery('/tickets/export', { ...figuresQuery(query), table }),
    );
    return response.text();
  }

  async importTickets(
    csv: string,
    options: { source?: string; dryRun: boolean },
  ): Promise<TicketImportResponse> {
    const response = await this.fetch(
      withQuery('/tickets/import', {
        source: options.source,
        dryRun: String(options.dryRun),
      }),
      { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv },
    );
    // A file with row errors is rejected with the preview's body, so that
    // the caller can show which rows to fix.
    if (response.status === 400) {
      const body = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (Array.isArray(body?.errors)) {
        return body as TicketImportResponse;
      }
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as TicketImportResponse;
  }

  async getPlatformMetrics(
    query: PlatformMetricsQuery = {},
  ): Promise<PlatformMetricsResponse> {
    return this.request(withQuery('/metrics', figuresQuery(query)));
  }

  async getTeamMetrics(query: PeriodQuery = {}): Promise<TeamMetricsResponse> {
    return this.request(withQuery('/metrics/teams', periodQuery(query)));
  }

  async getFeatureUsage(
    query: PeriodQuery = {},
  ): Promise<FeatureUsageResponse> {
    return this.request(withQuery('/usage/features', periodQuery(query)));
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.send(path, init);
    return (await response.json()) as T;
  }

  /** Sends a request, throwing a {@link ResponseError} for an error status. */
  private async send(path: string, init?: RequestInit): Promise<Response> {
    const response = await this.fetch(path, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('golden-path');
    return this.options.fetchApi.fetch(`${baseUrl}${path}`, init);
  }
}
