/**
 * The verdict of one check on one entity. `unknown` means the facts it needs
 * were not available: it is neither a pass nor a fail.
 *
 * @public
 */
export type CheckVerdict = 'pass' | 'fail' | 'exempt' | 'unknown';

/** @public */
export interface CheckOutcome {
  checkId: string;
  /** Weight in the score; positive. */
  weight: number;
  /** The level the check belongs to, if any. */
  level?: string;
  verdict: CheckVerdict;
}

/** @public */
export interface ScoreSummary {
  /**
   * Weighted share of passing (or exempt) checks among those that could be
   * evaluated, 0–100; `null` when none could be.
   */
  score: number | null;
  /** Weighted share of checks that could be evaluated, 0–1; `null` without checks. */
  coverage: number | null;
  /** Highest level whose checks, and every lower level's, all pass; `null` for none. */
  level: string | null;
  counts: Record<CheckVerdict, number>;
}

/**
 * Decides a check's verdict: an active exemption turns a failing or unknown
 * check into `exempt`; a passing check stays a pass.
 *
 * @param passed - the predicate's verdict, or `undefined` when its facts are unknown
 * @param exemptionExpiresAt - expiry of an exemption for this entity and check
 * @public
 */
export function resolveVerdict(
  passed: boolean | undefined,
  exemptionExpiresAt: Date | undefined,
  now: Date,
): CheckVerdict {
  if (passed === true) {
    return 'pass';
  }
  if (exemptionExpiresAt && exemptionExpiresAt.getTime() > now.getTime()) {
    return 'exempt';
  }
  return passed === false ? 'fail' : 'unknown';
}

const succeeded = (verdict: CheckVerdict) =>
  verdict === 'pass' || verdict === 'exempt';

/**
 * Score, coverage and level of one entity on one golden path, as DESIGN.md
 * defines them. The only implementation: backend, API and benchmarks use it.
 *
 * @param levels - level names, lowest first
 * @public
 */
export function summarizeChecks(
  outcomes: CheckOutcome[],
  levels: string[],
): ScoreSummary {
  const counts: Record<CheckVerdict, number> = {
    pass: 0,
    fail: 0,
    exempt: 0,
    unknown: 0,
  };
  let totalWeight = 0;
  let knownWeight = 0;
  let succeededWeight = 0;
  for (const outcome of outcomes) {
    counts[outcome.verdict] += 1;
    totalWeight += outcome.weight;
    if (outcome.verdict !== 'unknown') {
      knownWeight += outcome.weight;
      if (succeeded(outcome.verdict)) {
        succeededWeight += outcome.weight;
      }
    }
  }

  let level: string | null = null;
  for (const candidate of levels) {
    const ofLevel = outcomes.filter(outcome => outcome.level === candidate);
    if (
      ofLevel.length === 0 ||
      !ofLevel.every(outcome => succeeded(outcome.verdict))
    ) {
      break;
    }
    level = candidate;
  }

  return {
    score:
      knownWeight > 0
        ? Math.round((1000 * succeededWeight) / knownWeight) / 10
        : null,
    coverage: totalWeight > 0 ? knownWeight / totalWeight : null,
    level,
    counts,
  };
}

/**
 * The mean of scores summed over `count` entities, to one decimal like the
 * scores themselves; `null`, not zero, when there are none.
 *
 * @public
 */
export function meanScore(sum: number, count: number): number | null {
  return count > 0 ? Math.round((10 * sum) / count) / 10 : null;
}
