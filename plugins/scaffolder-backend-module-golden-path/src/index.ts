/**
 * Scaffolder actions of the Golden Path suite: `golden-path:tag`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleGoldenPath as default } from './module';
export { createTagAction } from './actions/tag';
