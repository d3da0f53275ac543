export { compileLookUp, compilePredicate } from './compilePredicate';
export type { CompiledPredicate } from './compilePredicate';
export {
  compareVersionsNewestFirst,
  newestVersion,
  templateDrift,
} from './drift';
export { factProvidersOf, predicateFields } from './factProviders';
export type { TemplateDrift } from './drift';
export { meanScore, resolveVerdict, summarizeChecks } from './score';
export type { CheckOutcome, CheckVerdict, ScoreSummary } from './score';
