import { suppressedRows } from './suppression';

describe('suppressedRows', () => {
  it('withholds every group under the minimum', () => {
    expect([...suppressedRows([12, 3, 40, 2, 4], 5)].sort()).toEqual([1, 3, 4]);
  });

  it('withholds the smallest shown group too when one small group could be read by subtraction', () => {
    // Team b alone is withheld; total − a − c would give b away, so the
    // smaller of a and c is withheld with it.
    expect([...suppressedRows([9, 2, 30], 5)].sort()).toEqual([0, 1]);
  });

  it('shows everything when every group reaches the minimum', () => {
    expect(suppressedRows([5, 6, 50], 5).size).toBe(0);
  });

  it('ignores empty groups, which reveal nothing', () => {
    expect(suppressedRows([0, 10, 10], 5)).toEqual(new Set([0]));
  });

  it('withholds all when the total is under the minimum', () => {
    expect(suppressedRows([2, 1], 5)).toEqual(new Set([0, 1]));
  });
});
