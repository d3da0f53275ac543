import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DAY_MS, entityRefKey } from '@golden-path/plugin-golden-path-common';
import { ComponentDirectory, refOf } from '../catalog/ComponentDirectory';
import { UNASSIGNED_TEAM } from '../catalog/teamsOf';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { DeploymentRecord, DeploymentStore } from '../database/DeploymentStore';
import { ResultsStore } from '../database/ResultsStore';
import {
  deploymentSchema,
  ParsedDeployment,
} from '../ingest/deployments/deploymentSchema';
import { githubDeployment } from '../ingest/deployments/githubDeployment';
import { BatchError, parseBatch } from '../validation/parseBatch';
import { rebuildIfFew } from './metrics/rebuildIfFew';

/** The annotation naming an entity's own production environments. */
export const ANNOTATION_PRODUCTION_ENVIRONMENTS =
  'golden-path.io/production-environments';

/**
 * Deployments from any CI/CD: validated and attributed batches in. A
 * deployment of a service the catalog does not know is stored too, under
 * the name it came with: catalog coverage counts it.
 */
export class DeploymentService {
  private readonly components: ComponentDirectory;

  constructor(
    private readonly deps: {
      deployments: DeploymentStore;
      results: Pick<ResultsStore, 'pathsOf'>;
      catalog: CatalogService;
      auth: AuthService;
      settings: GoldenPathSettings;
    },
  ) {
    // Components come with their annotations (the production
    // environments, the project slug).
    this.components = new ComponentDirectory(deps, ['spec.owner']);
  }

  private isProduction(environment: string, entity?: Entity): boolean {
    const own =
      entity?.metadata.annotations?.[ANNOTATION_PRODUCTION_ENVIRONMENTS];
    const environments = own
      ? own.split(',').map(e => e.trim().toLocaleLowerCase('en-US'))
      : this.deps.settings.deployments.productionEnvironments;
    return environments.includes(environment.toLocaleLowerCase('en-US'));
  }

  private async store(source: string, parsed: ParsedDeployment[], now: Date) {
    const cutoff =
      now.getTime() - this.deps.settings.deployments.retentionDays * DAY_MS;
    const kept = parsed.filter(d => Date.parse(d.deployedAt) >= cutoff);
    const refs = kept.flatMap(d =>
      d.entityRef
        ? [entityRefKey(d.entityRef, { defaultKind: 'component' })]
        : [],
    );
    const [byRef, byRepository, byName] = await Promise.all([
      this.components.byRefs(refs),
      this.components.byRepositories(
        kept.flatMap(d => (!d.entityRef && d.repository ? [d.repository] : [])),
      ),
      this.components.byNames(
        kept.flatMap(d => (!d.entityRef && d.service ? [d.service] : [])),
      ),
    ]);
    // The ref if given; else the component annotated with the repository,
    // else the one named as the service.
    const entityOf = (d: ParsedDeployment) =>
      d.entityRef
        ? byRef.get(entityRefKey(d.entityRef, { defaultKind: 'component' }))
        : (d.repository
            ? byRepository.get(d.repository.toLocaleLowerCase('en-US'))
            : undefined) ??
          (d.service
            ? byName.get(d.service.toLocaleLowerCase('en-US'))
            : undefined);
    const entities = kept.map(entityOf);
    const paths = await this.deps.results.pathsOf([
      ...new Set(entities.flatMap(e => (e ? [refOf(e)] : []))),
    ]);
    const records: DeploymentRecord[] = kept.map((d, i) => {
      const entity = entities[i];
      const entityRef = entity ? refOf(entity) : undefined;
      const owner = entity?.spec?.owner;
      const production = this.isProduction(d.environment, entity);
      const deployedAt = new Date(d.deployedAt);
      const firstCommit = d.commitTimes.length
        ? Math.min(...d.commitTimes.map(t => Date.parse(t)))
        : undefined;
      const pathId = entityRef ? paths.get(entityRef) : undefined;
      return {
        source,
        externalId: d.id,
        service:
          entityRef ??
          (d.entityRef
            ? entityRefKey(d.entityRef, { defaultKind: 'component' })
            : (d.service ?? d.repository!).toLocaleLowerCase('en-US')),
        ...(entityRef ? { entityRef } : {}),
        environment: d.environment,
        production,
        outcome: d.outcome,
        deployedAt,
        updatedAt: d.updatedAt ? new Date(d.updatedAt) : deployedAt,
        ...(firstCommit !== undefined && production && d.outcome === 'success'
          ? { leadTimeMs: deployedAt.getTime() - firstCommit }
          : {}),
        ...(d.version ? { version: d.version } : {}),
        ...(d.url ? { url: d.url } : {}),
        team:
          typeof owner === 'string'
            ? entityRefKey(owner, {
                defaultKind: 'group',
                defaultNamespace: entity?.metadata.namespace,
              })
            : UNASSIGNED_TEAM,
        ...(pathId ? { pathId } : {}),
      };
    });
    const { weeks, ...counts } = await this.deps.deployments.upsertDeployments(
      source,
      records,
    );
    await rebuildIfFew(this.deps.deployments, weeks);
    return {
      source,
      received: parsed.length,
      ...counts,
      expired: parsed.length - kept.length,
      withoutEntity: records.filter(r => !r.entityRef).length,
    };
  }

  /** Stores a batch whole, or nothing if any deployment is invalid. */
  async ingest(source: string, deployments: unknown[], now = new Date()) {
    const { items, problems } = parseBatch(deployments, deploymentSchema);
    if (problems.length > 0) {
      throw new BatchError(problems, 'deployments', 'deployments');
    }
    return this.store(source, items, now);
  }

  /** Stores what a GitHub `deployment_status` delivery describes. */
  async githubWebhook(
    source: string,
    event: string | undefined,
    body: unknown,
    now = new Date(),
  ) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InputError('Invalid webhook: the body must be a JSON object');
    }
    const mapped = githubDeployment(event, body as Record<string, unknown>);
    if ('ignored' in mapped) {
      return mapped;
    }
    const { items, problems } = parseBatch(
      [mapped.deployment],
      deploymentSchema,
    );
    if (problems.length > 0) {
      throw new BatchError(problems, 'deployments', 'github deployment');
    }
    return this.store(source, items, now);
  }
}
