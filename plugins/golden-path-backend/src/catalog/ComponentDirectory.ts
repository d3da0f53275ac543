import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The annotation naming a component's GitHub repository, `owner/name`. */
export const ANNOTATION_PROJECT_SLUG = 'github.com/project-slug';

// Names and entities repeat across batches; a replica re-reads them from
// the catalog at most this often.
const CACHE_MS = 5 * 60_000;
// Values per catalog filter: keeps each query's URL far below header limits.
const FILTER_CHUNK = 100;

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * Components looked up by name or ref, with the fields ingestion needs,
 * cached for a few minutes: what a name the CI/CD or a tracker uses stands
 * for in the catalog.
 */
export class ComponentDirectory {
  private readonly byKey = new Map<string, { entity?: Entity; at: number }>();

  private readonly fields: string[];

  /** `fields`: what ingestion needs beside the name and the annotations. */
  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
    fields: string[],
  ) {
    // Annotations whole: a field path cannot name a key with dots in it.
    this.fields = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.annotations',
      ...fields,
    ];
  }

  /** The components of the given names (lower-case keys), found or not. */
  byNames(names: string[]): Promise<Map<string, Entity | undefined>> {
    return this.byFilter('name', 'metadata.name', names, e => [
      e.metadata.name,
    ]);
  }

  /**
   * The components whose `github.com/project-slug` annotation is one of
   * the given `owner/name` repositories (lower-case keys), found or not.
   */
  byRepositories(slugs: string[]): Promise<Map<string, Entity | undefined>> {
    return this.byFilter(
      'repository',
      `metadata.annotations.${ANNOTATION_PROJECT_SLUG}`,
      slugs,
      e => {
        const slug = e.metadata.annotations?.[ANNOTATION_PROJECT_SLUG];
        return slug ? [slug] : [];
      },
    );
  }

  private async byFilter(
    kind: string,
    field: string,
    values: string[],
    keysOf: (entity: Entity) => string[],
  ): Promise<Map<string, Entity | undefined>> {
    const keys = [...new Set(values.map(lower))];
    const now = Date.now();
    const missing = keys.filter(key => {
      const cached = this.byKey.get(`${kind}:${key}`);
      return !cached || now - cached.at >= CACHE_MS;
    });
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    for (let i = 0; i < missing.length; i += FILTER_CHUNK) {
      const chunk = missing.slice(i, i + FILTER_CHUNK);
      const { items } = await this.deps.catalog.getEntities(
        {
          filter: { kind: 'component', [field]: chunk },
          fields: this.fields,
        },
        { credentials },
      );
      chunk.forEach(key => this.byKey.set(`${kind}:${key}`, { at: now }));
      for (const entity of items) {
        for (const key of keysOf(entity)) {
          this.byKey.set(`${kind}:${lower(key)}`, { entity, at: now });
        }
      }
    }
    return new Map(
      keys.map(key => [key, this.byKey.get(`${kind}:${key}`)?.entity]),
    );
  }

  /** The components of the given refs (lower-case keys), found or not. */
  async byRefs(refs: string[]): Promise<Map<string, Entity | undefined>> {
    const keys = [...new Set(refs.map(lower))];
    const now = Date.now();
    const missing = keys.filter(key => {
      const cached = this.byKey.get(`ref:${key}`);
      return !cached || now - cached.at >= CACHE_MS;
    });
    if (missing.length > 0) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: missing,
          fields: this.fields,
        },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      missing.forEach((key, i) =>
        this.byKey.set(`ref:${key}`, { entity: items[i], at: now }),
      );
    }
    return new Map(
      keys.map(key => [key, this.byKey.get(`ref:${key}`)?.entity]),
    );
  }
}

/** An entity's lower-case ref. */
export const refOf = (entity: Entity) => lower(stringifyEntityRef(entity));
