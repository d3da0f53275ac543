import { isoDurationSeconds } from './isoDuration';

describe('isoDurationSeconds', () => {
  it.each([
    ['PT4H', 4 * 3600],
    ['PT30M', 1800],
    ['P1DT2H', 26 * 3600],
    ['P2W', 14 * 86400],
    ['PT1.5H', 5400],
    ['pt15m', 900],
  ])('reads %s', (text, seconds) => {
    expect(isoDurationSeconds(text)).toBe(seconds);
  });

  it.each([undefined, '', 'P', 'PT', '4 hours', 'T4H', 'PT-1H'])(
    'has no value for %p',
    text => {
      expect(isoDurationSeconds(text)).toBeUndefined();
    },
  );
});
