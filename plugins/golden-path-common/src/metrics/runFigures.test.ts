import { runFigures } from './runFigures';

describe('runFigures', () => {
  it('counts succeeded runs for durations and time saved, finished runs for the success rate', () => {
    const figures = runFigures([
      { status: 'completed', durationMs: 1000, timeSavedSeconds: 3600 },
      { status: 'completed', durationMs: 3000, timeSavedSeconds: 3600 },
      { status: 'completed', durationMs: 2000 },
      { status: 'failed', durationMs: 10, timeSavedSeconds: 3600 },
      { status: 'cancelled' },
      { status: 'processing' },
    ]);

    expect(figures).toEqual({
      runs: 6,
      finished: 5,
      succeeded: 3,
      failed: 1,
      cancelled: 1,
      successRate: 0.6,
      medianDurationMs: 2000,
      p90DurationMs: 2800,
      timeSavedSeconds: 7200,
      runsWithoutTimeSaved: 1,
    });
  });

  it('leaves rates and durations out when nothing finished', () => {
    const figures = runFigures([{ status: 'open' }]);

    expect(figures.runs).toBe(1);
    expect(figures.successRate).toBeUndefined();
    expect(figures.medianDurationMs).toBeUndefined();
  });
});
