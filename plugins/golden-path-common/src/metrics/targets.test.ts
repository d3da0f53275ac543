import { metricStatus } from './targets';
import { trendOf } from './trend';

describe('metricStatus', () => {
  const below = { kind: 'below', value: 1800_000 } as const;
  const above = { kind: 'above', value: 0.8 } as const;

  it('meets a below target strictly under it, and is at risk within 10% over it', () => {
    expect(metricStatus(1_000_000, below)).toBe('met');
    expect(metricStatus(1800_000, below)).toBe('at-risk');
    expect(metricStatus(1_980_000, below)).toBe('at-risk');
    expect(metricStatus(2_000_000, below)).toBe('missed');
  });

  it('meets an above target strictly over it, and is at risk within 10% under it', () => {
    expect(metricStatus(0.81, above)).toBe('met');
    expect(metricStatus(0.75, above)).toBe('at-risk');
    expect(metricStatus(0.6, above)).toBe('missed');
  });

  it('reads a direction target from the trend, flat being at risk', () => {
    const decreasing = { kind: 'decreasing' } as const;
    expect(metricStatus(10, decreasing, trendOf(10, 14, 'lower'))).toBe('met');
    expect(metricStatus(14, decreasing, trendOf(14, 10, 'lower'))).toBe(
      'missed',
    );
    expect(metricStatus(10, decreasing, trendOf(10, 10, 'lower'))).toBe(
      'at-risk',
    );
    expect(metricStatus(10, decreasing)).toBe('no-data');
  });

  it('says no data without a value, never a status', () => {
    expect(metricStatus(undefined, below)).toBe('no-data');
    expect(metricStatus(undefined, above)).toBe('no-data');
  });

  it('takes zero as a value, not as missing data', () => {
    expect(metricStatus(0, below)).toBe('met');
    expect(metricStatus(0, above)).toBe('missed');
  });
});
