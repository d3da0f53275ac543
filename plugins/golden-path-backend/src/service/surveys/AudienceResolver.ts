import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SurveyAudience } from '@golden-path/plugin-golden-path-common';
import { groupWithDescendants } from '../groupHierarchy';

// Audience groups change with the org chart, not by the second: a prompt
// request re-reads them at most this often per replica.
const CACHE_MS = 60_000;
// Group refs per catalog query, keeping its URL far below header limits.
const FILTER_CHUNK = 100;

/**
 * Who a campaign's audience is: its groups and every group below them in
 * the catalog, so that a campaign for a department reaches its teams.
 */
export class AudienceResolver {
  private readonly cache = new Map<
    string,
    { groups: Promise<Set<string>>; at: number }
  >();

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
  ) {}

  /** The audience's groups with their sub-groups; `undefined` for all. */
  async groupsOf(audience: SurveyAudience): Promise<Set<string> | undefined> {
    if (audience.type === 'all') {
      return undefined;
    }
    const key = [...audience.groups].sort().join(',');
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < CACHE_MS) {
      return cached.groups;
    }
    const groups = this.expand(audience.groups);
    this.cache.set(key, { groups, at: Date.now() });
    groups.catch(() => this.cache.delete(key));
    return groups;
  }

  private async expand(groups: string[]): Promise<Set<string>> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const all = new Set<string>();
    for (const group of groups) {
      for (const ref of await groupWithDescendants(
        this.deps.catalog,
        group,
        credentials,
      )) {
        all.add(ref);
      }
    }
    return all;
  }

  /** Whether a user with these ownership refs is in the audience. */
  async includes(
    audience: SurveyAudience,
    ownershipEntityRefs: string[],
  ): Promise<boolean> {
    const groups = await this.groupsOf(audience);
    return (
      !groups ||
      ownershipEntityRefs.some(ref =>
        groups.has(ref.toLocaleLowerCase('en-US')),
      )
    );
  }

  /** How many User entities the audience holds; `undefined` if unknown. */
  async size(audience: SurveyAudience): Promise<number | undefined> {
    const groups = await this.groupsOf(audience);
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const refs = groups ? [...groups] : undefined;
    if (refs && refs.length > 20 * FILTER_CHUNK) {
      return undefined;
    }
    const filter = refs
      ? Array.from(
          { length: Math.ceil(refs.length / FILTER_CHUNK) },
          (_, i) => ({
            kind: 'user',
            'relations.memberof': refs.slice(
              i * FILTER_CHUNK,
              (i + 1) * FILTER_CHUNK,
            ),
          }),
        )
      : { kind: 'user' };
    const { totalItems } = await this.deps.catalog.queryEntities(
      { filter, limit: 1, fields: ['metadata.name'] },
      { credentials },
    );
    return totalItems;
  }
}
