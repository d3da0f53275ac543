import { trendOf } from './trend';

describe('trendOf', () => {
  it('says a fall is an improvement for a figure where lower is better', () => {
    expect(trendOf(80, 100, 'lower')).toEqual({
      previous: 100,
      change: -20,
      relativeChange: -0.2,
      direction: 'down',
      improving: true,
    });
  });

  it('says a fall is a decline where higher is better', () => {
    expect(trendOf(30, 40, 'higher')).toMatchObject({
      direction: 'down',
      improving: false,
    });
  });

  it('calls a change under half a percent flat, neither better nor worse', () => {
    const trend = trendOf(100.2, 100, 'higher');
    expect(trend?.direction).toBe('flat');
    expect(trend?.improving).toBeUndefined();
  });

  it('has no relative change from zero, but still a direction', () => {
    expect(trendOf(5, 0, 'lower')).toEqual({
      previous: 0,
      change: 5,
      direction: 'up',
      improving: false,
    });
  });

  it('has no trend when either period has no value', () => {
    expect(trendOf(undefined, 3, 'higher')).toBeUndefined();
    expect(trendOf(3, undefined, 'higher')).toBeUndefined();
  });
});
