export { goldenPathApiRef } from './GoldenPathApi';
export type { GoldenPathApi, TemplateRunsQuery } from './GoldenPathApi';
export { GoldenPathClient } from './GoldenPathClient';
