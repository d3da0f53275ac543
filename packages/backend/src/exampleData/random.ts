/** A seeded pseudo-random generator: the same example data on every start. */
export function seededRandom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T =>
      items[Math.floor(next() * items.length)],
    /** A log-normal draw around a median, for durations. */
    logNormal: (median: number, spread: number) => {
      const u = Math.max(next(), 1e-9);
      const v = next();
      const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      return median * Math.exp(spread * normal);
    },
    chance: (p: number) => next() < p,
  };
}

export type Random = ReturnType<typeof seededRandom>;
