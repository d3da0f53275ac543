import { AuthService } from '@backstage/backend-plugin-api';
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';

/** The team of a user missing from the catalog or in no group. */
export const UNASSIGNED_TEAM = 'unassigned';

/**
 * Each user's team from the catalog as it is now: the first group their
 * user entity lists in `spec.memberOf`, the team an org chart puts first.
 * Guests and users missing from the catalog are `unassigned`.
 */
export async function teamsOf(
  users: Iterable<string>,
  deps: { catalog: CatalogService; auth: AuthService },
): Promise<Map<string, string>> {
  const refs = [...new Set(users)];
  const teams = new Map<string, string>();
  if (refs.length === 0) {
    return teams;
  }
  const { items } = await deps.catalog.getEntitiesByRefs(
    {
      entityRefs: refs,
      fields: ['kind', 'metadata.namespace', 'spec.memberOf'],
    },
    { credentials: await deps.auth.getOwnServiceCredentials() },
  );
  refs.forEach((ref, i) => {
    const memberOf = items[i]?.spec?.memberOf;
    const first = Array.isArray(memberOf) ? memberOf[0] : undefined;
    teams.set(
      ref,
      typeof first === 'string'
        ? entityRefKey(first, {
            defaultKind: 'group',
            defaultNamespace: items[i]?.metadata.namespace ?? DEFAULT_NAMESPACE,
          })
        : UNASSIGNED_TEAM,
    );
  });
  return teams;
}
