import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  compareVersionsNewestFirst,
  entityRefKey,
  goldenPathTemplateRunsReadPermission,
  newestVersion,
  RunFigures,
  runFigures,
  TemplateDrift,
  templateDrift,
  TemplateEntitiesResponse,
  TemplateEntity,
  TemplateFigures,
  TemplateFiguresResponse,
  TemplateRunSource,
  TemplateRunsResponse,
  TemplateRunStatus,
  TemplatesFiguresResponse,
} from '@golden-path/plugin-golden-path-common';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ResultsStore } from '../database/ResultsStore';
import { RunFigureRow, TemplateRunStore } from '../database/TemplateRunStore';
import { SCAFFOLDER_SOURCE } from '../ingest/TemplateRunIngester';
import { DAY_MS } from '../time';

const DEFAULT_RANGE_DAYS = 90;
// Entities listed on a template page, and refs per catalog lookup.
const ENTITY_LIMIT = 1000;
const LOOKUP_BATCH = 1000;

/** A time range as the API takes it. */
export interface RangeQuery {
  from?: string;
  to?: string;
}

function range(query: RangeQuery, now = new Date()) {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from
    ? new Date(query.from)
    : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (from > to) {
    throw new InputError('Invalid query: from: must not be after to');
  }
  return { from, to };
}

function byRunsDescending<T extends { runs: number }>(a: T, b: T) {
  return b.runs - a.runs;
}

function groupFigures<K extends string>(
  rows: RunFigureRow[],
  keyOf: (row: RunFigureRow) => string,
  name: K,
): Array<Record<K, string> & RunFigures> {
  const groups = new Map<string, RunFigureRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups]
    .map(
      ([key, members]) =>
        ({ [name]: key, ...runFigures(members) } as Record<K, string> &
          RunFigures),
    )
    .sort(byRunsDescending);
}

const DRIFT_RANK: Record<string, number> = {
  major: 0,
  minor: 1,
  patch: 2,
  prerelease: 3,
};

/** Most drifted first: behind by major, then minor, ...; then unknown, ahead, current. */
function driftOrder(a: TemplateDrift, b: TemplateDrift): number {
  const rank = (d: TemplateDrift) =>
    d.status === 'behind'
      ? DRIFT_RANK[d.by] * 1000 - d.distance
      : { unknown: 5000, ahead: 6000, current: 7000 }[d.status];
  return rank(a) - rank(b);
}

/** Template runs, figures and created entities, for the API. */
export class TemplateRunsService {
  constructor(
    private readonly deps: {
      auth: AuthService;
      catalog: CatalogService;
      permissions: PermissionsService;
      userInfo: UserInfoService;
      results: ResultsStore;
      runs: TemplateRunStore;
      settings: GoldenPathSettings;
    },
  ) {}

