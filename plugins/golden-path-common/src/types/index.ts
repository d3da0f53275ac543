export type {
  EntityProvenanceResponse,
  Provenance,
  ProvenanceSource,
} from './provenance';
