// The platform at scale, on the example backend on PostgreSQL, measured
// over HTTP as trackers, CI/CD, the portal and the platform team reach it:
//
// 1. ingestion in batches of 500 at 1 and 4 clients, each against the same
//    batches replayed (validated and attributed, nothing new written) as its
//    baseline: support tickets (external access token), deployments
//    (external access token) and portal usage events (a signed-in user);
// 2. the store filled to 1,000,000 tickets, deployments, usage events and
//    survey answers (20 quarterly campaigns of 50,000), and 100,000
//    entities scored (the real scoring run over a generated catalog) with
//    13 weeks of daily adoption history; the rollups rebuilt;
// 3. the reads, one request after another, p50 and p99, against the
//    catalog's GET /entities/by-name (the floor of an authenticated read)
//    in the same run, and the whole dashboard (its requests together).
//
//   ./gp yarn bench:platform [rows]     default 1000000 of each kind
//
// BENCH_PHASES picks phases (default ingest,fill,reads). Without ingest and
// fill, reads run on the databases the last full run left. BENCH_INGEST
// picks the kinds ingestion measures (default tickets,deployments,usage).
//
// Each ingestion measurement and the reads start from a vacuumed database:
// on a server with autovacuum off (as on this project's machines), the
// suite's tables are vacuumed and analysed first, as a default
// PostgreSQL's autovacuum would have done after the rows before; the
// rollup rebuilds leave dead rows behind.
//
// The org is generated: 200 teams of 10 users in 20 departments.
// BENCH_POSTGRES_CONNECTION as for the other benchmarks; port 7007 free.
// Takes about half an hour on 2 cores.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import knexFactory from 'knex';
import { createStores } from '../plugins/golden-path-backend/src/database/createStores';
import { ScoringTask } from '../plugins/golden-path-backend/src/scheduler/ScoringTask';
import { catalogFactProvider } from '../plugins/golden-path-backend/src/scoring/catalogFactProvider';
import {
  call,
  CONNECTION,
  freshDatabases,
  guestToken,
  say,
  sleep,
  startExampleBackend,
  timeRequests,
  writeConfig,
} from './lib/exampleBackend';
import { generatedComponent } from './lib/generatedComponent';
import { teamRef, TEAMS, USERS, userName, writeOrg } from './lib/generatedOrg';
import { settings as scoringSettings } from './lib/scoringSettings';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const ENTITIES = 100_000;
const PREFIX = 'gpplat_';
const BATCH = 500;
const SAMPLE = Math.min(50_000, ROWS / 4);
const CAMPAIGNS = 20;
const DAY = 86_400_000;
const LABELS = Array.from({ length: 30 }, (_, i) => `label-${i}`);
const CATEGORIES = Array.from({ length: 12 }, (_, i) => `Category ${i}`);
const TYPES = ['request', 'request', 'question', 'incident', 'bug', 'other'];
const PATHS = ['node-service', 'python-service', 'static-site'];
const PLUGINS = ['catalog', 'scaffolder', 'techdocs', 'search', 'golden-path'];

// Deterministic: row i is the same on every run.
function unit(i: number, salt: number) {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}
const pick = <T>(items: T[], i: number, salt: number) =>
  items[Math.floor(unit(i, salt) * items.length)];

function ticket(i: number, now: number) {
  const created = now - 2 * DAY - unit(i, 1) * 725 * DAY;
  const firstResponse = created + 60_000 * Math.exp(unit(i, 2) * 6);
  const resolved = firstResponse + 600_000 * Math.exp(unit(i, 3) * 7);
  const isResolved = unit(i, 4) < 0.9 && resolved < now;
  return {
    id: `BENCH-${i}`,
    title: `Ticket ${i}`,
    type: TYPES[i % TYPES.length],
    category: pick(CATEGORIES, i, 6),
    labels: [
      pick(LABELS, i, 7),
      ...(unit(i, 8) < 0.5 ? [PATHS[i % PATHS.length]] : []),
    ],
    status: isResolved ? 'resolved' : 'in-progress',
    requester: `${userName(Math.floor(unit(i, 5) * USERS))}@example.com`,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(isResolved ? resolved : created).toISOString(),
    firstResponseAt: new Date(Math.min(firstResponse, now)).toISOString(),
    ...(isResolved ? { resolvedAt: new Date(resolved).toISOString() } : {}),
    reopenCount: unit(i, 9) < 0.05 ? 1 : 0,
  };
}

