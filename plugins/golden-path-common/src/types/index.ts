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
