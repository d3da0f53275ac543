// Support tickets and survey answers at scale, on the example backend on
// PostgreSQL, measured over HTTP as a tracker and the platform team reach it:
//
// 1. ticket ingestion: POST /api/golden-path/tickets in batches of 500 with
//    an external access token, 1 and 4 clients, against the same batches
//    replayed (validated and attributed, nothing written) as the baseline;
// 2. the store filled to 1,000,000 tickets and 1,000,000 survey answers
//    (20 quarterly campaigns of 50,000, imported 1,000 a request);
// 3. the figures the pages read, one request after another: p50 and p99,
//    against the catalog's GET /entities/by-name (the floor of any
//    authenticated read) measured in the same run.
//
//   ./gp yarn bench:feedback [tickets] [answers]    default 1000000 1000000
//
// The org is generated: 200 teams of 10 users in 20 departments.
// BENCH_POSTGRES_CONNECTION as for the other benchmarks; port 7007 free.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  call,
  DATA,
  freshDatabases,
  guestToken,
  say,
  sleep,
  startExampleBackend,
  timeRequests,
  writeConfig,
} from './lib/exampleBackend';

const TICKETS = Number(process.argv[2] ?? 1_000_000);
const ANSWERS = Number(process.argv[3] ?? 1_000_000);
const PREFIX = 'gpfeedback_';
const DEPARTMENTS = 20;
const TEAMS = 200;
const USERS_PER_TEAM = 10;
const BATCH = 500;
const CAMPAIGNS = 20;
const IMPORT_BATCH = 1000;
const DAY = 86_400_000;
const LABELS = Array.from({ length: 30 }, (_, i) => `label-${i}`);
const CATEGORIES = Array.from({ length: 12 }, (_, i) => `Category ${i}`);
const TYPES = ['request', 'request', 'question', 'incident', 'bug', 'other'];
const PATHS = ['node-service', 'python-service', 'static-site'];

// Deterministic: ticket i is the same on every run.
function unit(i: number, salt: number) {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

function writeOrg(): string {
  const docs: unknown[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `bench-dept-${d}` },
      spec: {
        type: 'department',
        children: Array.from(
          { length: TEAMS / DEPARTMENTS },
          (_, t) => `bench-team-${d * (TEAMS / DEPARTMENTS) + t}`,
        ),
      },
    });
  }
  for (let t = 0; t < TEAMS; t++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `bench-team-${t}` },
      spec: {
        type: 'team',
        parent: `bench-dept-${Math.floor(t / (TEAMS / DEPARTMENTS))}`,
        children: [],
      },
    });
    for (let u = 0; u < USERS_PER_TEAM; u++) {
      const name = `bench-user-${t * USERS_PER_TEAM + u}`;
      docs.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name },
        spec: {
          profile: { email: `${name}@example.com` },
          memberOf: [`bench-team-${t}`],
        },
      });
    }
  }
  mkdirSync(DATA, { recursive: true });
  const file = join(DATA, `${PREFIX}org.yaml`);
  writeFileSync(
    file,
    docs.map(doc => `---\n${JSON.stringify(doc)}`).join('\n'),
  );
  return file;
}

function ticket(i: number, now: number) {
  const created = now - 2 * DAY - unit(i, 1) * 725 * DAY;
  const firstResponse = created + 60_000 * Math.exp(unit(i, 2) * 6);
  const resolved = firstResponse + 600_000 * Math.exp(unit(i, 3) * 7);
  const isResolved = unit(i, 4) < 0.9 && resolved < now;
  const user = Math.floor(unit(i, 5) * TEAMS * USERS_PER_TEAM);
  return {
    id: `BENCH-${i}`,
    title: `Ticket ${i}`,
    type: TYPES[i % TYPES.length],
    category: CATEGORIES[Math.floor(unit(i, 6) * CATEGORIES.length)],
    labels: [
      LABELS[Math.floor(unit(i, 7) * LABELS.length)],
      ...(unit(i, 8) < 0.5 ? [PATHS[i % PATHS.length]] : []),
    ],
    status: isResolved ? 'resolved' : 'in-progress',
    requester: `bench-user-${user}@example.com`,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(isResolved ? resolved : created).toISOString(),
    firstResponseAt: new Date(Math.min(firstResponse, now)).toISOString(),
    ...(isResolved ? { resolvedAt: new Date(resolved).toISOString() } : {}),
    reopenCount: unit(i, 9) < 0.05 ? 1 : 0,
  };
}

