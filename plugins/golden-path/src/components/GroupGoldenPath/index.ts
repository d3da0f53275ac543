export { GroupGoldenPathCard } from './GroupGoldenPathCard';
export { GroupGoldenPathContent } from './GroupGoldenPathContent';
