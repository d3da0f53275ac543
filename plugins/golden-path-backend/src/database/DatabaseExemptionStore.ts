import { ConflictError } from '@backstage/errors';
import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { Exemption } from '@golden-path/plugin-golden-path-common';
import { Knex } from 'knex';
import { ExemptionStore } from './ExemptionStore';
import { DbExemptionRow, EXEMPTIONS_TABLE } from './tables';
import { toDate } from './toDate';

// Entity refs per IN (...) query: far below every engine's bound-parameter
// limit, and a page of the scoring run in a couple of queries.
const LOOKUP_BATCH_SIZE = 500;

function fromRow(row: DbExemptionRow): Exemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    expiresAt: toDate(row.expires_at).toISOString(),
    grantedBy: row.granted_by,
    grantedAt: toDate(row.granted_at).toISOString(),
  };
}

/** {@link ExemptionStore} on the plugin's Knex database. */
export class DatabaseExemptionStore implements ExemptionStore {
  constructor(private readonly db: Knex) {}

  async create(exemption: Exemption): Promise<void> {
    try {
      await this.db<DbExemptionRow>(EXEMPTIONS_TABLE).insert({
        id: exemption.id,
        entity_ref: exemption.entityRef,
        check_id: exemption.checkId,
        reason: exemption.reason,
        expires_at: new Date(exemption.expiresAt),
        granted_by: exemption.grantedBy,
        granted_at: new Date(exemption.grantedAt),
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(
          `'${exemption.entityRef}' already has an exemption for check '${exemption.checkId}'; revoke it first`,
        );
      }
      throw error;
    }
  }

  async delete(id: string): Promise<Exemption | undefined> {
    return this.db.transaction(async tx => {
      const row = await tx<DbExemptionRow>(EXEMPTIONS_TABLE)
        .where('id', id)
        .first();
      if (!row) {
        return undefined;
      }
      await tx<DbExemptionRow>(EXEMPTIONS_TABLE).where('id', id).delete();
      return fromRow(row);
    });
  }

  async list(entityRef?: string): Promise<Exemption[]> {
    const query = this.db<DbExemptionRow>(EXEMPTIONS_TABLE).orderBy([
      'entity_ref',
      'check_id',
    ]);
    if (entityRef) {
      query.where('entity_ref', entityRef.toLocaleLowerCase('en-US'));
    }
    return (await query).map(fromRow);
  }

  async listActive(entityRefs: string[], now: Date): Promise<Exemption[]> {
    const found: Exemption[] = [];
    for (let i = 0; i < entityRefs.length; i += LOOKUP_BATCH_SIZE) {
      const rows = await this.db<DbExemptionRow>(EXEMPTIONS_TABLE)
        .whereIn('entity_ref', entityRefs.slice(i, i + LOOKUP_BATCH_SIZE))
        .where('expires_at', '>', now);
      found.push(...rows.map(fromRow));
    }
    return found;
  }
}
