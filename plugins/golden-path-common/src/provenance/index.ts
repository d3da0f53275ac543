export { readProvenance } from './readProvenance';
export { entityApiPath } from './entityApiPath';
export { entityRefKey, templateRefKey } from './entityRefKey';
