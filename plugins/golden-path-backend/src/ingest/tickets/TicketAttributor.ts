import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import { UNASSIGNED_TEAM } from '../../catalog/teamsOf';
import { TeamDirectory } from '../../catalog/TeamDirectory';
import { ResultsStore } from '../../database/ResultsStore';
import { ParsedTicket } from './ticketSchema';

// Requesters, their teams and components repeat across batches; a replica
// re-reads them from the catalog at most this often.
const CACHE_MS = 5 * 60_000;
// Values per catalog filter: keeps each query's URL far below header limits.
const FILTER_CHUNK = 100;

/** Who asked and what about, as the catalog says. */
export interface TicketAttribution {
  userRef?: string;
  team: string;
  entityRef?: string;
  pathId?: string;
}

const lower = (value: string) => value.toLocaleLowerCase('en-US');

class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry && Date.now() - entry.at < CACHE_MS ? entry.value : undefined;
  }

  has(key: string): boolean {
    const entry = this.entries.get(key);
    return Boolean(entry && Date.now() - entry.at < CACHE_MS);
  }

  set(key: string, value: V) {
    this.entries.set(key, { value, at: Date.now() });
  }
}

/**
 * Maps tickets to the catalog: the requester (email, username or user ref)
 * to a User and its team, the ticket to a Component (an explicit entity
 * ref, else a component or label naming one) and to a golden path (an
 * explicit or labelled path id, else the entity's path).
 */
export class TicketAttributor {
  private readonly users = new TtlCache<string | null>();
  private readonly components = new TtlCache<string | null>();
  private readonly teams: TeamDirectory;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      results: Pick<ResultsStore, 'pathsOf'>;
      pathIds: string[];
      teams: TeamDirectory;
    },
  ) {
    this.teams = deps.teams;
  }

  private async lookUp(
    cache: TtlCache<string | null>,
    keys: string[],
    filterOf: (values: string[]) => Record<string, string | string[]>,
    keysOf: (entity: Entity) => string[],
  ) {
    const missing = [...new Set(keys)].filter(key => !cache.has(key));
    if (missing.length === 0) {
      return;
    }
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    for (let i = 0; i < missing.length; i += FILTER_CHUNK) {
      const chunk = missing.slice(i, i + FILTER_CHUNK);
      const { items } = await this.deps.catalog.getEntities(
        {
          filter: filterOf(chunk),
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.profile.email',
          ],
        },
        { credentials },
      );
      chunk.forEach(key => cache.set(key, null));
      for (const entity of items) {
        const ref = lower(stringifyEntityRef(entity));
        keysOf(entity).forEach(key => cache.set(key, ref));
      }
    }
  }

  async attribute(tickets: ParsedTicket[]): Promise<TicketAttribution[]> {
    const requesters = tickets.flatMap(t =>
      t.requester ? [lower(t.requester)] : [],
    );
    const emails = requesters.filter(r => r.includes('@'));
    const names = requesters.filter(r => !r.includes('@') && !r.includes(':'));
    await this.lookUp(
      this.users,
      emails.map(e => `email:${e}`),
      values => ({
        kind: 'user',
        'spec.profile.email': values.map(v => v.slice('email:'.length)),
      }),
      entity => {
        const email = (entity.spec?.profile as { email?: string })?.email;
        return email ? [`email:${lower(email)}`] : [];
      },
    );
    await this.lookUp(
      this.users,
      names.map(n => `name:${n}`),
      values => ({
        kind: 'user',
        'metadata.name': values.map(v => v.slice('name:'.length)),
      }),
      entity => [`name:${lower(entity.metadata.name)}`],
    );
    const candidates = tickets.flatMap(t =>
      t.entityRef ? [] : [...t.components, ...t.labels].map(lower),
    );
    await this.lookUp(
      this.components,
      candidates,
      values => ({ kind: 'component', 'metadata.name': values }),
      entity => [lower(entity.metadata.name)],
    );

    const userOf = (requester?: string): string | undefined => {
      if (!requester) {
        return undefined;
      }
      const key = lower(requester);
      if (key.startsWith('user:')) {
        return entityRefKey(key);
      }
      return (
        this.users.get(key.includes('@') ? `email:${key}` : `name:${key}`) ??
        undefined
      );
    };
    const entityOf = (ticket: ParsedTicket): string | undefined => {
      if (ticket.entityRef) {
        return entityRefKey(ticket.entityRef, { defaultKind: 'component' });
      }
      for (const name of [...ticket.components, ...ticket.labels]) {
        const ref = this.components.get(lower(name));
        if (ref) {
          return ref;
        }
      }
      return undefined;
    };

    const userRefs = tickets.map(t => userOf(t.requester));
    const entityRefs = tickets.map(entityOf);
    const [teams, paths] = await Promise.all([
      this.teams.teamsOf(userRefs.flatMap(u => u ?? [])),
      this.deps.results.pathsOf([...new Set(entityRefs.flatMap(e => e ?? []))]),
    ]);
    return tickets.map((ticket, i) => {
      const userRef = userRefs[i];
      const entityRef = entityRefs[i];
      const labelledPath = ticket.labels
        .map(lower)
        .map(label => label.replace(/^(golden-path|path):/, ''))
        .find(label => this.deps.pathIds.includes(label));
      const pathId =
        ticket.pathId ?? labelledPath ?? (entityRef && paths.get(entityRef));
      return {
        ...(userRef ? { userRef } : {}),
        team: (userRef && teams.get(userRef)) ?? UNASSIGNED_TEAM,
        ...(entityRef ? { entityRef } : {}),
        ...(pathId ? { pathId } : {}),
      };
    });
  }
}
