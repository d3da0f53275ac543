import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CreateExemptionRequest,
  Exemption,
} from '@golden-path/plugin-golden-path-common';
import { randomUUID } from 'node:crypto';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ExemptionStore } from '../database/ExemptionStore';
import { ResultsStore } from '../database/ResultsStore';
import { DAY_MS } from '../time';

/** The longest an exemption may run: a year, so every one gets re-examined. */
const MAX_EXEMPTION_DAYS = 366;

/**
 * Grants and revokes exemptions, checking what the request refers to. Who
 * may do so is decided by the router (permission) before it gets here.
 */
export class ExemptionService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      exemptions: ExemptionStore;
      results: ResultsStore;
      settings: GoldenPathSettings;
      /** Re-scores one entity so the change shows at once. */
      refresh: (entityRef: string) => Promise<unknown>;
    },
  ) {}

  async grant(
    request: CreateExemptionRequest,
    grantedBy: string,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<Exemption> {
    const { catalog, exemptions, results, settings, refresh } = this.options;
    const expiresAt = new Date(request.expiresAt);
    if (expiresAt.getTime() <= now.getTime()) {
      throw new InputError(
        'Invalid exemption: expiresAt: must be in the future',
      );
    }
    if (expiresAt.getTime() > now.getTime() + MAX_EXEMPTION_DAYS * DAY_MS) {
      throw new InputError(
        `Invalid exemption: expiresAt: must be within ${MAX_EXEMPTION_DAYS} days`,
      );
    }
    if (!(await catalog.getEntityByRef(request.entityRef, { credentials }))) {
      throw new InputError(
        `Invalid exemption: entityRef: '${request.entityRef}' is not in the catalog`,
      );
    }
    const recorded = await results.get(request.entityRef);
    const path = settings.paths.find(p => p.id === recorded?.pathId);
    const candidates = path ? [path] : settings.paths;
    if (!candidates.some(p => p.checks.some(c => c.id === request.checkId))) {
      throw new InputError(
        `Invalid exemption: checkId: '${request.checkId}' is not a check of ${
          path ? `golden path '${path.id}'` : 'any golden path'
        }`,
      );
    }
    const exemption: Exemption = {
      id: randomUUID(),
      entityRef: request.entityRef,
      checkId: request.checkId,
      reason: request.reason,
      expiresAt: expiresAt.toISOString(),
      grantedBy,
      grantedAt: now.toISOString(),
    };
    await exemptions.create(exemption);
    await refresh(exemption.entityRef);
    return exemption;
  }

  async revoke(id: string): Promise<Exemption> {
    const removed = await this.options.exemptions.delete(id);
    if (!removed) {
      throw new NotFoundError(`No exemption '${id}'`);
    }
    await this.options.refresh(removed.entityRef);
    return removed;
  }
}
