import type { FilterPredicate } from '@backstage/filter-predicates';

/**
 * What to do when a check fails.
 *
 * @public
 */
export interface Remediation {
  text: string;
  url?: string;
}

/**
 * One check of a golden path: a filter predicate over the entity and its
 * facts (`facts.<provider>.<name>`).
 *
 * @public
 */
export interface CheckDefinition {
  id: string;
  title: string;
  description?: string;
  /** Weight in the score; positive, default 1. */
  weight: number;
  /** The level this check belongs to, one of the configured levels. */
  level?: string;
  remediation?: Remediation;
  predicate: FilterPredicate;
}

/**
 * A golden path as declared in app-config under `goldenPath.paths`.
 *
 * @public
 */
export interface GoldenPathDefinition {
  id: string;
  title: string;
  description?: string;
  /** Entity ref of the owning group. */
  owner?: string;
  docsUrl?: string;
  /** Refs of the templates that put entities on this path, lower-case. */
  templates: string[];
  /** The newest template version; drift is measured against it. */
  latestVersion?: string;
  /** Which entities are expected to be on a golden path. */
  appliesTo: FilterPredicate;
  checks: CheckDefinition[];
}
