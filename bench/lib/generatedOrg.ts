// A generated organisation for the load benchmarks: departments of teams of
// users, written as a catalog file the example backend reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from './exampleBackend';

export const DEPARTMENTS = 20;
export const TEAMS = 200;
export const USERS_PER_TEAM = 10;
export const USERS = TEAMS * USERS_PER_TEAM;

export const teamRef = (t: number) => `group:default/bench-team-${t}`;
export const userName = (u: number) => `bench-user-${u}`;

/** Writes the org file; returns its path. */
export function writeOrg(prefix: string): string {
  const docs: unknown[] = [];
  const perDepartment = TEAMS / DEPARTMENTS;
  for (let d = 0; d < DEPARTMENTS; d++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `bench-dept-${d}` },
      spec: {
        type: 'department',
        children: Array.from(
          { length: perDepartment },
          (_, t) => `bench-team-${d * perDepartment + t}`,
        ),
      },
    });
  }
  for (let t = 0; t < TEAMS; t++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `bench-team-${t}` },
      spec: {
        type: 'team',
        parent: `bench-dept-${Math.floor(t / perDepartment)}`,
        children: [],
      },
    });
    for (let u = 0; u < USERS_PER_TEAM; u++) {
      const name = userName(t * USERS_PER_TEAM + u);
      docs.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name },
        spec: {
          profile: { email: `${name}@example.com` },
          memberOf: [`bench-team-${t}`],
        },
      });
    }
  }
  mkdirSync(DATA, { recursive: true });
  const file = join(DATA, `${prefix}org.yaml`);
  writeFileSync(
    file,
    docs.map(doc => `---\n${JSON.stringify(doc)}`).join('\n'),
  );
  return file;
}
