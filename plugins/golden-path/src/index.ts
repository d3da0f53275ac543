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
} from './plugin';
export { goldenPathApiRef, GoldenPathClient } from './api';
export type { GoldenPathApi, TemplateRunsQuery } from './api';
