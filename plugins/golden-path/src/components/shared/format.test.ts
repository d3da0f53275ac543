import {
  formatDuration,
  formatNps,
  formatPoints,
  formatRate,
  formatRelative,
  plural,
} from './format';

describe('formatDuration', () => {
  it.each([
    [400, '< 1 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [72_000, '1 min 12 s'],
    [3_600_000, '1 h'],
    [7_500_000, '2 h 5 min'],
    [86_400_000, '1 d'],
    [3 * 86_400_000 + 4 * 3_600_000 + 20 * 60_000, '3 d 4 h'],
    // Rounding carries into the larger unit rather than writing 60 min.
    [4 * 3_600_000 + 59.6 * 60_000, '5 h'],
    [86_400_000 - 20 * 60_000, '23 h 40 min'],
    [2 * 86_400_000 - 10 * 60_000, '2 d'],
  ])('writes %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-11-24T12:00:00.000Z');

  it.each([
    ['2026-11-24T11:55:00.000Z', '5 minutes ago'],
    ['2026-11-21T12:00:00.000Z', '3 days ago'],
    ['2026-11-24T12:00:00.000Z', 'now'],
  ])('writes %s as %s', (iso, text) => {
    expect(formatRelative(iso, now)).toBe(text);
  });
});

describe('plural', () => {
  it('uses the singular for one only', () => {
    expect(plural(1, 'run')).toBe('1 run');
    expect(plural(0, 'run')).toBe('0 runs');
    expect(plural(3, 'entity', 'entities')).toBe('3 entities');
  });
});

describe('formatNps', () => {
  it('rounds to a whole score, signed when positive', () => {
    expect(formatNps(32.4)).toBe('+32');
    expect(formatNps(0.2)).toBe('0');
    expect(formatNps(-12.6)).toBe('-13');
  });
});

describe('formatRate', () => {
  it.each([
    [15, '15'],
    [2.54, '2.5'],
    [0.0432, '0.043'],
    [0, '0'],
  ])('writes %d as %s', (value, text) => {
    expect(formatRate(value)).toBe(text);
  });
});

describe('formatPoints', () => {
  it('rounds to whole points, signed', () => {
    expect(formatPoints(5.4)).toBe('+5 pts');
    expect(formatPoints(-12.6)).toBe('-13 pts');
  });
});
