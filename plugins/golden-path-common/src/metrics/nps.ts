/**
 * How an answer to "how likely are you to recommend…" (0–10) counts.
 *
 * @public
 */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/**
 * The NPS of a set of answers.
 *
 * @public
 */
export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /**
   * % promoters − % detractors, −100 to 100; absent when there are no
   * responses, which is no score rather than a score of zero.
   */
  score?: number;
}

/**
 * The category of a 0–10 answer: 9–10 promoter, 7–8 passive, 0–6 detractor.
 *
 * @public
 */
export function npsCategory(answer: number): NpsCategory {
  if (!Number.isInteger(answer) || answer < 0 || answer > 10) {
    throw new RangeError(`an NPS answer is an integer 0..10, got ${answer}`);
  }
  if (answer >= 9) {
    return 'promoter';
  }
  return answer >= 7 ? 'passive' : 'detractor';
}

/**
 * The NPS of answers given as a distribution: `distribution[a]` answers
 * of `a`, for `a` in 0..10.
 *
 * @public
 */
export function npsFromDistribution(
  distribution: readonly number[],
): NpsFigures {
  if (distribution.length !== 11) {
    throw new RangeError(
      `an NPS distribution has 11 counts (0..10), got ${distribution.length}`,
    );
  }
  const sum = (from: number, to: number) =>
    distribution.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const detractors = sum(0, 6);
  const passives = sum(7, 8);
  const promoters = sum(9, 10);
  const responses = detractors + passives + promoters;
  return {
    responses,
    promoters,
    passives,
    detractors,
    ...(responses > 0
      ? { score: ((promoters - detractors) / responses) * 100 }
      : {}),
  };
}

/**
 * The NPS of a list of 0–10 answers.
 *
 * @public
 */
export function npsOf(answers: Iterable<number>): NpsFigures {
  const distribution = new Array(11).fill(0);
  for (const answer of answers) {
    npsCategory(answer);
    distribution[answer] += 1;
  }
  return npsFromDistribution(distribution);
}