function deployment(i: number, now: number) {
  const deployedAt = now - 60_000 - unit(i, 21) * 360 * DAY;
  const lead = 60_000 * Math.exp(unit(i, 22) * 6);
  return {
    id: `DEPLOY-${i}`,
    service: `service-${Math.floor(unit(i, 23) * ENTITIES * 1.05)}`,
    environment: unit(i, 24) < 0.6 ? 'production' : 'staging',
    deployedAt: new Date(deployedAt).toISOString(),
    commitTimes: [new Date(deployedAt - lead).toISOString()],
    outcome: unit(i, 25) < 0.08 ? 'failure' : 'success',
  };
}

function usageEvent(i: number, now: number, withUser: boolean) {
  const plugin = pick(PLUGINS, i, 31);
  return {
    id: `EVENT-${i}`,
    ...(withUser
      ? { userRef: `user:default/${userName(Math.floor(unit(i, 32) * USERS))}` }
      : {}),
    action: 'navigate',
    subject: `/${plugin}/page-${i % 40}`,
    at: new Date(now - unit(i, 33) * (withUser ? 90 : 1) * DAY).toISOString(),
    pluginId: plugin,
    extensionId: `page:${plugin}/${i % 8}`,
  };
}

/** Sends rows from..to in batches of 500 from `clients` clients. */
async function push(
  label: string,
  from: number,
  to: number,
  clients: number,
  send: (start: number, end: number) => Promise<number>,
) {
  let next = from;
  let counted = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < to) {
        const start = next;
        next = Math.min(to, next + BATCH);
        // Awaited first: `counted += await …` would read counted before
        // the other clients' additions.
        const count = await send(start, next);
        counted += count;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (counted !== to - from) {
    throw new Error(`${label}: counted ${counted} of ${to - from}`);
  }
  return { seconds, rate: (to - from) / seconds };
}

function poster(
  path: string,
  token: string,
  body: (start: number, end: number) => unknown,
  counted: (result: any) => number,
) {
  return async (start: number, end: number) => {
    const res = await call(path, token, {
      method: 'POST',
      body: JSON.stringify(body(start, end)),
    });
    if (res.status >= 300) {
      throw new Error(`${path}: ${res.status} ${res.body.slice(0, 500)}`);
    }
    const count = counted(JSON.parse(res.body));
    if (count !== end - start) {
      throw new Error(
        `${path}: counted ${count} of ${end - start}: ${res.body}`,
      );
    }
    return count;
  };
}

const range = (start: number, end: number) =>
  Array.from({ length: end - start }, (_, k) => start + k);

/**
 * Seconds until every week marked by a write is rebuilt and the rollup
 * task is idle; the task is triggered rather than waited for (a 409 means
 * it is running already), and rebuilds once writes have paused.
 */
async function waitForRollups(
  db: ReturnType<typeof knexFactory>,
  token?: string,
) {
  const started = Date.now();
  for (;;) {
    const trigger = token
      ? await call(
          '/api/golden-path/.backstage/scheduler/v1/tasks/golden-path-rollups/trigger',
          token,
          { method: 'POST' },
        )
      : undefined;
    const [{ count }] = await db('golden_path_rollup_marks').count({
      count: '*',
    });
    if (Number(count) === 0 && trigger?.status !== 409) break;
    await sleep(2000);
  }
  return (Date.now() - started) / 1000;
}

async function scoreGeneratedCatalog(db: ReturnType<typeof knexFactory>) {
  const stores = await createStores({
    getClient: async () => db,
    migrations: { skip: true },
  } as any);
  const entityAt = (i: number): Entity => {
    const entity = generatedComponent(i);
    const owner = teamRef(i % TEAMS);
    return {
      ...entity,
      spec: { ...entity.spec, owner },
      relations: [{ type: 'ownedBy', targetRef: owner }],
    };
  };
  const catalog = {
    async queryEntities(request: any) {
      const offset = request?.cursor ? Number(request.cursor) : 0;
      const end = Math.min(offset + 500, ENTITIES);
      return {
        items: range(offset, end).map(entityAt),
        totalItems: ENTITIES,
        pageInfo: end < ENTITIES ? { nextCursor: String(end) } : {},
      };
    },
  } as any;
  const quiet: any = {
    error() {},
    warn() {},
    info() {},
    debug() {},
    child: () => quiet,
  };
  const task = new ScoringTask({
    catalog,
    auth: mockServices.auth(),
    store: stores.results,
    exemptions: stores.exemptions,
    settings: scoringSettings,
    factProviders: [catalogFactProvider],
    provenanceResolvers: [],
    logger: quiet,
  });
  const started = Date.now();
  await task.run();
  // Thirteen weeks of daily adoption history, as daily runs leave it.
  const today = await stores.results.latestSnapshots();
  for (let day = 1; day <= 13 * 7; day++) {
    const date = new Date(Date.now() - day * DAY).toISOString().slice(0, 10);
    await stores.results.replaceDaySnapshots(
      date,
      today.map(s => ({
        ...s,
        onPath: Math.max(0, s.onPath - Math.floor(s.onPath * day * 0.002)),
      })),
    );
  }
  return (Date.now() - started) / 1000;
}

