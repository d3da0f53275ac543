import { FactProvider } from '@golden-path/plugin-golden-path-node';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import { JsonObject } from '@backstage/types';
import { FactSource } from '../config/readGoldenPathConfig';
import { PushedFactsStore } from '../database/PushedFactsStore';
import { DAY_MS } from '../time';

/**
 * A fact provider serving what an external source pushed through the API,
 * as `facts.<source>.<field>`. Entities it never pushed for, or whose facts
 * are older than the source's `maxAgeDays`, have unknown facts.
 */
export function pushedFactProvider(
  source: FactSource,
  store: PushedFactsStore,
): FactProvider {
  return {
    id: source.id,
    async getFacts(entities) {
      const refs = entities.map(entity => entityRefKey(entity));
      const since = source.maxAgeDays
        ? new Date(Date.now() - source.maxAgeDays * DAY_MS)
        : undefined;
      const rows = await store.list(source.id, refs, since);
      return new Map<string, JsonObject>(
        rows.map(row => [row.entityRef, row.facts]),
      );
    },
  };
}
