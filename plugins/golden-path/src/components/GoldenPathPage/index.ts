export { GoldenPathPage } from './GoldenPathPage';
