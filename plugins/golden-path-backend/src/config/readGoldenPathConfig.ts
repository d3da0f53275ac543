import { Config } from '@backstage/config';
import { parseFilterPredicate } from '@backstage/filter-predicates';
import {
  CheckDefinition,
  isoDurationSeconds,
  MetricTarget,
  PLATFORM_METRICS,
  PLATFORM_METRIC_IDS,
  PlatformMetricId,
  compilePredicate,
  GoldenPathDefinition,
  templateRefKey,
} from '@golden-path/plugin-golden-path-common';
import semver from 'semver';

/** A declared field of facts pushed from outside. */
export type PushedFactField =
  | { type: 'number'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'string'; values?: string[] };

/** An external system allowed to push facts, and what it may push. */
export interface FactSource {
  id: string;
  description?: string;
  /** Facts older than this count as unknown. */
  maxAgeDays?: number;
  fields: Record<string, PushedFactField>;
}

/** The suite's settings from app-config, validated. */
export interface GoldenPathSettings {
  /** Level names, lowest first. */
  levels: string[];
  paths: GoldenPathDefinition[];
  /** Days of daily history kept. */
  historyRetentionDays: number;
  /** Sources of facts pushed through the API. */
  factSources: FactSource[];
  /** Whether owners are notified when an entity drops a level. */
  notifyOnLevelDrop: boolean;
  /**
   * Whether owners are notified when a path's template publishes a version
   * newer than their entities'.
   */
  notifyOnTemplateVersion: boolean;
  surveys: {
    minGroupSize: number;
    respondentKeySecret?: string;
    ratingPromptHours: number;
  };
  tickets: { retentionDays: number };
  deployments: { productionEnvironments: string[]; retentionDays: number };
  usage: { retentionDays: number; rollupRetentionDays: number };
  metricTargets: Record<PlatformMetricId, MetricTarget>;
}

export const DEFAULT_MIN_GROUP_SIZE = 5;
export const DEFAULT_RATING_PROMPT_HOURS = 72;
export const DEFAULT_TICKET_RETENTION_DAYS = 730;
export const DEFAULT_USAGE_RETENTION_DAYS = 30;
export const DEFAULT_PRODUCTION_ENVIRONMENTS = ['production', 'prod'];

export const DEFAULT_LEVELS = ['bronze', 'silver', 'gold'];
export const DEFAULT_HISTORY_RETENTION_DAYS = 400;

const ID_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** A configuration error naming the exact key at fault. */
export class GoldenPathConfigError extends Error {
  constructor(key: string, problem: string) {
    super(`Invalid golden-path configuration at ${key}: ${problem}`);
    this.name = 'GoldenPathConfigError';
  }
}

function readId(config: Config, key: string, prefix: string): string {
  const id = config.getString(key);
  if (!ID_PATTERN.test(id)) {
    throw new GoldenPathConfigError(
      `${prefix}.${key}`,
      `'${id}' must be lower-case letters and digits separated by - _ or .`,
    );
  }
  return id;
}

function readPredicate(config: Config, key: string, prefix: string) {
  const raw = config.getOptional(key);
  if (raw === undefined) {
    throw new GoldenPathConfigError(
      `${prefix}.${key}`,
      'a filter predicate is required',
    );
  }
  try {
    const predicate = parseFilterPredicate(raw);
    compilePredicate(predicate);
    return predicate;
  } catch (error) {
    throw new GoldenPathConfigError(
      `${prefix}.${key}`,
      `not a valid filter predicate: ${(error as Error).message}`,
    );
  }
}

function readCheck(
  config: Config,
  prefix: string,
  levels: string[],
): CheckDefinition {
  const id = readId(config, 'id', prefix);
  const weight = config.getOptionalNumber('weight') ?? 1;
  if (!(weight > 0)) {
    throw new GoldenPathConfigError(
      `${prefix}.weight`,
      `must be positive, got ${weight}`,
    );
  }
  const level = config.getOptionalString('level');
  if (level !== undefined && !levels.includes(level)) {
    throw new GoldenPathConfigError(
      `${prefix}.level`,
      `'${level}' is not one of the levels ${levels.join(', ')}`,
    );
  }
  const remediation = config.getOptionalConfig('remediation');
  return {
    id,
    title: config.getString('title'),
    description: config.getOptionalString('description'),
    weight,
    level,
    remediation: remediation && {
      text: remediation.getString('text'),
      url: remediation.getOptionalString('url'),
    },
    predicate: readPredicate(config, 'predicate', prefix),
  };
}

function readTemplateRef(value: string, key: string): string {
  try {
    return templateRefKey(value);
  } catch (error) {
    throw new GoldenPathConfigError(key, (error as Error).message);
  }
}

