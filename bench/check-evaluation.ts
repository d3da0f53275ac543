// Check evaluation throughput: the suite's compiled filter predicates against
// the library's own evaluator and against json-rules-engine (the engine
// behind Tech Insights' fact checker), on the same generated entities and
// equivalent rules, in one process. Prints checks/s and ratios.
//
//   ./gp yarn bench:checks [entityCounts...]     default: 20000 100000
import { evaluateFilterPredicate } from '@backstage/filter-predicates';
import type { FilterPredicate } from '@backstage/filter-predicates';
import { Engine } from 'json-rules-engine';
import { compilePredicate } from '../plugins/golden-path-common/src/scoring/compilePredicate.ts';

type Entity = {
  kind: string;
  metadata: {
    name: string;
    annotations: Record<string, string>;
    tags: string[];
    links?: { url: string }[];
  };
  spec: Record<string, string>;
};

// Deterministic data, so that runs are comparable.
let seed = 42;
function next() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];

function generateEntity(i: number): Entity {
  const annotations: Record<string, string> = {
    'backstage.io/source-location': `url:https://git.example.com/svc-${i}`,
  };
  if (next() < 0.6) annotations['backstage.io/techdocs-ref'] = 'dir:.';
  if (next() < 0.5)
    annotations['backstage.io/source-template'] =
      'template:default/node-service';
  const spec: Record<string, string> = {
    type: pick(['service', 'service', 'website', 'library']),
    lifecycle: pick(['production', 'production', 'experimental', 'deprecated']),
    owner: pick([
      'group:default/payments',
      'group:default/search',
      'user:default/ada',
    ]),
  };
  if (next() < 0.7) spec.system = pick(['payments', 'search']);
  return {
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      annotations,
      tags: next() < 0.5 ? ['java', 'backend'] : ['node'],
      ...(next() < 0.4
        ? { links: [{ url: 'https://runbook.example.com' }] }
        : {}),
    },
    spec,
  };
}

// The same nine checks in both languages.
const predicates: FilterPredicate[] = [
  { 'spec.owner': { $hasPrefix: 'group:' } },
  { 'spec.lifecycle': 'production' },
  { 'metadata.annotations.backstage.io/techdocs-ref': { $exists: true } },
  { 'spec.system': { $exists: true } },
  { 'spec.type': { $in: ['service', 'website'] } },
  { 'metadata.tags': { $contains: 'java' } },
  {
    $any: [{ 'spec.type': 'library' }, { 'metadata.links': { $exists: true } }],
  },
  { $not: { 'spec.lifecycle': 'experimental' } },
  {
    $all: [
      { kind: 'Component' },
      {
        'metadata.annotations.backstage.io/source-template': { $exists: true },
      },
    ],
  },
];

const fact = (name: string, operator: string, value: unknown) => ({
  fact: name,
  operator,
  value,
});
const rules = [
  { all: [fact('owner', 'startsWith', 'group:')] },
  { all: [fact('lifecycle', 'equal', 'production')] },
  { all: [fact('techdocsRef', 'notEqual', null)] },
  { all: [fact('system', 'notEqual', null)] },
  { all: [fact('type', 'in', ['service', 'website'])] },
  { all: [fact('tags', 'contains', 'java')] },
  { any: [fact('type', 'equal', 'library'), fact('links', 'notEqual', null)] },
  { all: [fact('lifecycle', 'notEqual', 'experimental')] },
  {
    all: [
      fact('kind', 'equal', 'Component'),
      fact('sourceTemplate', 'notEqual', null),
    ],
  },
].map((conditions, i) => ({ conditions, event: { type: `check-${i}` } }));

// json-rules-engine works on flat facts (as Tech Insights feeds it); flattening
// is done before timing so the engine is measured at its best.
function flatFacts(entity: Entity) {
  return {
    kind: entity.kind,
    owner: entity.spec.owner,
    lifecycle: entity.spec.lifecycle,
    type: entity.spec.type,
    system: entity.spec.system ?? null,
    techdocsRef:
      entity.metadata.annotations['backstage.io/techdocs-ref'] ?? null,
    sourceTemplate:
      entity.metadata.annotations['backstage.io/source-template'] ?? null,
    tags: entity.metadata.tags,
    links: entity.metadata.links ?? null,
  };
}

function time<T>(fn: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const result = fn();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

async function runJsonRulesEngine(entities: Entity[]) {
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  engine.addOperator(
    'startsWith',
    (a: unknown, b: unknown) =>
      typeof a === 'string' && a.startsWith(String(b)),
  );
  const facts = entities.map(flatFacts);
  return timeAsync(async () => {
    let passed = 0;
    for (const entityFacts of facts) {
      const { events } = await engine.run(entityFacts);
      passed += events.length;
    }
    return passed;
  });
}

function runLibrary(entities: Entity[]) {
  return time(() => {
    let passed = 0;
    for (const entity of entities) {
      for (const predicate of predicates) {
        if (evaluateFilterPredicate(predicate, entity)) passed += 1;
      }
    }
    return passed;
  });
}

function runCompiled(entities: Entity[]) {
  return time(() => {
    // Compiling is part of a scoring run, so it is inside the timing.
    const checks = predicates.map(compilePredicate);
    let passed = 0;
    for (const entity of entities) {
      for (const check of checks) {
        if (check(entity)) passed += 1;
      }
    }
    return passed;
  });
}

const rate = (checks: number, seconds: number) =>
  `${(checks / seconds / 1e6).toFixed(2)} M checks/s`;

async function main() {
  const counts = process.argv.slice(2).map(Number).filter(Boolean);
  console.log(
    `node ${process.version}, ${predicates.length} checks per entity`,
  );
  for (const count of counts.length ? counts : [20_000, 100_000]) {
    const entities = Array.from({ length: count }, (_, i) => generateEntity(i));
    const checks = count * predicates.length;
    // Warm each evaluator once on a slice so the JIT has seen the code.
    await runJsonRulesEngine(entities.slice(0, 2000));
    runLibrary(entities.slice(0, 2000));
    runCompiled(entities.slice(0, 2000));

    const [jrePassed, jreSeconds] = await runJsonRulesEngine(entities);
    const [libPassed, libSeconds] = runLibrary(entities);
    const [ownPassed, ownSeconds] = runCompiled(entities);
    if (jrePassed !== ownPassed || libPassed !== ownPassed) {
      throw new Error(
        `verdicts differ: json-rules-engine ${jrePassed}, library ${libPassed}, compiled ${ownPassed} passing checks`,
      );
    }
    console.log(
      `\n${count} entities, ${checks} checks, ${ownPassed} passing (same in all three)`,
    );
    console.log(
      `  json-rules-engine            ${rate(
        checks,
        jreSeconds,
      )}  (${jreSeconds.toFixed(2)} s)`,
    );
    console.log(
      `  filter-predicates evaluator  ${rate(
        checks,
        libSeconds,
      )}  (${libSeconds.toFixed(2)} s)`,
    );
    console.log(
      `  golden-path compiled         ${rate(
        checks,
        ownSeconds,
      )}  (${ownSeconds.toFixed(2)} s)`,
    );
    console.log(
      `  ratio compiled / json-rules-engine: ${(
        jreSeconds / ownSeconds
      ).toFixed(1)}x`,
    );
    console.log(
      `  ratio compiled / library evaluator: ${(
        libSeconds / ownSeconds
      ).toFixed(1)}x`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
