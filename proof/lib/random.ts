// A seeded pseudo-random source, so that every fuzz case is the same on
// every run and can be generated again from its seed alone.

export type Random = () => number;

/** mulberry32: small, fast and good enough to pick test inputs. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string (FNV-1a), to derive a seed from a name. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const int = (random: Random, below: number) =>
  Math.floor(random() * below);

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[int(random, items.length)];

/** Picks a key by weight; keys with weight 0 are never picked. */
export function weighted<K extends string>(
  random: Random,
  weights: Partial<Record<K, number>>,
): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  let at = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, weight] of entries) {
    at -= weight;
    if (at < 0) return key;
  }
  return entries[entries.length - 1][0];
}
