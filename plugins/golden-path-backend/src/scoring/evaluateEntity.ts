import { Entity } from '@backstage/catalog-model';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  CheckDefinition,
  CheckVerdict,
  compileLookUp,
  compilePredicate,
  CompiledPredicate,
  factProvidersOf,
  GoldenPathDefinition,
  predicateFields,
  Provenance,
  resolveVerdict,
  ScoreSummary,
  summarizeChecks,
  TemplateDrift,
  templateDrift,
} from '@golden-path/plugin-golden-path-common';
import { inputValue } from './inputValue';

interface CompiledCheck {
  definition: CheckDefinition;
  test: CompiledPredicate;
  providers: string[];
  fields: Array<{ path: string; read: (subject: unknown) => unknown }>;
}

/** A check's verdict on one entity, with the values it read. */
export interface CheckEvaluation {
  id: string;
  verdict: CheckVerdict;
  /** Each path the predicate reads and its value (`null`: absent). */
  inputs: Record<string, JsonValue>;
}

/** A path with its predicates compiled, once per scoring run. */
export interface CompiledPath {
  definition: GoldenPathDefinition;
  appliesTo: CompiledPredicate;
  checks: CompiledCheck[];
}

export function compilePaths(paths: GoldenPathDefinition[]): CompiledPath[] {
  return paths.map(definition => ({
    definition,
    appliesTo: compilePredicate(definition.appliesTo),
    checks: definition.checks.map(check => ({
      definition: check,
      test: compilePredicate(check.predicate),
      providers: factProvidersOf(check.predicate),
      fields: predicateFields(check.predicate).map(path => ({
        path,
        read: compileLookUp(path),
      })),
    })),
  }));
}

/** What one scoring run concluded about one entity. */
export interface EntityEvaluation {
  /** Ids of the paths whose `appliesTo` selects the entity. */
  eligibleFor: string[];
  pathId: string | null;
  drift: TemplateDrift | null;
  checks: CheckEvaluation[];
  summary: ScoreSummary;
  /** Fact providers the path's checks read that had no facts for the entity. */
  unavailableSources: string[];
}

function pathOf(
  paths: CompiledPath[],
  provenance: Provenance | undefined,
): CompiledPath | undefined {
  if (!provenance) {
    return undefined;
  }
  return (
    paths.find(path => path.definition.id === provenance.goldenPathId) ??
    paths.find(path =>
      path.definition.templates.includes(provenance.templateRef),
    )
  );
}

/**
 * Evaluates one entity: which paths apply to it, which one it is on, and
 * every check of that path against the entity and its facts. A check whose
 * fact provider has nothing for the entity is `unknown`.
 */
export function evaluateEntity(options: {
  entity: Entity;
  provenance: Provenance | undefined;
  facts: Record<string, JsonObject>;
  paths: CompiledPath[];
  levels: string[];
  /** Expiry of the exemptions in force, by check id. */
  exemptions: Map<string, Date>;
  now: Date;
}): EntityEvaluation {
  const { entity, provenance, facts, paths, levels, exemptions, now } = options;
  const eligibleFor = paths
    .filter(path => path.appliesTo(entity))
    .map(path => path.definition.id);
  const path = pathOf(paths, provenance);
  if (!path) {
    return {
      eligibleFor,
      pathId: null,
      drift: null,
      checks: [],
      summary: summarizeChecks([], levels),
      unavailableSources: [],
    };
  }
  const subject = { ...entity, facts };
  const unavailable = new Set<string>();
  const checks = path.checks.map((check): CheckEvaluation => {
    const missing = check.providers.filter(provider => !(provider in facts));
    missing.forEach(provider => unavailable.add(provider));
    const known = missing.length === 0;
    return {
      id: check.definition.id,
      verdict: resolveVerdict(
        known ? check.test(subject) : undefined,
        exemptions.get(check.definition.id),
        now,
      ),
      inputs: Object.fromEntries(
        check.fields.map(field => [
          field.path,
          inputValue(field.read(subject)),
        ]),
      ),
    };
  });
  return {
    eligibleFor,
    pathId: path.definition.id,
    drift: templateDrift(
      provenance?.templateVersion,
      path.definition.latestVersion,
    ),
    checks,
    summary: summarizeChecks(
      checks.map((result, i) => ({
        checkId: result.id,
        verdict: result.verdict,
        weight: path.checks[i].definition.weight,
        level: path.checks[i].definition.level,
      })),
      levels,
    ),
    unavailableSources: [...unavailable].sort(),
  };
}
