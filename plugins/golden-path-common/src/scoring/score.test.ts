import {
  CheckOutcome,
  meanScore,
  resolveVerdict,
  summarizeChecks,
} from './score';

const LEVELS = ['bronze', 'silver', 'gold'];

function outcome(
  checkId: string,
  verdict: CheckOutcome['verdict'],
  level?: string,
  weight = 1,
): CheckOutcome {
  return { checkId, verdict, level, weight };
}

describe('summarizeChecks', () => {
  it('scores the weighted share of passing checks', () => {
    const summary = summarizeChecks(
      [
        outcome('owner', 'pass', 'bronze', 3),
        outcome('docs', 'fail', 'silver', 1),
      ],
      LEVELS,
    );
    expect(summary.score).toBe(75);
    expect(summary.coverage).toBe(1);
    expect(summary.counts).toEqual({ pass: 1, fail: 1, exempt: 0, unknown: 0 });
  });

  it('leaves unknown checks out of the score and reports them as missing coverage', () => {
    const summary = summarizeChecks(
      [
        outcome('owner', 'pass', 'bronze'),
        outcome('coverage', 'unknown', 'silver', 3),
      ],
      LEVELS,
    );
    expect(summary.score).toBe(100);
    expect(summary.coverage).toBe(0.25);
  });

  it('has no score, not zero, when nothing could be evaluated', () => {
    expect(
      summarizeChecks([outcome('coverage', 'unknown')], LEVELS),
    ).toMatchObject({
      score: null,
      coverage: 0,
      level: null,
    });
    expect(summarizeChecks([], LEVELS)).toMatchObject({
      score: null,
      coverage: null,
      level: null,
    });
  });

  it('counts exempt checks as passing', () => {
    const summary = summarizeChecks(
      [outcome('owner', 'pass', 'bronze'), outcome('docs', 'exempt', 'bronze')],
      LEVELS,
    );
    expect(summary.score).toBe(100);
    expect(summary.level).toBe('bronze');
  });

  it('reaches the highest level whose checks and all lower levels pass', () => {
    const checks = [
      outcome('owner', 'pass', 'bronze'),
      outcome('docs', 'pass', 'silver'),
      outcome('slo', 'fail', 'gold'),
    ];
    expect(summarizeChecks(checks, LEVELS).level).toBe('silver');
  });

  it('does not skip a failed lower level to award a higher one', () => {
    const checks = [
      outcome('owner', 'fail', 'bronze'),
      outcome('docs', 'pass', 'silver'),
    ];
    expect(summarizeChecks(checks, LEVELS).level).toBeNull();
  });

  it('does not award a level whose checks are unknown', () => {
    const checks = [
      outcome('owner', 'pass', 'bronze'),
      outcome('coverage', 'unknown', 'silver'),
    ];
    expect(summarizeChecks(checks, LEVELS).level).toBe('bronze');
  });

  it('rounds the score to one decimal', () => {
    const checks = [
      outcome('a', 'pass'),
      outcome('b', 'fail'),
      outcome('c', 'fail'),
    ];
    expect(summarizeChecks(checks, LEVELS).score).toBe(33.3);
  });
});

describe('resolveVerdict', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const tomorrow = new Date('2026-11-25T12:00:00Z');
  const yesterday = new Date('2026-11-23T12:00:00Z');

  it('keeps a pass a pass, exemption or not', () => {
    expect(resolveVerdict(true, tomorrow, now)).toBe('pass');
  });

  it('exempts a failing or unknown check until the exemption expires', () => {
    expect(resolveVerdict(false, tomorrow, now)).toBe('exempt');
    expect(resolveVerdict(undefined, tomorrow, now)).toBe('exempt');
    expect(resolveVerdict(false, yesterday, now)).toBe('fail');
    expect(resolveVerdict(undefined, yesterday, now)).toBe('unknown');
    expect(resolveVerdict(false, now, now)).toBe('fail');
  });
});

describe('meanScore', () => {
  it('averages to one decimal, and is null without entities', () => {
    expect(meanScore(200, 3)).toBe(66.7);
    expect(meanScore(0, 0)).toBeNull();
  });
});
