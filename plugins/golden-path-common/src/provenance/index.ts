export { readProvenance } from './readProvenance';
export { entityApiPath } from './entityApiPath';
export { entityRefKey, templateRefKey } from './entityRefKey';
export { provenanceEvidence } from './provenanceEvidence';
export type { ProvenanceEvidence } from './provenanceEvidence';
