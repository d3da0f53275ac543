/** How each provenance source is named to developers. */
export const SOURCE_LABELS: Record<string, string> = {
  'golden-path-tag': 'the golden-path:tag scaffolder step',
  'source-template-annotation': 'the backstage.io/source-template annotation',
  'scaffolded-from': 'spec.scaffoldedFrom',
};
