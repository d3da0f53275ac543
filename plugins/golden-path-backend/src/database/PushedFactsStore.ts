import { JsonObject } from '@backstage/types';

/** Facts one source pushed for one entity. */
export interface PushedFacts {
  sourceId: string;
  entityRef: string;
  facts: JsonObject;
  pushedAt: Date;
  pushedBy: string;
}

/** Storage of facts pushed from outside. */
export interface PushedFactsStore {
  /** Replaces the given entities' facts from the source, atomically. */
  replace(items: PushedFacts[]): Promise<void>;
  /** The source's facts for the given entities, pushed after `since`. */
  list(
    sourceId: string,
    entityRefs: string[],
    since?: Date,
  ): Promise<PushedFacts[]>;
}
