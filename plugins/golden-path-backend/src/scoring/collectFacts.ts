import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { FactProvider } from '@golden-path/plugin-golden-path-node';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Facts per lower-case entity ref, per provider id. */
export type EntityFacts = Map<string, Record<string, JsonObject>>;

async function factsOf(
  provider: FactProvider,
  entities: Entity[],
): Promise<Map<string, JsonObject>> {
  const controller = new AbortController();
  const timeoutMs = provider.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      provider.getFacts(entities, { signal: controller.signal }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks every provider, concurrently and each in isolation, for the facts of
 * a page of entities. A provider that throws or times out is reported in
 * `failed` and its facts are simply absent: checks reading them are unknown.
 */
export async function collectFacts(
  providers: FactProvider[],
  entities: Entity[],
  logger: LoggerService,
): Promise<{ facts: EntityFacts; failed: string[] }> {
  const facts: EntityFacts = new Map();
  const failed: string[] = [];
  const settled = await Promise.allSettled(
    providers.map(provider => factsOf(provider, entities)),
  );
  settled.forEach((result, i) => {
    const provider = providers[i];
    if (result.status === 'rejected') {
      failed.push(provider.id);
      logger.warn(
        `Fact provider ${provider.id} failed for a page of ${entities.length} entities: ${result.reason}`,
      );
      return;
    }
    for (const [entityRef, values] of result.value) {
      const ref = entityRef.toLocaleLowerCase('en-US');
      const entry = facts.get(ref) ?? {};
      entry[provider.id] = values;
      facts.set(ref, entry);
    }
  });
  return { facts, failed };
}
