import semver from 'semver';

/**
 * How far an entity's template version is behind its golden path's latest
 * version.
 *
 * @public
 */
export type TemplateDrift =
  | { status: 'current' }
  | {
      status: 'behind';
      /** The most significant part that differs. */
      by: 'major' | 'minor' | 'patch' | 'prerelease';
      /** How many versions of that part behind (0 for prerelease). */
      distance: number;
    }
  /** Newer than the declared latest version: the declaration is stale. */
  | { status: 'ahead' }
  | {
      status: 'unknown';
      reason: 'no-version' | 'no-latest-version' | 'unparseable-version';
    };

function parse(version: string): semver.SemVer | null {
  return (
    semver.parse(version.trim(), { loose: true }) ??
    semver.coerce(version.trim())
  );
}

/**
 * Compares an entity's template version with the path's latest by semver,
 * not as strings: 1.10.0 is newer than 1.9.0. Versions such as `v2` or
 * `1.4` are read as 2.0.0 and 1.4.0.
 *
 * @public
 */
export function templateDrift(
  version: string | undefined,
  latestVersion: string | undefined,
): TemplateDrift {
  if (!version) {
    return { status: 'unknown', reason: 'no-version' };
  }
  if (!latestVersion) {
    return { status: 'unknown', reason: 'no-latest-version' };
  }
  const current = parse(version);
  const latest = parse(latestVersion);
  if (!current || !latest) {
    return { status: 'unknown', reason: 'unparseable-version' };
  }
  const order = semver.compare(current, latest);
  if (order === 0) {
    return { status: 'current' };
  }
  if (order > 0) {
    return { status: 'ahead' };
  }
  if (current.major !== latest.major) {
    return {
      status: 'behind',
      by: 'major',
      distance: latest.major - current.major,
    };
  }
  if (current.minor !== latest.minor) {
    return {
      status: 'behind',
      by: 'minor',
      distance: latest.minor - current.minor,
    };
  }
  if (current.patch !== latest.patch) {
    return {
      status: 'behind',
      by: 'patch',
      distance: latest.patch - current.patch,
    };
  }
  return { status: 'behind', by: 'prerelease', distance: 0 };
}

/**
 * Orders versions newest first by semver; versions that do not parse come
 * last, in text order.
 *
 * @public
 */
export function compareVersionsNewestFirst(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (pa && pb) {
    return semver.compare(pb, pa);
  }
  if (pa || pb) {
    return pa ? -1 : 1;
  }
  return a.localeCompare(b);
}

/**
 * The newest of the given versions by semver, as written; `undefined` when
 * none parses. A path's latest version is the newest of its configured
 * `latestVersion` and the versions its templates have published.
 *
 * @public
 */
export function newestVersion(
  versions: Iterable<string | undefined | null>,
): string | undefined {
  let newest: { text: string; parsed: semver.SemVer } | undefined;
  for (const text of versions) {
    const parsed = text ? parse(text) : null;
    if (parsed && (!newest || semver.compare(parsed, newest.parsed) > 0)) {
      newest = { text: text!, parsed };
    }
  }
  return newest?.text;
}