function readPath(
  config: Config,
  prefix: string,
  levels: string[],
): GoldenPathDefinition {
  const id = readId(config, 'id', prefix);
  const latestVersion = config.getOptionalString('latestVersion');
  if (
    latestVersion !== undefined &&
    !semver.valid(semver.coerce(latestVersion))
  ) {
    throw new GoldenPathConfigError(
      `${prefix}.latestVersion`,
      `'${latestVersion}' is not a semantic version`,
    );
  }
  const checks = (config.getOptionalConfigArray('checks') ?? []).map(
    (check, i) => readCheck(check, `${prefix}.checks[${i}]`, levels),
  );
  const seen = new Set<string>();
  checks.forEach((check, i) => {
    if (seen.has(check.id)) {
      throw new GoldenPathConfigError(
        `${prefix}.checks[${i}].id`,
        `duplicate check id '${check.id}'`,
      );
    }
    seen.add(check.id);
  });
  return {
    id,
    title: config.getString('title'),
    description: config.getOptionalString('description'),
    owner: config.getOptionalString('owner'),
    docsUrl: config.getOptionalString('docsUrl'),
    templates: (config.getOptionalStringArray('templates') ?? []).map(
      (ref, i) => readTemplateRef(ref, `${prefix}.templates[${i}]`),
    ),
    latestVersion,
    appliesTo: readPredicate(config, 'appliesTo', prefix),
    checks,
  };
}

const RESERVED_SOURCES = ['catalog'];

function readField(config: Config, key: string): PushedFactField {
  const type = config.getString('type');
  if (type === 'number') {
    return {
      type,
      min: config.getOptionalNumber('min'),
      max: config.getOptionalNumber('max'),
    };
  }
  if (type === 'boolean') {
    return { type };
  }
  if (type === 'string') {
    return { type, values: config.getOptionalStringArray('values') };
  }
  throw new GoldenPathConfigError(
    `${key}.type`,
    `'${type}' is not one of number, boolean, string`,
  );
}

function readFactSource(config: Config, prefix: string): FactSource {
  const id = readId(config, 'id', prefix);
  if (RESERVED_SOURCES.includes(id)) {
    throw new GoldenPathConfigError(
      `${prefix}.id`,
      `'${id}' is reserved for built-in facts`,
    );
  }
  const fieldsConfig = config.getConfig('fields');
  const fields: Record<string, PushedFactField> = {};
  for (const name of fieldsConfig.keys()) {
    if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(name)) {
      throw new GoldenPathConfigError(
        `${prefix}.fields.${name}`,
        'field names are letters, digits and _ , starting with a letter',
      );
    }
    fields[name] = readField(
      fieldsConfig.getConfig(name),
      `${prefix}.fields.${name}`,
    );
  }
  const maxAgeDays = config.getOptionalNumber('maxAgeDays');
  if (maxAgeDays !== undefined && !(maxAgeDays > 0)) {
    throw new GoldenPathConfigError(
      `${prefix}.maxAgeDays`,
      `must be positive, got ${maxAgeDays}`,
    );
  }
  return {
    id,
    description: config.getOptionalString('description'),
    maxAgeDays,
    fields,
  };
}

function readMetricTargets(
  config: Config | undefined,
): Record<PlatformMetricId, MetricTarget> {
  const targets = {} as Record<PlatformMetricId, MetricTarget>;
  for (const id of PLATFORM_METRIC_IDS) {
    const key = `goldenPath.metrics.targets.${id}`;
    const { defaultTarget, unit } = PLATFORM_METRICS[id];
    const value = config?.getOptional(`metrics.targets.${id}`);
    if (value === undefined) {
      targets[id] = defaultTarget;
    } else if (
      defaultTarget.kind === 'decreasing' ||
      defaultTarget.kind === 'increasing'
    ) {
      if (value !== 'decreasing' && value !== 'increasing') {
        throw new GoldenPathConfigError(
          key,
          `must be decreasing or increasing, got ${JSON.stringify(value)}`,
        );
      }
      targets[id] = { kind: value };
    } else if (unit === 'duration-ms') {
      const seconds =
        typeof value === 'string' ? isoDurationSeconds(value) : undefined;
      if (seconds === undefined) {
        throw new GoldenPathConfigError(
          key,
          `must be an ISO 8601 duration such as PT30M, got ${JSON.stringify(
            value,
          )}`,
        );
      }
      targets[id] = { kind: defaultTarget.kind, value: seconds * 1000 };
    } else {
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (unit === 'ratio' && (value < 0 || value > 1))
      ) {
        throw new GoldenPathConfigError(
          key,
          `must be a number${
            unit === 'ratio' ? ' from 0 to 1' : ''
          }, got ${JSON.stringify(value)}`,
        );
      }
      targets[id] = { kind: defaultTarget.kind, value };
    }
  }
  return targets;
}

