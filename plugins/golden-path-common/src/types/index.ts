export type { Provenance, ProvenanceSource } from './provenance';
export type {
  CheckDefinition,
  GoldenPathDefinition,
  Remediation,
} from './goldenPath';
export type {
  CheckResult,
  EntityResultsResponse,
  GoldenPathSummary,
  PathAdoption,
  PathsResponse,
} from './results';
