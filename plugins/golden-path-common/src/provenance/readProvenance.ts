import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_SOURCE_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
} from '../annotations';
import { Provenance } from '../types/provenance';
import { templateRefKey } from './entityRefKey';

function normalizeTemplateRef(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    return templateRefKey(value.trim());
  } catch {
    // A malformed ref says nothing reliable about the entity's origin.
    return undefined;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

/**
 * Reads which template an entity was created from, reconciling the keys the
 * ecosystem already writes. The suite's own tag wins, then Backstage's
 * `backstage.io/source-template`, then the community `spec.scaffoldedFrom`.
 *
 * @returns the provenance, or `undefined` when no source names a template.
 * @public
 */
export function readProvenance(entity: Entity): Provenance | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const fromAnnotation = normalizeTemplateRef(
    annotations[ANNOTATION_SOURCE_TEMPLATE],
  );
  const fromSpec = normalizeTemplateRef(entity.spec?.scaffoldedFrom);
  const templateRef = fromAnnotation ?? fromSpec;
  if (!templateRef) {
    return undefined;
  }
  const goldenPathId = nonEmpty(annotations[ANNOTATION_GOLDEN_PATH]);
  const templateVersion = nonEmpty(annotations[ANNOTATION_TEMPLATE_VERSION]);
  let source: Provenance['source'] = fromAnnotation
    ? 'source-template-annotation'
    : 'scaffolded-from';
  if (goldenPathId) {
    source = 'golden-path-tag';
  }
  return {
    templateRef,
    source,
    ...(templateVersion ? { templateVersion } : {}),
    ...(goldenPathId ? { goldenPathId } : {}),
  };
}
