import { median, percentile } from './percentile';

describe('percentile', () => {
  it('interpolates between closest ranks, as percentile_cont does', () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(percentile([40, 10, 30, 20], 90)).toBeCloseTo(37);
    expect(percentile([5], 90)).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('has no value for no values, rather than zero', () => {
    expect(percentile([], 50)).toBeUndefined();
  });

  it('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(
      'percentile must be within 0..100, got 101',
    );
  });
});
