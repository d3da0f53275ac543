export { readProvenance } from './readProvenance';
export { entityApiPath } from './entityApiPath';
