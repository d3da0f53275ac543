/**
 * Annotation written by Backstage's `catalog:write` action (and by the
 * suite's `golden-path:tag` action) naming the template an entity came from.
 *
 * @public
 */
export const ANNOTATION_SOURCE_TEMPLATE = 'backstage.io/source-template';

/**
 * Annotation holding the version of the template an entity was created from.
 *
 * @public
 */
export const ANNOTATION_TEMPLATE_VERSION = 'backstage.io/template-version';

/**
 * The suite's own annotation naming the golden path an entity adopts.
 *
 * @public
 */
export const ANNOTATION_GOLDEN_PATH = 'golden-path.io/path';
