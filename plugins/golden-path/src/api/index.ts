export { goldenPathApiRef } from './GoldenPathApi';
export type { GoldenPathApi } from './GoldenPathApi';
export { GoldenPathClient } from './GoldenPathClient';
