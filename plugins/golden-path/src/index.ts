/**
 * Golden Path frontend: scorecards where developers look.
 *
 * Legacy frontend system exports; the new frontend system plugin is the
 * default export of `@golden-path/plugin-golden-path/alpha`.
 *
 * @packageDocumentation
 */

export {
  goldenPathPlugin,
  EntityGoldenPathCard,
  EntityGoldenPathContent,
  GroupGoldenPathCard,
  GroupGoldenPathContent,
  EntityTemplateRunsCard,
  EntityTemplateRunsContent,
  GoldenPathPage,
  GoldenPathSurveyPrompt,
} from './plugin';
export { goldenPathApiRef, GoldenPathClient } from './api';
export { GoldenPathAnalytics } from './analytics/GoldenPathAnalytics';
export type { GoldenPathAnalyticsOptions } from './analytics/GoldenPathAnalytics';
export type {
  GoldenPathApi,
  PeriodQuery,
  PlatformMetricsQuery,
  SurveyExportTable,
  TemplateRunsQuery,
  TicketExportTable,
  TicketFiguresQuery,
} from './api';
