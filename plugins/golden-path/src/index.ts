export { goldenPathPlugin as default } from './plugin';
