import { Knex } from 'knex';
import { PushedFacts, PushedFactsStore } from './PushedFactsStore';
import { DbPushedFactsRow, PUSHED_FACTS_TABLE } from './tables';
import { toDate } from './toDate';

// Rows per INSERT (5 parameters each) and refs per IN (...): well under
// every engine's bound-parameter limit.
const BATCH_SIZE = 200;

/** {@link PushedFactsStore} on the plugin's Knex database. */
export class DatabasePushedFactsStore implements PushedFactsStore {
  constructor(private readonly db: Knex) {}

  async replace(items: PushedFacts[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (let i = 0; i < items.length; i += BATCH_SIZE) {
        await tx<DbPushedFactsRow>(PUSHED_FACTS_TABLE)
          .insert(
            items.slice(i, i + BATCH_SIZE).map(item => ({
              source_id: item.sourceId,
              entity_ref: item.entityRef,
              facts: JSON.stringify(item.facts),
              pushed_at: item.pushedAt,
              pushed_by: item.pushedBy,
            })),
          )
          .onConflict(['source_id', 'entity_ref'])
          .merge();
      }
    });
  }

  async list(
    sourceId: string,
    entityRefs: string[],
    since?: Date,
  ): Promise<PushedFacts[]> {
    const found: PushedFacts[] = [];
    for (let i = 0; i < entityRefs.length; i += BATCH_SIZE) {
      const rows = await this.db<DbPushedFactsRow>(PUSHED_FACTS_TABLE)
        .where('source_id', sourceId)
        .whereIn('entity_ref', entityRefs.slice(i, i + BATCH_SIZE))
        .modify(query => {
          if (since) {
            query.where('pushed_at', '>', since);
          }
        });
      found.push(
        ...rows.map((row: DbPushedFactsRow) => ({
          sourceId: row.source_id,
          entityRef: row.entity_ref,
          facts: JSON.parse(row.facts),
          pushedAt: toDate(row.pushed_at),
          pushedBy: row.pushed_by,
        })),
      );
    }
    return found;
  }
}
