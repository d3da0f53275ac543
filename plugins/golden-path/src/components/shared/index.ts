export { DriftWarning, driftText } from './DriftWarning';
export { ExemptionNote } from './ExemptionNote';
export { LevelBadge } from './LevelBadge';
export { Remediation } from './Remediation';
export { VerdictLabel } from './VerdictLabel';
export { CheckAccordion } from './CheckAccordion';
export { CheckInputs } from './CheckInputs';
export { SOURCE_LABELS } from './sourceLabels';
