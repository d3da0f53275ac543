import { AuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { JsonObject, JsonValue } from '@backstage/types';
import { FactSource, PushedFactField } from '../config/readGoldenPathConfig';
import { PushedFactsStore } from '../database/PushedFactsStore';
import { entityRefSchema, parseInput } from '../validation/input';
import { z } from 'zod';

/** Entities per push: a CI run's worth, bounded so one request stays small. */
export const MAX_PUSH_ITEMS = 1000;

// Batches small enough to be re-scored in the request, so the pusher sees
// the effect at once; larger ones show at the next scoring run.
const REFRESH_AT_MOST = 10;

const pushSchema = z
  .object({
    items: z
      .array(
        z
          .object({ entityRef: entityRefSchema, facts: z.record(z.unknown()) })
          .strict(),
      )
      .min(1)
      .max(MAX_PUSH_ITEMS),
  })
  .strict();

function checkField(
  field: PushedFactField,
  value: unknown,
): string | undefined {
  if (field.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return 'must be a number';
    }
    if (field.min !== undefined && value < field.min) {
      return `must be at least ${field.min}`;
    }
    if (field.max !== undefined && value > field.max) {
      return `must be at most ${field.max}`;
    }
    return undefined;
  }
  if (field.type === 'boolean') {
    return typeof value === 'boolean' ? undefined : 'must be true or false';
  }
  if (typeof value !== 'string') {
    return 'must be a string';
  }
  if (field.values && !field.values.includes(value)) {
    return `must be one of ${field.values.join(', ')}`;
  }
  return undefined;
}

/**
 * Accepts facts pushed by an external system: validates the whole batch
 * against the source's declared fields and the catalog, then stores it in
 * one transaction. Replaying a push replaces the same rows.
 */
export class FactPushService {
  private readonly sources: Map<string, FactSource>;

  constructor(
    private readonly options: {
      sources: FactSource[];
      store: PushedFactsStore;
      catalog: CatalogService;
      auth: AuthService;
      refresh: (entityRef: string) => Promise<unknown>;
    },
  ) {
    this.sources = new Map(options.sources.map(s => [s.id, s]));
  }

  async push(
    sourceId: string,
    body: unknown,
    pushedBy: string,
  ): Promise<{ source: string; accepted: number }> {
    const source = this.sources.get(sourceId);
    if (!source) {
      throw new NotFoundError(
        `No fact source '${sourceId}'; declare it under goldenPath.factSources`,
      );
    }
    const { items } = parseInput(pushSchema, body, 'facts');
    const refs: string[] = [];
    items.forEach((item, i) => {
      const ref = item.entityRef;
      if (refs.includes(ref)) {
        throw new InputError(
          `Invalid facts: items.${i}.entityRef: '${ref}' appears twice`,
        );
      }
      refs.push(ref);
      for (const [name, value] of Object.entries(item.facts)) {
        // Own keys only: `constructor` is no declared field.
        const field = Object.hasOwn(source.fields, name)
          ? source.fields[name]
          : undefined;
        const problem = field
          ? checkField(field, value)
          : `not a declared field of '${source.id}' (declared: ${Object.keys(
              source.fields,
            ).join(', ')})`;
        if (problem) {
          throw new InputError(
            `Invalid facts: items.${i}.facts.${name}: ${problem}`,
          );
        }
      }
    });

    // Existence is checked with the plugin's own credentials: a CI token is
    // usually allowed to reach this plugin only, not the catalog.
    const { items: found } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const missing = found.findIndex(entity => !entity);
    if (missing !== -1) {
      throw new InputError(
        `Invalid facts: items.${missing}.entityRef: '${refs[missing]}' is not in the catalog`,
      );
    }

    const pushedAt = new Date();
    await this.options.store.replace(
      items.map(item => ({
        sourceId,
        entityRef: item.entityRef,
        facts: item.facts as { [key: string]: JsonValue } as JsonObject,
        pushedAt,
        pushedBy,
      })),
    );
    if (refs.length <= REFRESH_AT_MOST) {
      for (const ref of refs) {
        await this.options.refresh(ref);
      }
    }
    return { source: sourceId, accepted: refs.length };
  }
}