  /**
   * Lets through holders of the template-runs read permission and, for a
   * template in the catalog, the users who own it; throws 403 otherwise.
   */
  async authorize(
    templateRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.deps.permissions.authorize(
      [{ permission: goldenPathTemplateRunsReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return;
    }
    const template = await this.deps.catalog.getEntityByRef(templateRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (!template) {
      throw new NotFoundError(`No template ${templateRef} in the catalog`);
    }
    const owner =
      typeof template.spec?.owner === 'string'
        ? entityRefKey(template.spec.owner, {
            defaultKind: 'group',
            defaultNamespace: template.metadata.namespace,
          })
        : undefined;
    if (owner && this.deps.auth.isPrincipal(credentials, 'user')) {
      const { ownershipEntityRefs } = await this.deps.userInfo.getUserInfo(
        credentials,
      );
      if (
        ownershipEntityRefs.some(
          ref => ref.toLocaleLowerCase('en-US') === owner,
        )
      ) {
        return;
      }
    }
    throw new NotAllowedError(
      `The runs of ${templateRef} are visible to its owners and to holders of the ${goldenPathTemplateRunsReadPermission.name} permission`,
    );
  }

  async source(): Promise<TemplateRunSource> {
    const cursor = await this.deps.runs.getCursor(SCAFFOLDER_SOURCE);
    if (
      cursor.failedAt &&
      (!cursor.readAt || cursor.failedAt > cursor.readAt)
    ) {
      return {
        state: 'unavailable',
        readAt: cursor.readAt?.toISOString(),
        message: cursor.error,
      };
    }
    return cursor.readAt
      ? { state: 'ok', readAt: cursor.readAt.toISOString() }
      : { state: 'never-read' };
  }

  async runs(
    templateRef: string,
    query: RangeQuery & {
      user?: string;
      status?: TemplateRunStatus;
      limit: number;
      offset: number;
    },
  ): Promise<TemplateRunsResponse> {
    const { from, to } = query.from || query.to ? range(query) : {};
    const [page, source] = await Promise.all([
      this.deps.runs.listRuns(
        {
          templateRef,
          runBy: query.user?.toLocaleLowerCase('en-US'),
          status: query.status,
          from,
          to,
        },
        { limit: query.limit, offset: query.offset },
      ),
      this.source(),
    ]);
    return { ...page, source };
  }

  async figures(
    templateRef: string,
    query: RangeQuery,
  ): Promise<TemplateFiguresResponse> {
    const { from, to } = range(query);
    const [rows, source] = await Promise.all([
      this.deps.runs.figureRows({ templateRef, from, to }),
      this.source(),
    ]);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      figures: await this.templateFigures(templateRef, rows),
      source,
    };
  }

  async allFigures(query: RangeQuery): Promise<TemplatesFiguresResponse> {
    const { from, to } = range(query);
    const [rows, source] = await Promise.all([
      this.deps.runs.figureRows({ from, to }),
      this.source(),
    ]);
    const byTemplate = new Map<string, RunFigureRow[]>();
    for (const row of rows) {
      byTemplate.set(row.templateRef, [
        ...(byTemplate.get(row.templateRef) ?? []),
        row,
      ]);
    }
    const templates = await Promise.all(
      [...byTemplate].map(([templateRef, members]) =>
        this.templateFigures(templateRef, members),
      ),
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      templates: templates.sort(byRunsDescending),
      teams: groupFigures(rows, row => row.team, 'team'),
      source,
    };
  }

  async entities(templateRef: string): Promise<TemplateEntitiesResponse> {
    const path = this.deps.settings.paths.find(p =>
      p.templates.includes(templateRef),
    );
    const [records, versions] = await Promise.all([
      this.deps.results.listByTemplate(templateRef, ENTITY_LIMIT),
      this.deps.runs.versionsOf([templateRef]),
    ]);
    const latestVersion = newestVersion([
      path?.latestVersion,
      ...versions.map(v => v.version),
    ]);
    const items = records.map((record): TemplateEntity => {
      const version = record.provenance?.templateVersion;
      const drift = templateDrift(version, latestVersion);
      return {
        entityRef: record.entityRef,
        pathId: record.pathId,
        templateVersion: version,
        drift,
        behindSince:
          drift.status === 'behind'
            ? behindSince(version!, versions)
            : undefined,
        score: record.score,
        level: record.level,
      };
    });
    items.sort(
      (a, b) =>
        driftOrder(a.drift, b.drift) || a.entityRef.localeCompare(b.entityRef),
    );
    return { templateRef, latestVersion, items };
  }

  private async templateFigures(
    templateRef: string,
    rows: RunFigureRow[],
  ): Promise<TemplateFigures> {
    const created = [
      ...new Set(rows.flatMap(row => (row.entityRef ? [row.entityRef] : []))),
    ];
    return {
      templateRef,
      ...runFigures(rows),
      teams: groupFigures(rows, row => row.team, 'team'),
      // Newest first, unversioned runs last.
      versions: groupFigures(rows, row => row.templateVersion ?? '', 'version')
        .sort(
          (a, b) =>
            Number(!a.version) - Number(!b.version) ||
            compareVersionsNewestFirst(a.version, b.version),
        )
        .map(({ version, runs }) => ({
          ...(version ? { version } : {}),
          runs,
        })),
      entitiesCreated: created.length,
      entitiesInCatalog: await this.countInCatalog(created),
    };
  }

  private async countInCatalog(entityRefs: string[]): Promise<number> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    let found = 0;
    for (let i = 0; i < entityRefs.length; i += LOOKUP_BATCH) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: entityRefs.slice(i, i + LOOKUP_BATCH),
          fields: ['kind'],
        },
        { credentials },
      );
      found += items.filter(Boolean).length;
    }
    return found;
  }
}

/** When the first version newer than `version` was seen: how long it has been behind. */
function behindSince(
  version: string,
  seen: Array<{ version: string; firstSeenAt: Date }>,
): string | undefined {
  const newer = seen
    .filter(v => templateDrift(version, v.version).status === 'behind')
    .map(v => v.firstSeenAt.getTime());
  return newer.length > 0
    ? new Date(Math.min(...newer)).toISOString()
    : undefined;
}
