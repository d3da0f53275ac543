import {
  previousPeriod,
  quarterOf,
  quarterRange,
  utcDay,
  weekStart,
} from './calendar';

describe('calendar', () => {
  it('reads the UTC day, whatever the offset the instant was written with', () => {
    expect(utcDay('2026-12-01T23:30:00-02:00')).toBe('2026-12-02');
  });

  it.each([
    ['2026-11-30T10:00:00Z', '2026-11-30'], // a Monday
    ['2026-12-06T23:59:59Z', '2026-11-30'], // the Sunday after
    ['2026-01-01T00:00:00Z', '2025-12-29'], // a week across the new year
  ])('starts the week of %s on %s', (at, monday) => {
    expect(weekStart(at)).toBe(monday);
  });

  it('names quarters and gives their bounds', () => {
    expect(quarterOf('2026-03-31T23:59:59Z')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01T00:00:00Z')).toBe('2026-Q2');
    expect(quarterRange('2026-Q4')).toEqual({
      from: new Date('2026-10-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
    expect(() => quarterRange('2026-Q5')).toThrow(
      "'2026-Q5' is not a quarter like 2026-Q4",
    );
  });

  it('gives the period of the same length just before', () => {
    expect(
      previousPeriod({
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-10-11T00:00:00Z'),
      }),
    ).toEqual({
      from: new Date('2026-09-21T00:00:00Z'),
      to: new Date('2026-10-01T00:00:00Z'),
    });
  });
});
