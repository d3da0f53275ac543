import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import { teamsOf } from './teamsOf';

// A user's team changes with the org chart, not by the second: a replica
// re-reads it from the catalog at most this often.
const CACHE_MS = 5 * 60_000;

// Users per catalog page when listing every team.
const PAGE_SIZE = 1000;

/** Users' teams from the catalog (see {@link teamsOf}), cached briefly. */
export class TeamDirectory {
  private readonly cache = new Map<string, { team: string; at: number }>();
  private all?: { teams: Promise<string[]>; at: number };

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
  ) {}

  /** The team of each of the given user refs (lower-case keys). */
  async teamsOf(userRefs: Iterable<string>): Promise<Map<string, string>> {
    const now = Date.now();
    const keys = [
      ...new Set([...userRefs].map(r => r.toLocaleLowerCase('en-US'))),
    ];
    const missing = keys.filter(key => {
      const cached = this.cache.get(key);
      return !cached || now - cached.at >= CACHE_MS;
    });
    if (missing.length > 0) {
      const found = await teamsOf(missing, this.deps);
      found.forEach((team, key) => this.cache.set(key, { team, at: now }));
    }
    return new Map(keys.map(key => [key, this.cache.get(key)!.team]));
  }

  /** Every team: each group that is some user's first group. */
  async allTeams(): Promise<string[]> {
    if (!this.all || Date.now() - this.all.at >= CACHE_MS) {
      const teams = this.listTeams();
      this.all = { teams, at: Date.now() };
      teams.catch(() => {
        this.all = undefined;
      });
    }
    return this.all.teams;
  }

  private async listTeams(): Promise<string[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const teams = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : {
              filter: { kind: 'user' },
              fields: ['metadata.namespace', 'spec.memberOf'],
              limit: PAGE_SIZE,
            },
        { credentials },
      );
      for (const user of page.items) {
        const first = (user.spec?.memberOf as string[] | undefined)?.[0];
        if (typeof first === 'string') {
          teams.add(
            entityRefKey(first, {
              defaultKind: 'group',
              defaultNamespace: user.metadata.namespace,
            }),
          );
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return [...teams].sort();
  }
}
