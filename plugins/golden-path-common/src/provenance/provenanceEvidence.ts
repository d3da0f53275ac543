import { Entity } from '@backstage/catalog-model';
import type { ProvenanceSource } from '../types/provenance';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_SOURCE_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
} from '../annotations';

/**
 * What one place on an entity says about where it came from.
 *
 * @public
 */
export interface ProvenanceEvidence {
  /** Where it is written, e.g. `metadata.annotations.backstage.io/source-template`. */
  field: string;
  /** What it says; `undefined` when the entity does not have it. */
  value?: string;
  /**
   * The provenance source this field is, when provenance goes by it; the
   * template version only qualifies the source that counted.
   */
  source?: ProvenanceSource;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

/**
 * Every place the suite reads provenance from, with what the entity says
 * there, in the order {@link readProvenance} weighs them: shown to
 * developers so that a surprising path is explained.
 *
 * @public
 */
export function provenanceEvidence(entity: Entity): ProvenanceEvidence[] {
  const annotations = entity.metadata.annotations ?? {};
  return [
    {
      field: `metadata.annotations.${ANNOTATION_GOLDEN_PATH}`,
      value: text(annotations[ANNOTATION_GOLDEN_PATH]),
      source: 'golden-path-tag',
    },
    {
      field: `metadata.annotations.${ANNOTATION_SOURCE_TEMPLATE}`,
      value: text(annotations[ANNOTATION_SOURCE_TEMPLATE]),
      source: 'source-template-annotation',
    },
    {
      field: 'spec.scaffoldedFrom',
      value: text(entity.spec?.scaffoldedFrom),
      source: 'scaffolded-from',
    },
    {
      field: `metadata.annotations.${ANNOTATION_TEMPLATE_VERSION}`,
      value: text(annotations[ANNOTATION_TEMPLATE_VERSION]),
    },
  ];
}
