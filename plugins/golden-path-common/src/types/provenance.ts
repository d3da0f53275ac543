/**
 * Where the suite learned which template an entity came from.
 *
 * - `golden-path-tag`: the `golden-path.io/path` annotation written by the
 *   suite's `golden-path:tag` action, together with the source template.
 * - `source-template-annotation`: `backstage.io/source-template`, written by
 *   Backstage's own `catalog:write` action.
 * - `scaffolded-from`: `spec.scaffoldedFrom`, written by the community
 *   scaffolder annotator.
 *
 * @public
 */
export type ProvenanceSource =
  | 'golden-path-tag'
  | 'source-template-annotation'
  | 'scaffolded-from'
  // Sources added by ProvenanceResolver modules name themselves.
  | (string & {});

/**
 * The template an entity came from, as read from its catalog data.
 *
 * @public
 */
export interface Provenance {
  /** Entity ref of the template, e.g. `template:default/node-service`. */
  templateRef: string;
  /** Template version from `backstage.io/template-version`, if present. */
  templateVersion?: string;
  /** Golden path id from `golden-path.io/path`, if present. */
  goldenPathId?: string;
  source: ProvenanceSource;
}
