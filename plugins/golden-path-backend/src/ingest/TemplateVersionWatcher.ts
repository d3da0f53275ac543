import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TEMPLATE_VERSION,
  newestVersion,
} from '@golden-path/plugin-golden-path-common';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { TemplateRunStore } from '../database/TemplateRunStore';

/** A template that carries a version newer than any it was seen with. */
export interface PublishedVersion {
  templateRef: string;
  version: string;
  /** The newest version seen before. */
  previous: string;
}

/**
 * Records the versions the golden paths' templates carry in the catalog,
 * and tells which templates published a new one since the last look. The
 * first sighting of a template is not a publication: there is nothing to
 * compare it with.
 */
export class TemplateVersionWatcher {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: TemplateRunStore;
      settings: GoldenPathSettings;
      logger: LoggerService;
    },
  ) {}

  async check(now = new Date()): Promise<PublishedVersion[]> {
    const templateRefs = [
      ...new Set(this.deps.settings.paths.flatMap(path => path.templates)),
    ];
    if (templateRefs.length === 0) {
      return [];
    }
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: templateRefs, fields: ['metadata.annotations'] },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const seen = new Map<string, string[]>();
    for (const row of await this.deps.store.versionsOf(templateRefs)) {
      seen.set(row.templateRef, [
        ...(seen.get(row.templateRef) ?? []),
        row.version,
      ]);
    }
    const sightings: Array<{
      templateRef: string;
      version: string;
      seenAt: Date;
    }> = [];
    const published: PublishedVersion[] = [];
    templateRefs.forEach((templateRef, i) => {
      const version =
        items[i]?.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION];
      const before = seen.get(templateRef) ?? [];
      if (!version || before.includes(version)) {
        return;
      }
      sightings.push({ templateRef, version, seenAt: now });
      const previous = newestVersion(before);
      if (previous && newestVersion([previous, version]) === version) {
        published.push({ templateRef, version, previous });
      }
    });
    await this.deps.store.recordVersions(sightings);
    for (const p of published) {
      this.deps.logger.info(
        `Template ${p.templateRef} published version ${p.version} (was ${p.previous})`,
      );
    }
    return published;
  }
}
