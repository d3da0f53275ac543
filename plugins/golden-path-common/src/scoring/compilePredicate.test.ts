import {
  evaluateFilterPredicate,
  FilterPredicate,
} from '@backstage/filter-predicates';
import { compilePredicate } from './compilePredicate';

// A small seeded generator, so that a failure names a reproducible seed.
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(next() * items.length)];
  return { next, pick };
}

const KEYS = [
  'kind',
  'spec',
  'type',
  'a',
  'b',
  'a.b',
  'tags',
  'x.y.z',
] as const;
const PATHS = [
  'kind',
  'spec.type',
  'a.b',
  'a.b.c',
  'spec.a.b',
  'tags',
  'x.y.z',
  'x.y',
  'missing',
  'spec',
];
const PRIMITIVES = [
  'service',
  'SERVICE',
  'Service',
  'web',
  '7',
  7,
  0,
  '0',
  true,
  false,
  'true',
  '',
];

function generateValue(r: ReturnType<typeof random>, depth: number): unknown {
  const roll = r.next();
  if (depth > 2 || roll < 0.45) {
    return r.next() < 0.05 ? null : r.pick(PRIMITIVES);
  }
  if (roll < 0.6) {
    return Array.from({ length: Math.floor(r.next() * 3) }, () =>
      generateValue(r, depth + 1),
    );
  }
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(r.next() * 4); i > 0; i--) {
    object[r.pick(KEYS)] = generateValue(r, depth + 1);
  }
  return object;
}

function generatePredicate(
  r: ReturnType<typeof random>,
  depth: number,
): FilterPredicate {
  const roll = r.next();
  if (depth < 3 && roll < 0.12) {
    return {
      $all: [generatePredicate(r, depth + 1), generatePredicate(r, depth + 1)],
    };
  }
  if (depth < 3 && roll < 0.24) {
    return {
      $any: [generatePredicate(r, depth + 1), generatePredicate(r, depth + 1)],
    };
  }
  if (depth < 3 && roll < 0.32) {
    return { $not: generatePredicate(r, depth + 1) };
  }
  const expression: Record<string, unknown> = {};
  for (let i = 1 + Math.floor(r.next() * 2); i > 0; i--) {
    const kind = r.next();
    let matcher: unknown;
    if (kind < 0.4) matcher = r.pick(PRIMITIVES);
    else if (kind < 0.55) matcher = { $exists: r.next() < 0.5 };
    else if (kind < 0.7)
      matcher = { $in: [r.pick(PRIMITIVES), r.pick(PRIMITIVES)] };
    else if (kind < 0.8)
      matcher = { $hasPrefix: r.pick(['ser', 'SER', 'w', '']) };
    else if (kind < 0.9 && depth < 3)
      matcher = { $contains: generatePredicate(r, depth + 1) };
    else matcher = { $unknownMatcher: 1 };
    expression[r.pick(PATHS)] = matcher;
  }
  return expression as FilterPredicate;
}

describe('compilePredicate', () => {
  it('gives the same verdict as the library on 20,000 random predicates and values', () => {
    const r = random(20261124);
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const predicate = generatePredicate(r, 0);
      const value = generateValue(r, 0);
      const expected = evaluateFilterPredicate(predicate, value);
      const actual = compilePredicate(predicate)(value);
      if (actual !== expected) {
        throw new Error(
          `case ${i}: library says ${expected}, compiled says ${actual} for ${JSON.stringify(
            predicate,
          )} on ${JSON.stringify(value)}`,
        );
      }
      if (expected) matched += 1;
    }
    // Both verdicts must be exercised for the comparison to mean anything.
    expect(matched).toBeGreaterThan(1_000);
    expect(matched).toBeLessThan(19_000);
  });

  const entity = {
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
      tags: ['java', 'payments'],
    },
    spec: { type: 'service', lifecycle: 'production', replicas: 3 },
  };

  it.each<[string, FilterPredicate, boolean]>([
    [
      'matches case-insensitively',
      { kind: 'component', 'spec.type': 'SERVICE' },
      true,
    ],
    ['compares numbers as strings', { 'spec.replicas': '3' }, true],
    [
      'reads annotation keys that contain dots',
      { 'metadata.annotations.backstage.io/techdocs-ref': { $exists: true } },
      true,
    ],
    [
      'checks array membership',
      { 'metadata.tags': { $contains: 'PAYMENTS' } },
      true,
    ],
    [
      'combines with $all, $any and $not',
      {
        $all: [
          { kind: 'Component' },
          { $not: { 'spec.lifecycle': 'experimental' } },
          { $any: [{ 'spec.type': 'website' }, { 'spec.type': 'service' }] },
        ],
      },
      true,
    ],
    [
      'treats an unknown operator as no match',
      { 'spec.type': { $regex: 'serv' } } as any,
      false,
    ],
  ])('%s', (_title, predicate, verdict) => {
    expect(compilePredicate(predicate)(entity)).toBe(verdict);
    expect(evaluateFilterPredicate(predicate, entity)).toBe(verdict);
  });

  it('rejects a logical operator mixed with other keys when compiling', () => {
    expect(() => compilePredicate({ $all: [], kind: 'x' } as any)).toThrow(
      'Operator $all must be the only key',
    );
  });
});
