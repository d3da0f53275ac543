// A full scoring run over a generated catalog of Components, on SQLite and
// PostgreSQL: wall time and peak RSS. The catalog generates each page on
// request, so the run's memory is its own; generating the pages alone is
// printed as the baseline. Each scenario runs in its own process so that its
// peak RSS is its own.
//
//   ./gp yarn bench:scoring [entities]        default 100000
//
// PostgreSQL: BENCH_POSTGRES_CONNECTION (default postgresql://postgres@127.0.0.1:5432);
// skipped, and said so, when it cannot connect.
import { Entity } from '@backstage/catalog-model';
import { generatedComponent } from './lib/generatedComponent';
import { BenchEngine, openBenchDatabase } from './lib/benchDatabase';
import {
  isScenarioChild,
  maxRssMb,
  runScenario,
  ScenarioResult,
  secondsSince,
} from './lib/runScenario';
import { mockServices } from '@backstage/backend-test-utils';
import { createStores } from '../plugins/golden-path-backend/src/database/createStores';
import { ScoringTask } from '../plugins/golden-path-backend/src/scheduler/ScoringTask';
import { catalogFactProvider } from '../plugins/golden-path-backend/src/scoring/catalogFactProvider';
import { checks, settings } from './lib/scoringSettings';

const PAGE = 500;

const quietLogger: any = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => quietLogger,
};
function entityAt(i: number): Entity {
  const entity = generatedComponent(i);
  return {
    ...entity,
    relations: [{ type: 'ownedBy', targetRef: entity.spec!.owner as string }],
  };
}

// A catalog that generates each page on request: neither it nor the run may
// hold the whole catalog in memory.
function generatedCatalog(total: number) {
  return {
    async queryEntities(request: any) {
      const offset = request?.cursor ? Number(request.cursor) : 0;
      const end = Math.min(offset + PAGE, total);
      const items = [];
      for (let i = offset; i < end; i++) items.push(entityAt(i));
      return {
        items,
        totalItems: total,
        pageInfo: end < total ? { nextCursor: String(end) } : {},
      };
    },
  } as any;
}

async function scenario(name: string, total: number): Promise<void> {
  const started = process.hrtime.bigint();
  if (name === 'floor') {
    const catalog = generatedCatalog(total);
    let cursor: string | undefined;
    let seen = 0;
    do {
      const page = await catalog.queryEntities(cursor ? { cursor } : {});
      seen += page.items.length;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    if (seen !== total) throw new Error(`paged ${seen} of ${total}`);
  } else {
    const { knex, close } = await openBenchDatabase(name as BenchEngine);
    const stores = await createStores({ getClient: async () => knex });
    const task = new ScoringTask({
      catalog: generatedCatalog(total),
      auth: mockServices.auth(),
      store: stores.results,
      exemptions: stores.exemptions,
      settings,
      factProviders: [catalogFactProvider],
      provenanceResolvers: [],
      logger: quietLogger,
    });
    const setup = secondsSince(started);
    const runStarted = process.hrtime.bigint();
    const { evaluated } = await task.run();
    const seconds = secondsSince(runStarted);
    if (evaluated !== total) throw new Error(`scored ${evaluated} of ${total}`);
    await close();
    console.log(
      JSON.stringify({
        name,
        seconds,
        setup,
        maxRssMb: maxRssMb(),
      }),
    );
    return;
  }
  console.log(
    JSON.stringify({
      name,
      seconds: secondsSince(started),
      maxRssMb: maxRssMb(),
    }),
  );
}

function runChild(name: string, total: number): ScenarioResult {
  return { name, ...runScenario(__filename, [name, String(total)]) };
}

async function main() {
  if (isScenarioChild()) {
    await scenario(process.argv[2], Number(process.argv[3]));
    return;
  }
  const total = Number(process.argv[2] ?? 100_000);
  console.log(
    `node ${process.version}, ${total} generated Components, ${settings.paths.length} paths x ${checks.length} checks, pages of ${PAGE}`,
  );
  const floor = runChild('floor', total);
  console.log(
    `  baseline: generating the pages    ${floor.seconds.toFixed(
      2,
    )} s   peak RSS ${floor.maxRssMb.toFixed(0)} MB`,
  );
  for (const name of ['sqlite', 'postgres']) {
    const result = runChild(name, total);
    if (result.error) {
      console.log(`  ${name.padEnd(33)} skipped: ${result.error}`);
      continue;
    }
    console.log(
      `  full scoring run on ${name.padEnd(13)} ${result.seconds.toFixed(
        2,
      )} s   peak RSS ${result.maxRssMb.toFixed(0)} MB (+${(
        result.maxRssMb - floor.maxRssMb
      ).toFixed(0)} over the baseline)   ${(total / result.seconds).toFixed(
        0,
      )} entities/s`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
