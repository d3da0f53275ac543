export { goldenPathApiRef } from './GoldenPathApi';
export type {
  GoldenPathApi,
  PeriodQuery,
  PlatformMetricsQuery,
  SurveyExportTable,
  TemplateRunsQuery,
  TicketExportTable,
  TicketFiguresQuery,
} from './GoldenPathApi';
export { GoldenPathClient } from './GoldenPathClient';
