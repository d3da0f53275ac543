export type { Provenance, ProvenanceSource } from './provenance';
export type {
  CheckDefinition,
  GoldenPathDefinition,
  Remediation,
} from './goldenPath';
export type {
  CheckResult,
  CreateExemptionRequest,
  EntityHistoryResponse,
  EntityResultsResponse,
  Exemption,
  GoldenPathSummary,
  GroupRollupResponse,
  HistoryResponse,
  PathAdoption,
  PathsResponse,
} from './results';
export type {
  RunFigures,
  TemplateEntitiesResponse,
  TemplateEntity,
  TemplateFigures,
  TemplateFiguresResponse,
  TemplateRun,
  TemplateRunSource,
  TemplateRunStatus,
  TemplateRunsResponse,
  TemplatesFiguresResponse,
} from './templates';
export type {
  PathRatingFigures,
  PathRatingsResponse,
  SuppressibleNps,
  SurveyAnswers,
  SurveyAudience,
  SurveyCampaign,
  SurveyCampaignInput,
  SurveyCampaignState,
  SurveyComment,
  SurveyCommentsResponse,
  SurveyPrompt,
  SurveyPromptResponse,
  SurveyQuestion,
  SurveyResultsResponse,
  SurveyTrendResponse,
  TemplateRatingInput,
} from './surveys';
export type {
  DurationFigures,
  TicketFiguresResponse,
  TicketImportResponse,
  TicketImportRowError,
  TicketIngestResult,
  TicketInput,
  TicketSliceFigures,
  TicketStatus,
  TicketType,
} from './tickets';