const PHASES = new Set(
  (process.env.BENCH_PHASES ?? 'ingest,fill,reads').split(','),
);
const REUSE = !PHASES.has('ingest') && !PHASES.has('fill');

/** VACUUM ANALYZE of the suite's tables when autovacuum would not run. */
async function vacuumLikeAutovacuum(db: ReturnType<typeof knexFactory>) {
  const { rows } = await db.raw('SHOW autovacuum');
  if (rows[0].autovacuum === 'on') return;
  const started = Date.now();
  const tables: Array<{ tablename: string }> = (
    await db.raw(
      "SELECT tablename FROM pg_tables WHERE tablename LIKE 'golden_path_%'",
    )
  ).rows;
  for (const { tablename } of tables) {
    await db.raw('VACUUM (ANALYZE) ??', [tablename]);
  }
  say(
    `autovacuum is off on this server: vacuumed and analysed ${
      tables.length
    } tables in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

async function main() {
  if (!REUSE) {
    await freshDatabases(PREFIX, { catalog: 'synchronous_commit = off' });
  }
  const org = writeOrg(PREFIX);
  const serviceToken = randomBytes(24).toString('hex');
  const examples = join(__dirname, '..', 'examples');
  const configFile = writeConfig(PREFIX, {
    backend: {
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: serviceToken, subject: 'bench-tracker' },
          },
        ],
      },
    },
    catalog: {
      locations: [
        { type: 'file', target: join(examples, 'entities.yaml') },
        ...[join(examples, 'org.yaml'), org].map(target => ({
          type: 'file',
          target,
          rules: [{ allow: ['User', 'Group'] }],
        })),
      ],
    },
    // The benchmark scores its own generated catalog: the scheduled run
    // over the small real one would replace it.
    goldenPath: {
      schedule: { frequency: { trigger: 'manual' }, timeout: { minutes: 30 } },
    },
  });
  let exampleLoaded = false;
  say('starting the example backend on PostgreSQL');
  const backend = await startExampleBackend(PREFIX, configFile, line => {
    if (line.includes('Loaded the example data')) exampleLoaded = true;
  });
  const db = knexFactory({
    client: 'pg',
    connection: `${CONNECTION}/${PREFIX}golden-path`,
  });
  try {
    const user = await guestToken();
    const lastUser = userName(USERS - 1);
    while (
      (
        await call(
          `/api/catalog/entities/by-name/user/default/${lastUser}`,
          user,
        )
      ).status !== 200
    ) {
      await sleep(2000);
    }
    if (!REUSE) {
      // The example data waits for a first scoring run.
      await call(
        '/api/golden-path/.backstage/scheduler/v1/tasks/golden-path-scoring/trigger',
        user,
        { method: 'POST' },
      );
      while (!exampleLoaded) await sleep(2000);
      say('catalog holds the generated org; example data loaded');
    }
    const now = Date.now();

    const tickets = poster(
      '/api/golden-path/tickets',
      serviceToken,
      (s, e) => ({
        source: 'bench',
        tickets: range(s, e).map(i => ticket(i, now)),
      }),
      r => r.inserted + r.unchanged,
    );
    const deployments = poster(
      '/api/golden-path/deployments',
      serviceToken,
      (s, e) => ({
        source: 'bench',
        deployments: range(s, e).map(i => deployment(i, now)),
      }),
      r => r.inserted + r.unchanged,
    );
    const events = poster(
      '/api/golden-path/usage/events',
      user,
      (s, e) => ({ events: range(s, e).map(i => usageEvent(i, now, false)) }),
      r => r.received,
    );
    const rows: string[] = [];
    // Each measurement starts on a quiet backend: writes to weeks older than
    // the last four leave their rollups to the rollup task, whose rebuild
    // would otherwise run during the next measurement. Its catch-up time
    // after the new rows is reported beside their rate. On a server with
    // autovacuum off the tables are also analysed, as autovacuum would have
    // after the previous measurement's rows: without statistics PostgreSQL
    // looks 500 ticket ids up through the first key column alone (420 ms
    // at 750,000 tickets, 1.8 ms analysed).
    const quiet = async () => {
      const seconds = await waitForRollups(db, user);
      await vacuumLikeAutovacuum(db);
      return seconds;
    };
    const measure = async (
      name: string,
      send: (s: number, e: number) => Promise<number>,
      base: number,
    ) => {
      await quiet();
      const one = await push(name, base, base + SAMPLE, 1, send);
      const oneCatchUp = await quiet();
      const replay = await push(name, base, base + SAMPLE, 1, send);
      await quiet();
      const four = await push(name, base + SAMPLE, base + 2 * SAMPLE, 4, send);
      const fourCatchUp = await quiet();
      rows.push(
        `| ${name}: replay, nothing new (baseline) | 1 | ${SAMPLE} | ${replay.rate.toFixed(
          0,
        )} | 1.00x | |`,
        `| ${name}: new | 1 | ${SAMPLE} | ${one.rate.toFixed(0)} | ${(
          one.rate / replay.rate
        ).toFixed(2)}x | ${oneCatchUp.toFixed(0)} s |`,
        `| ${name}: new | 4 | ${SAMPLE} | ${four.rate.toFixed(0)} | ${(
          four.rate / replay.rate
        ).toFixed(2)}x | ${fourCatchUp.toFixed(0)} s |`,
      );
    };
    if (PHASES.has('ingest')) {
      const kinds = new Set(
        (process.env.BENCH_INGEST ?? 'tickets,deployments,usage').split(','),
      );
      if (kinds.has('tickets')) {
        say('ingestion: tickets');
        await measure('tickets', tickets, 0);
      }
      if (kinds.has('deployments')) {
        say('ingestion: deployments');
        await measure('deployments', deployments, 0);
      }
      if (kinds.has('usage')) {
        say('ingestion: usage events');
        await measure('usage events', events, ROWS);
      }
      console.log();
      console.log(
        '| ingestion, batches of 500 | clients | rows | rows/s | vs replay | deferred rollups caught up after |',
      );
      console.log('| --- | --- | --- | --- | --- | --- |');
      rows.forEach(row => console.log(row));
      console.log();
    }

    let latestCampaign = '';
    if (PHASES.has('fill')) {
      say(`filling to ${ROWS} tickets, deployments and usage events`);
      const fill = [
        ['tickets', await push('tickets', 2 * SAMPLE, ROWS, 4, tickets)],
        [
          'deployments',
          await push('deployments', 2 * SAMPLE, ROWS, 4, deployments),
        ],
        [
          'usage events (import)',
          await push(
            'usage',
            0,
            ROWS,
            4,
            poster(
              '/api/golden-path/usage/import',
              serviceToken,
              (s, e) => ({
                events: range(s, e).map(i => usageEvent(i, now, true)),
              }),
              r => r.received,
            ),
          ),
        ],
      ] as const;
      for (const [name, result] of fill) {
        say(`${name}: ${result.rate.toFixed(0)}/s over the fill`);
      }
      say(`importing ${ROWS} survey answers`);
      const perCampaign = Math.ceil(ROWS / CAMPAIGNS);
      for (let c = 0; c < CAMPAIGNS; c++) {
        const opensAt = now - (CAMPAIGNS - c) * 91 * DAY;
        const created = await call('/api/golden-path/surveys', serviceToken, {
          method: 'POST',
          body: JSON.stringify({
            title: `Bench survey ${c}`,
            questions: [
              { id: 'nps', type: 'nps', text: 'Recommend?' },
              { id: 'why', type: 'text', text: 'Why?' },
            ],
            audience: { type: 'all' },
            opensAt: new Date(opensAt).toISOString(),
            closesAt: new Date(opensAt + 21 * DAY).toISOString(),
            anonymous: true,
          }),
        });
        latestCampaign = JSON.parse(created.body).id;
        await push('answers', 0, perCampaign, 2, async (s, e) => {
          const res = await call(
            `/api/golden-path/surveys/${latestCampaign}/responses/import`,
            serviceToken,
            {
              method: 'POST',
              body: JSON.stringify({
                responses: range(s, e).map(r => {
                  const n = c * perCampaign + r;
                  return {
                    id: `row-${r}`,
                    submittedAt: new Date(
                      opensAt + unit(n, 10) * 20 * DAY,
                    ).toISOString(),
                    team: teamRef(Math.floor(unit(n, 11) * TEAMS)),
                    answers: {
                      nps: Math.floor(unit(n, 12) * 11),
                      ...(unit(n, 13) < 0.2 ? { why: 'Builds are slow' } : {}),
                    },
                  };
                }),
              }),
            },
          );
          if (res.status !== 200) throw new Error(res.body);
          return e - s;
        });
      }
      say('waiting for the weekly rollups to be rebuilt');
      say(
        `rollups rebuilt ${(await waitForRollups(db)).toFixed(
          0,
        )} s after the fill`,
      );
      say(`scoring ${ENTITIES} generated entities`);
      say(
        `scored with history in ${(await scoreGeneratedCatalog(db)).toFixed(
          0,
        )} s`,
      );
    }
    if (!PHASES.has('reads')) return;
    if (!latestCampaign) {
      const [campaign] = await db('golden_path_survey_campaigns')
        .where('title', `Bench survey ${CAMPAIGNS - 1}`)
        .select('id');
      latestCampaign = campaign.id;
    }
    await vacuumLikeAutovacuum(db);

    const weeksAgo = (w: number) => new Date(now - w * 7 * DAY).toISOString();
    const dashboard = [
      '/api/golden-path/metrics',
      '/api/golden-path/metrics/teams',
      '/api/golden-path/paths',
      '/api/golden-path/usage/features',
      '/api/golden-path/surveys/trend',
      '/api/golden-path/tickets/figures',
    ];
    const targets: Array<
      [string, () => Promise<{ status: number; body: string }>]
    > = [
      [
        'catalog GET /entities/by-name (floor)',
        () =>
          call(`/api/catalog/entities/by-name/user/default/${lastUser}`, user),
      ],
      [
        'GET /surveys/{id}/results (50,000 answers)',
        () => call(`/api/golden-path/surveys/${latestCampaign}/results`, user),
      ],
      [
        'GET /surveys/trend (all answers)',
        () => call('/api/golden-path/surveys/trend', user),
      ],
      [
        'GET /tickets/figures (13 weeks)',
        () => call('/api/golden-path/tickets/figures', user),
      ],
      [
        'GET /tickets/figures (52 weeks)',
        () =>
          call(`/api/golden-path/tickets/figures?from=${weeksAgo(52)}`, user),
      ],
      [
        'GET /tickets/figures?group= (a department)',
        () =>
          call(
            '/api/golden-path/tickets/figures?group=group:default/bench-dept-3',
            user,
          ),
      ],
      [
        'GET /tickets/figures?path=node-service',
        () => call('/api/golden-path/tickets/figures?path=node-service', user),
      ],
      ['GET /metrics (13 weeks)', () => call('/api/golden-path/metrics', user)],
      [
        'GET /metrics?group= (a department)',
        () =>
          call(
            '/api/golden-path/metrics?group=group:default/bench-dept-3',
            user,
          ),
      ],
      [
        'GET /metrics/teams',
        () => call('/api/golden-path/metrics/teams', user),
      ],
      [
        'GET /usage/features',
        () => call('/api/golden-path/usage/features', user),
      ],
      [
        'dashboard: its 6 requests together',
        async () => {
          const all = await Promise.all(
            dashboard.map(path => call(path, user)),
          );
          return all.find(r => r.status !== 200) ?? all[0];
        },
      ],
    ];
    const results: string[] = [];
    let floor = 0;
    for (const [name, request] of targets) {
      say(name);
      const result = await timeRequests(100, request);
      if (!floor) floor = result.p50;
      results.push(
        `| ${name} | ${result.p50.toFixed(1)} ms | ${result.p99.toFixed(
          1,
        )} ms | ${(result.p50 / floor).toFixed(1)}x |`,
      );
    }
    console.log();
    console.log(
      `| request (${ROWS} tickets, deployments, usage events and answers; ${ENTITIES} entities) | p50 | p99 | p50 vs floor |`,
    );
    console.log('| --- | --- | --- | --- |');
    results.forEach(row => console.log(row));
  } finally {
    await db.destroy();
    backend.stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
