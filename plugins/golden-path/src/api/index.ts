export { goldenPathApiRef } from './GoldenPathApi';
export type {
  GoldenPathApi,
  SurveyExportTable,
  TemplateRunsQuery,
  TicketExportTable,
  TicketFiguresQuery,
} from './GoldenPathApi';
export { GoldenPathClient } from './GoldenPathClient';
