import { formatDuration, formatRelative, plural } from './format';

describe('formatDuration', () => {
  it.each([
    [400, '< 1 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [72_000, '1 min 12 s'],
    [3_600_000, '1 h'],
    [7_500_000, '2 h 5 min'],
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
