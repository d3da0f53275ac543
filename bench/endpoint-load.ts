// The example backend on PostgreSQL with a generated catalog of Components,
// scored by the suite, then measured from outside as a user would reach it
// (guest sign-in, bearer token, HTTP):
//
// 1. a full scoring run (triggered through the scheduler's REST API, timed
//    by the run's own log line) against its floor: paging the same catalog
//    through the catalog API, page by page, as the run does;
// 2. GET /api/golden-path/entities/... at 1 and 50 concurrent clients
//    against its floor, the catalog's GET /api/catalog/entities/by-name/...,
//    each request for a random one of the entities.
//
//   ./gp yarn bench:endpoint [entities]      default 100000
//
// BENCH_POSTGRES_CONNECTION (default postgresql://postgres@127.0.0.1:5432)
// gets databases named gpbench_*, dropped first. BENCH_REUSE=1 keeps them
// and the catalog already ingested. BENCH_SECONDS sets each load phase
// (default 15). Ports 7007 must be free.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generatedComponent } from './lib/generatedComponent';
import {
  call,
  DATA,
  freshDatabases,
  guestToken,
  say,
  sleep,
  startExampleBackend,
  writeConfig as writeBackendConfig,
} from './lib/exampleBackend';

const TOTAL = Number(process.argv[2] ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const REUSE = process.env.BENCH_REUSE === '1';
const PREFIX = 'gpbench_';
const PAGE = 500;

// The catalog looks up every entity of one location in a single statement,
// which PostgreSQL caps at 65,535 parameters: so many smaller files.
const PER_FILE = 1000;

function catalogFiles(): string[] {
  return Array.from({ length: Math.ceil(TOTAL / PER_FILE) }, (_, f) =>
    join(DATA, `catalog-${TOTAL}-${f}.yaml`),
  );
}

async function writeCatalog(files: string[]): Promise<void> {
  for (const [f, file] of files.entries()) {
    const out = createWriteStream(file);
    for (let i = f * PER_FILE; i < Math.min(TOTAL, (f + 1) * PER_FILE); i++) {
      // JSON documents are YAML documents, and far quicker to write.
      if (!out.write(`---\n${JSON.stringify(generatedComponent(i))}\n`)) {
        await new Promise(r => out.once('drain', r));
      }
    }
    await new Promise<void>(r => out.end(r));
  }
}

function writeConfig(files: string[]): string {
  return writeBackendConfig(PREFIX, {
    catalog: {
      // Ingest once; no re-processing of the whole catalog during the load.
      processingInterval: { hours: 12 },
      locations: files.map(target => ({ type: 'file', target })),
    },
    // The search index of 100,000 entities is rebuilt every 10 minutes by
    // default, a background load that would land on either measurement.
    search: {
      collators: {
        catalog: {
          schedule: {
            frequency: { trigger: 'manual' },
            timeout: { minutes: 15 },
          },
        },
      },
    },
    goldenPath: {
      // Runs only when this benchmark triggers them.
      schedule: {
        frequency: { trigger: 'manual' },
        timeout: { minutes: 30 },
      },
      notifications: { levelDrop: false },
    },
  });
}

const get = (path: string, token: string, method = 'GET') =>
  call(path, token, { method });

async function startBackend(configFile: string) {
  const scored: Array<{ entities: number; ms: number }> = [];
  const backend = await startExampleBackend(PREFIX, configFile, line => {
    for (const m of line.matchAll(/scored (\d+) entities in (\d+) ms/g)) {
      scored.push({ entities: Number(m[1]), ms: Number(m[2]) });
    }
  });
  return { ...backend, scored };
}

async function componentCount(token: string): Promise<number> {
  const res = await get(
    '/api/catalog/entities/by-query?filter=kind=component&limit=1&fields=metadata.name',
    token,
  );
  return res.status === 200 ? JSON.parse(res.body).totalItems : 0;
}

async function waitForIngestion(token: string): Promise<void> {
  const started = Date.now();
  let last = -1;
  for (;;) {
    const count = await componentCount(token);
    if (count >= TOTAL) {
      say(
        `catalog holds ${count} components (ingested in ${(
          (Date.now() - started) /
          1000
        ).toFixed(0)} s)`,
      );
      return;
    }
    if (count !== last) {
      say(`catalog ingesting: ${count}/${TOTAL}`);
      last = count;
    }
    await sleep(15_000);
  }
}

async function timeScoringRun(
  token: string,
  scored: Array<{ entities: number; ms: number }>,
): Promise<{ entities: number; ms: number }> {
  const before = scored.length;
  const res = await get(
    '/api/golden-path/.backstage/scheduler/v1/tasks/golden-path-scoring/trigger',
    token,
    'POST',
  );
  if (res.status !== 200) {
    throw new Error(`trigger failed: ${res.status} ${res.body}`);
  }
  while (scored.length === before) await sleep(500);
  return scored[before];
}

async function timePaging(token: string): Promise<number> {
  const started = process.hrtime.bigint();
  let cursor: string | undefined;
  let seen = 0;
  do {
    const query = cursor
      ? `cursor=${encodeURIComponent(cursor)}&limit=${PAGE}`
      : `filter=kind=component&limit=${PAGE}`;
    const res = await get(`/api/catalog/entities/by-query?${query}`, token);
    if (res.status !== 200) throw new Error(`paging failed: ${res.status}`);
    const page = JSON.parse(res.body);
    seen += page.items.length;
    cursor = page.pageInfo?.nextCursor;
  } while (cursor);
  if (seen < TOTAL) throw new Error(`paged ${seen} of ${TOTAL}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

type LoadResult = { rps: number; p50: number; p99: number; requests: number };

async function load(
  pathOf: (i: number) => string,
  token: string,
  clients: number,
  seconds: number,
  check: (body: string) => void,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  let failures = 0;
  let lastFailure = '';
  const worker = async () => {
    while (Date.now() < deadline) {
      const i = Math.floor(Math.random() * TOTAL);
      const t0 = process.hrtime.bigint();
      const res = await get(pathOf(i), token);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== 200) {
        failures++;
        lastFailure = `${res.status} ${res.body.slice(0, 200)}`;
      } else if (latencies.length % 97 === 0) {
        check(res.body);
      }
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (failures > 0) {
    throw new Error(`${failures} requests failed, e.g. ${lastFailure}`);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    requests: latencies.length,
  };
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  const files = catalogFiles();
  if (!REUSE) {
    say(`dropping ${PREFIX}* databases; writing ${TOTAL} components`);
    // Ingesting the generated catalog is commit-bound on a small machine;
    // only the catalog's database trades durability for it. The suite's
    // own database keeps the defaults, so its figures are not flattered.
    await freshDatabases(PREFIX, { catalog: 'synchronous_commit = off' });
    await writeCatalog(files);
  }
  const configFile = writeConfig(files);
  say('starting the example backend on PostgreSQL');
  const { stop, scored } = await startBackend(configFile);
  try {
    const token = await guestToken();
    await waitForIngestion(token);

    say('scoring run vs paging the catalog (its floor)');
    // A first pass warms PostgreSQL's cache of the catalog, so that no run
    // is measured against a floor that had it warm.
    const cold = await timePaging(token);
    const first = await timeScoringRun(token, scored);
    const steady = await timeScoringRun(token, scored);
    const floor = Math.min(await timePaging(token), await timePaging(token));
    console.log();
    console.log(
      '| run                                  | entities | wall time | vs floor |',
    );
    console.log(
      '| ------------------------------------ | -------- | --------- | -------- |',
    );
    console.log(
      `| paging the catalog API, cold cache   | ${TOTAL} | ${(
        cold / 1000
      ).toFixed(1)} s | ${(cold / floor).toFixed(2)}x |`,
    );
    console.log(
      `| paging the catalog API (floor)       | ${TOTAL} | ${(
        floor / 1000
      ).toFixed(1)} s | 1.00x |`,
    );
    for (const [name, run] of [
      [
        REUSE
          ? 'scoring run 1 (results stored)'
          : 'scoring run 1 (no results yet)',
        first,
      ],
      ['scoring run 2 (results stored)', steady],
    ] as const) {
      console.log(
        `| ${name.padEnd(36)} | ${run.entities} | ${(run.ms / 1000).toFixed(
          1,
        )} s | ${(run.ms / floor).toFixed(2)}x |`,
      );
    }
    console.log();

    const targets = [
      {
        name: 'catalog GET /entities/by-name (floor)',
        path: (i: number) =>
          `/api/catalog/entities/by-name/component/default/service-${i}`,
        check: (body: string) => {
          if (!JSON.parse(body).metadata?.name) throw new Error(body);
        },
      },
      {
        name: 'golden-path GET /entities/{ref}',
        path: (i: number) =>
          `/api/golden-path/entities/component/default/service-${i}`,
        check: (body: string) => {
          if (JSON.parse(body).status !== 'recorded') throw new Error(body);
        },
      },
    ];
    const rows: string[] = [];
    const results = new Map<string, LoadResult>();
    for (const clients of [1, 50]) {
      for (const target of targets) {
        say(`${target.name}, ${clients} client(s): warm-up, then ${SECONDS} s`);
        await load(target.path, token, clients, 3, target.check);
        const result = await load(
          target.path,
          token,
          clients,
          SECONDS,
          target.check,
        );
        results.set(`${target.name}@${clients}`, result);
        rows.push(
          `| ${target.name.padEnd(38)} | ${String(clients).padStart(
            7,
          )} | ${result.rps
            .toFixed(0)
            .padStart(5)} req/s | ${result.p50.toFixed(
            2,
          )} ms | ${result.p99.toFixed(2)} ms | ${result.requests} |`,
        );
      }
    }
    console.log();
    console.log(
      '| endpoint                               | clients | throughput | p50 | p99 | requests |',
    );
    console.log(
      '| -------------------------------------- | ------- | ---------- | --- | --- | -------- |',
    );
    rows.forEach(r => console.log(r));
    const ratio = (clients: number) =>
      results.get(`${targets[1].name}@${clients}`)!.rps /
      results.get(`${targets[0].name}@${clients}`)!.rps;
    console.log();
    console.log(
      `golden-path vs catalog floor throughput: ${ratio(1).toFixed(
        2,
      )}x at 1 client, ${ratio(50).toFixed(2)}x at 50 clients`,
    );
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