async function pushTickets(
  token: string,
  from: number,
  to: number,
  clients: number,
  now: number,
  expect: 'inserted' | 'unchanged',
) {
  let next = from;
  let stored = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < to) {
        const start = next;
        next = Math.min(to, next + BATCH);
        const tickets = [];
        for (let i = start; i < next; i++) tickets.push(ticket(i, now));
        const res = await call('/api/golden-path/tickets', token, {
          method: 'POST',
          body: JSON.stringify({ source: 'bench', tickets }),
        });
        if (res.status !== 200) {
          throw new Error(`push failed: ${res.status} ${res.body}`);
        }
        stored += JSON.parse(res.body)[expect];
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (stored !== to - from) {
    throw new Error(`${expect} ${stored} of ${to - from} tickets`);
  }
  return { seconds, rate: (to - from) / seconds };
}

async function loadAnswers(token: string, now: number) {
  const perCampaign = Math.ceil(ANSWERS / CAMPAIGNS);
  const ids: string[] = [];
  const started = process.hrtime.bigint();
  for (let c = 0; c < CAMPAIGNS; c++) {
    const opensAt = now - (CAMPAIGNS - c) * 91 * DAY;
    const closesAt = opensAt + 21 * DAY;
    const created = await call('/api/golden-path/surveys', token, {
      method: 'POST',
      body: JSON.stringify({
        title: `Bench survey ${c}`,
        questions: [
          { id: 'nps', type: 'nps', text: 'Recommend?' },
          { id: 'why', type: 'text', text: 'Why?' },
          {
            id: 'node',
            type: 'path-rating',
            text: 'Node?',
            pathId: 'node-service',
          },
        ],
        audience: { type: 'all' },
        opensAt: new Date(opensAt).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        anonymous: true,
      }),
    });
    if (created.status !== 201) {
      throw new Error(`campaign failed: ${created.status} ${created.body}`);
    }
    const id = JSON.parse(created.body).id;
    ids.push(id);
    for (let i = 0; i < perCampaign; i += IMPORT_BATCH) {
      const responses = [];
      for (let r = i; r < Math.min(perCampaign, i + IMPORT_BATCH); r++) {
        const n = c * perCampaign + r;
        responses.push({
          id: `row-${r}`,
          submittedAt: new Date(opensAt + unit(n, 10) * 20 * DAY).toISOString(),
          team: `group:default/bench-team-${Math.floor(unit(n, 11) * TEAMS)}`,
          answers: {
            nps: Math.floor(unit(n, 12) * 11),
            ...(unit(n, 13) < 0.2 ? { why: 'Builds are slow' } : {}),
            ...(unit(n, 14) < 0.5
              ? { node: 1 + Math.floor(unit(n, 15) * 5) }
              : {}),
          },
        });
      }
      const res = await call(
        `/api/golden-path/surveys/${id}/responses/import`,
        token,
        { method: 'POST', body: JSON.stringify({ responses }) },
      );
      if (res.status !== 200) {
        throw new Error(`import failed: ${res.status} ${res.body}`);
      }
    }
    say(`campaign ${c + 1}/${CAMPAIGNS}: ${perCampaign} answers`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ids, seconds, rate: (perCampaign * CAMPAIGNS) / seconds };
}

async function main() {
  await freshDatabases(PREFIX, { catalog: 'synchronous_commit = off' });
  const org = writeOrg();
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
  });
  let exampleLoaded = false;
  say('starting the example backend on PostgreSQL');
  const backend = await startExampleBackend(PREFIX, configFile, line => {
    if (line.includes('Loaded the example data')) exampleLoaded = true;
  });
  try {
    const user = await guestToken();
    const lastUser = `bench-user-${TEAMS * USERS_PER_TEAM - 1}`;
    while (
      !exampleLoaded ||
      (
        await call(
          `/api/catalog/entities/by-name/user/default/${lastUser}`,
          user,
        )
      ).status !== 200
    ) {
      await sleep(2000);
    }
    say('catalog holds the generated org; example data loaded');
    const now = Date.now();
    const sample = Math.min(50_000, TICKETS);

    const one = await pushTickets(serviceToken, 0, sample, 1, now, 'inserted');
    const replay = await pushTickets(
      serviceToken,
      0,
      sample,
      1,
      now,
      'unchanged',
    );
    const fourEnd = Math.min(TICKETS, 2 * sample);
    const four = await pushTickets(
      serviceToken,
      sample,
      fourEnd,
      4,
      now,
      'inserted',
    );
    console.log();
    console.log(
      '| ticket ingestion, batches of 500 | clients | tickets | tickets/s | vs replay |',
    );
    console.log(
      '| -------------------------------- | ------- | ------- | --------- | --------- |',
    );
    console.log(
      `| replay, nothing new (baseline)   | 1 | ${sample} | ${replay.rate.toFixed(
        0,
      )} | 1.00x |`,
    );
    console.log(
      `| new tickets                      | 1 | ${sample} | ${one.rate.toFixed(
        0,
      )} | ${(one.rate / replay.rate).toFixed(2)}x |`,
    );
    console.log(
      `| new tickets                      | 4 | ${
        fourEnd - sample
      } | ${four.rate.toFixed(0)} | ${(four.rate / replay.rate).toFixed(2)}x |`,
    );
    console.log();

    say(`filling to ${TICKETS} tickets`);
    const rest = await pushTickets(
      serviceToken,
      fourEnd,
      TICKETS,
      4,
      now,
      'inserted',
    );
    say(
      `${TICKETS - fourEnd} more tickets in ${rest.seconds.toFixed(
        0,
      )} s (${rest.rate.toFixed(0)}/s)`,
    );
    say(`importing ${ANSWERS} survey answers`);
    const answers = await loadAnswers(serviceToken, now);
    say(
      `${ANSWERS} answers in ${answers.seconds.toFixed(
        0,
      )} s (${answers.rate.toFixed(0)}/s)`,
    );

    const weeksAgo = (w: number) => new Date(now - w * 7 * DAY).toISOString();
    const targets: Array<[string, string]> = [
      [
        'catalog GET /entities/by-name (floor)',
        `/api/catalog/entities/by-name/user/default/${lastUser}`,
      ],
      [
        'GET /surveys/{id}/results (50,000 answers)',
        `/api/golden-path/surveys/${answers.ids[CAMPAIGNS - 1]}/results`,
      ],
      ['GET /surveys/trend (all answers)', '/api/golden-path/surveys/trend'],
      [
        'GET /surveys/trend?group= (a department)',
        '/api/golden-path/surveys/trend?group=group:default/bench-dept-3',
      ],
      ['GET /ratings', '/api/golden-path/ratings'],
      ['GET /tickets/figures (13 weeks)', '/api/golden-path/tickets/figures'],
      [
        'GET /tickets/figures (52 weeks)',
        `/api/golden-path/tickets/figures?from=${weeksAgo(52)}`,
      ],
      [
        'GET /tickets/figures (104 weeks)',
        `/api/golden-path/tickets/figures?from=${weeksAgo(104)}`,
      ],
      [
        'GET /tickets/figures?group= (a department)',
        '/api/golden-path/tickets/figures?group=group:default/bench-dept-3',
      ],
      [
        'GET /tickets/figures?path=node-service',
        '/api/golden-path/tickets/figures?path=node-service',
      ],
    ];
    const rows = [];
    let floor = 0;
    for (const [name, path] of targets) {
      say(name);
      const result = await timeRequests(100, () => call(path, user));
      if (!floor) floor = result.p50;
      rows.push(
        `| ${name} | ${result.p50.toFixed(1)} ms | ${result.p99.toFixed(
          1,
        )} ms | ${(result.p50 / floor).toFixed(1)}x |`,
      );
    }
    console.log();
    console.log(
      `| request (${TICKETS} tickets, ${ANSWERS} answers) | p50 | p99 | p50 vs floor |`,
    );
    console.log('| --- | --- | --- | --- |');
    rows.forEach(row => console.log(row));
  } finally {
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
