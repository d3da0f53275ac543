import { templateDrift } from './drift';

describe('templateDrift', () => {
  it('compares by semver, not as strings', () => {
    expect(templateDrift('1.9.0', '1.10.0')).toEqual({
      status: 'behind',
      by: 'minor',
      distance: 1,
    });
    expect(templateDrift('1.10.0', '1.9.0')).toEqual({ status: 'ahead' });
  });

  it.each([
    ['1.2.0', '1.2.0', { status: 'current' }],
    ['1.2.0', '3.0.0', { status: 'behind', by: 'major', distance: 2 }],
    ['1.2.0', '1.2.7', { status: 'behind', by: 'patch', distance: 7 }],
    [
      '2.0.0-rc.1',
      '2.0.0',
      { status: 'behind', by: 'prerelease', distance: 0 },
    ],
    ['v1.4', '1.4.0', { status: 'current' }],
    ['2', '2.1.0', { status: 'behind', by: 'minor', distance: 1 }],
  ])('%s against latest %s', (version, latest, drift) => {
    expect(templateDrift(version, latest)).toEqual(drift);
  });

  it('says unknown, never current, when a version is missing or unreadable', () => {
    expect(templateDrift(undefined, '1.0.0')).toEqual({
      status: 'unknown',
      reason: 'no-version',
    });
    expect(templateDrift('1.0.0', undefined)).toEqual({
      status: 'unknown',
      reason: 'no-latest-version',
    });
    expect(templateDrift('latest', '1.0.0')).toEqual({
      status: 'unknown',
      reason: 'unparseable-version',
    });
  });
});
