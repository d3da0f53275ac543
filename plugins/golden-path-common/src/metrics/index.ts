export { percentile, median } from './percentile';
export { isoDurationSeconds } from './isoDuration';
export { runFigures } from './runFigures';
export type { RunFigureInput } from './runFigures';
