import {
  compareVersionsNewestFirst,
  newestVersion,
  templateDrift,
} from './drift';

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

describe('newestVersion', () => {
  it('picks by semver, keeping the text as written', () => {
    expect(newestVersion(['1.9.0', '1.10.0', undefined, 'v1.2'])).toBe(
      '1.10.0',
    );
    expect(newestVersion(['v2', '1.99.0'])).toBe('v2');
  });

  it('keeps the first of equal versions and ignores what does not parse', () => {
    expect(newestVersion(['1.2', '1.2.0', 'latest'])).toBe('1.2');
    expect(newestVersion([null, 'latest'])).toBeUndefined();
  });
});

describe('compareVersionsNewestFirst', () => {
  it('sorts by semver, unparseable versions last', () => {
    expect(
      ['1.9.0', 'nightly', '1.10.0', 'v2', 'beta'].sort(
        compareVersionsNewestFirst,
      ),
    ).toEqual(['v2', '1.10.0', '1.9.0', 'beta', 'nightly']);
  });
});