function readWholeNumber(
  config: Config | undefined,
  key: string,
  fallback: number,
  min: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new GoldenPathConfigError(
      `goldenPath.${key}`,
      `must be a whole number of at least ${min}, got ${value}`,
    );
  }
  return value;
}

/**
 * Reads and validates `goldenPath` from app-config. Throws at startup with a
 * message naming the exact key, e.g. `goldenPath.paths[1].checks[0].predicate`.
 */
export function readGoldenPathConfig(root: Config): GoldenPathSettings {
  const config = root.getOptionalConfig('goldenPath');
  const levels = config?.getOptionalStringArray('levels') ?? DEFAULT_LEVELS;
  levels.forEach((level, i) => {
    if (levels.indexOf(level) !== i) {
      throw new GoldenPathConfigError(
        `goldenPath.levels[${i}]`,
        `duplicate level '${level}'`,
      );
    }
  });
  const paths = (config?.getOptionalConfigArray('paths') ?? []).map((path, i) =>
    readPath(path, `goldenPath.paths[${i}]`, levels),
  );
  const seen = new Set<string>();
  paths.forEach((path, i) => {
    if (seen.has(path.id)) {
      throw new GoldenPathConfigError(
        `goldenPath.paths[${i}].id`,
        `duplicate path id '${path.id}'`,
      );
    }
    seen.add(path.id);
  });
  const historyRetentionDays =
    config?.getOptionalNumber('history.retentionDays') ??
    DEFAULT_HISTORY_RETENTION_DAYS;
  if (!(historyRetentionDays >= 1)) {
    throw new GoldenPathConfigError(
      'goldenPath.history.retentionDays',
      `must be at least 1, got ${historyRetentionDays}`,
    );
  }
  const factSources = (config?.getOptionalConfigArray('factSources') ?? []).map(
    (source, i) => readFactSource(source, `goldenPath.factSources[${i}]`),
  );
  factSources.forEach((source, i) => {
    if (factSources.findIndex(other => other.id === source.id) !== i) {
      throw new GoldenPathConfigError(
        `goldenPath.factSources[${i}].id`,
        `duplicate fact source id '${source.id}'`,
      );
    }
  });
  const notifyOnLevelDrop =
    config?.getOptionalBoolean('notifications.levelDrop') ?? false;
  const minGroupSize = readWholeNumber(
    config,
    'surveys.minGroupSize',
    DEFAULT_MIN_GROUP_SIZE,
    1,
  );
  const respondentKeySecret = config?.getOptionalString(
    'surveys.respondentKeySecret',
  );
  if (respondentKeySecret !== undefined && respondentKeySecret.length < 32) {
    throw new GoldenPathConfigError(
      'goldenPath.surveys.respondentKeySecret',
      'must be at least 32 characters',
    );
  }
  return {
    surveys: {
      minGroupSize,
      ...(respondentKeySecret ? { respondentKeySecret } : {}),
      ratingPromptHours: readWholeNumber(
        config,
        'surveys.ratingPromptHours',
        DEFAULT_RATING_PROMPT_HOURS,
        0,
      ),
    },
    tickets: {
      retentionDays: readWholeNumber(
        config,
        'tickets.retentionDays',
        DEFAULT_TICKET_RETENTION_DAYS,
        1,
      ),
    },
    deployments: {
      productionEnvironments: (
        config?.getOptionalStringArray('deployments.productionEnvironments') ??
        DEFAULT_PRODUCTION_ENVIRONMENTS
      ).map(e => e.toLocaleLowerCase('en-US')),
      retentionDays: readWholeNumber(
        config,
        'deployments.retentionDays',
        DEFAULT_TICKET_RETENTION_DAYS,
        1,
      ),
    },
    usage: {
      retentionDays: readWholeNumber(
        config,
        'usage.retentionDays',
        DEFAULT_USAGE_RETENTION_DAYS,
        1,
      ),
      rollupRetentionDays: readWholeNumber(
        config,
        'usage.rollupRetentionDays',
        DEFAULT_HISTORY_RETENTION_DAYS,
        1,
      ),
    },
    metricTargets: readMetricTargets(config),
    levels,
    paths,
    historyRetentionDays,
    factSources,
    notifyOnLevelDrop,
    notifyOnTemplateVersion:
      config?.getOptionalBoolean('notifications.templateVersion') ?? false,
  };
}
