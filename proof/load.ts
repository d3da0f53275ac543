// Load with replay, against the real example backend on PostgreSQL:
//
// 1. survey answers: 200 distinct signed-in users answer one campaign at
//    once, then all answer again at once (a replay: each replaces its
//    first answer); the guest answers another campaign 200 times at once;
//    200 single-row imports and their 200 replays go in at once;
// 2. 5,000 tickets in batches of 100 (service token), every batch sent
//    twice, the replay concurrent with the original; the weekly rollups
//    rebuilt, then the ticket figures read.
//
// Checks the stored counts are exact and no key is stored twice.
//
// The 200 users are real catalog users (a generated org) signed in through
// the example's guest provider: it signs in as
// `auth.providers.guest.userEntityRef`, which it reads at each sign-in, and
// the backend reloads its config file when the file changes. So each token
// is one the auth backend issued for that user, through the same sign-in
// path as the guest's.
//
//   ./gp yarn proof load
import http from 'node:http';
import { call, say, sleep } from '../bench/lib/exampleBackend';
import { userName, writeOrg, USERS } from '../bench/lib/generatedOrg';
import { Suite, runSuite } from './lib/harness';
import { ProofBackend, startProofBackend } from './lib/proofBackend';
import { Reply, send } from './lib/rawHttp';

const PREFIX = 'gpload_';
const BASE = '/api/golden-path';
const USERS_ANSWERING = 200;
const TICKETS = 5000;
const BATCH = 100;
const SOURCE = 'load';
const DAY = 86_400_000;

const suite = new Suite('load');

// Enough sockets that every request of a burst is in flight at once.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

const post = (path: string, token: string, body: unknown): Promise<Reply> =>
  send(agent, {
    method: 'POST',
    path: `${BASE}${path}`,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });

async function getJson(path: string, token: string) {
  const res = await call(`${BASE}${path}`, token);
  if (res.status !== 200) {
    throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
  }
  return JSON.parse(res.body);
}

const statuses = (replies: Reply[]) => {
  const counts: Record<number, number> = {};
  for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return JSON.stringify(counts);
};

const allOk = (replies: Reply[], status: number) =>
  replies.every(r => r.status === status);

const body = (r: Reply) => JSON.parse(r.body);

async function campaign(
  backend: ProofBackend,
  title: string,
  anonymous: boolean,
): Promise<string> {
  const res = await post('/surveys', backend.serviceToken, {
    title,
    questions: [
      { id: 'nps', type: 'nps', text: 'Recommend the platform?' },
      { id: 'why', type: 'text', text: 'Why?' },
    ],
    audience: { type: 'all' },
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    anonymous,
  });
  if (res.status !== 201)
    throw new Error(`campaign: ${res.status} ${res.body}`);
  return body(res).id;
}

/** What the API and the tables say a campaign holds. */
async function campaignCounts(backend: ProofBackend, id: string) {
  const token = backend.serviceToken;
  const stored = await getJson(`/surveys/${id}`, token);
  const results = await getJson(`/surveys/${id}/results`, token);
  const [{ rows }] = await backend
    .db('golden_path_survey_responses')
    .where('campaign_id', id)
    .count({ rows: '*' });
  const answers = Array.from({ length: 11 }, (_, a) => `a${a}`);
  const [{ rolledUp }] = await backend
    .db('golden_path_survey_rollup')
    .where('campaign_id', id)
    .select(
      backend.db.raw(`coalesce(sum(${answers.join('+')}), 0) as "rolledUp"`),
    );
  return {
    campaign: stored.responses as number,
    results: results.overall.responses as number,
    rows: Number(rows),
    rollup: Number(rolledUp),
  };
}

const countsDetail = (c: Awaited<ReturnType<typeof campaignCounts>>) =>
  `campaign.responses ${c.campaign}, results.overall.responses ${c.results}, rows ${c.rows}, rollup answers ${c.rollup}`;

const exactly = (c: Awaited<ReturnType<typeof campaignCounts>>, n: number) =>
  c.campaign === n && c.results === n && c.rows === n && c.rollup === n;

const subjectOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

async function signInUsers(backend: ProofBackend): Promise<string[]> {
  const started = Date.now();
  const tokens: string[] = [];
  for (let u = 0; u < USERS_ANSWERING; u++) {
    tokens.push(await backend.signInAs(`user:default/${userName(u)}`));
  }
  say(
    `${tokens.length} users signed in through the guest provider in ${(
      (Date.now() - started) /
      1000
    ).toFixed(0)} s`,
  );
  return tokens;
}

async function distinctUsers(backend: ProofBackend, tokens: string[]) {
  const id = await campaign(backend, 'Load: 200 users', true);
  const answer = (round: number) =>
    Promise.all(
      tokens.map((token, u) =>
        post(`/surveys/${id}/responses`, token, {
          answers: { nps: (u + round) % 11, why: `Round ${round}` },
        }),
      ),
    );
  const first = await answer(0);
  suite.check(
    `${USERS_ANSWERING} distinct users answering at once are each stored as a new answer`,
    allOk(first, 201) && first.every(r => body(r).replaced === false),
    statuses(first),
  );
  const again = await answer(1);
  suite.check(
    'the same users answering again at once each replace their answer',
    allOk(again, 201) && again.every(r => body(r).replaced === true),
    statuses(again),
  );
  const counts = await campaignCounts(backend, id);
  suite.check(
    `the campaign counts exactly ${USERS_ANSWERING} answers`,
    exactly(counts, USERS_ANSWERING),
    countsDetail(counts),
  );
  return id;
}

async function oneUser(backend: ProofBackend) {
  const id = await campaign(backend, 'Load: one user 200 times', false);
  const replies = await Promise.all(
    Array.from({ length: USERS_ANSWERING }, (_, i) =>
      post(`/surveys/${id}/responses`, backend.userToken, {
        answers: { nps: i % 11 },
      }),
    ),
  );
  const fresh = replies.filter(r => r.status === 201 && !body(r).replaced);
  suite.check(
    `one user answering ${USERS_ANSWERING} times at once: one answer stored, the others replace it`,
    allOk(replies, 201) && fresh.length === 1,
    `${statuses(replies)}, ${fresh.length} not replacing`,
  );
  const counts = await campaignCounts(backend, id);
  suite.check(
    'the campaign counts exactly 1 answer',
    exactly(counts, 1),
    countsDetail(counts),
  );
  return id;
}

async function imports(backend: ProofBackend) {
  const id = await campaign(backend, 'Load: imported rows', true);
  const row = (i: number) => ({
    responses: [
      {
        id: `row-${i}`,
        submittedAt: new Date().toISOString(),
        answers: { nps: i % 11 },
      },
    ],
  });
  // Each row's import and its replay, all at once.
  const replies = await Promise.all(
    Array.from({ length: 2 * USERS_ANSWERING }, (_, i) =>
      post(
        `/surveys/${id}/responses/import`,
        backend.serviceToken,
        row(i % USERS_ANSWERING),
      ),
    ),
  );
  const sum = (key: string) =>
    replies.reduce((n, r) => n + (r.status === 200 ? body(r)[key] : 0), 0);
  suite.check(
    `${USERS_ANSWERING} single-row imports and their replays at once: each row inserted once, replaced once`,
    allOk(replies, 200) &&
      sum('inserted') === USERS_ANSWERING &&
      sum('replaced') === USERS_ANSWERING,
    `${statuses(replies)}, inserted ${sum('inserted')}, replaced ${sum(
      'replaced',
    )}`,
  );
  const counts = await campaignCounts(backend, id);
  suite.check(
    `the imported campaign counts exactly ${USERS_ANSWERING} answers`,
    exactly(counts, USERS_ANSWERING),
    countsDetail(counts),
  );
  return id;
}

// Deterministic: ticket i is the same on every run, opened in the last
// nine weeks, a third of them resolved.
function ticket(i: number, now: number) {
  const created = now - DAY - ((i * 7919) % (63 * DAY));
  const resolved = i % 3 === 0;
  return {
    id: `LOAD-${i}`,
    title: `Load ticket ${i}`,
    type: ['request', 'incident', 'bug', 'question', 'other'][i % 5],
    category: `Category ${i % 6}`,
    labels: [`label-${i % 7}`],
    status: resolved ? 'resolved' : 'open',
    requester: `${userName(i % USERS)}@example.com`,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(created + (resolved ? 3 : 0) * 3600_000).toISOString(),
    ...(resolved
      ? {
          firstResponseAt: new Date(created + 1800_000).toISOString(),
          resolvedAt: new Date(created + 3 * 3600_000).toISOString(),
        }
      : {}),
  };
}

async function tickets(backend: ProofBackend) {
  const now = Date.now();
  const batches = Array.from({ length: TICKETS / BATCH }, (_, b) => ({
    source: SOURCE,
    tickets: Array.from({ length: BATCH }, (_, k) =>
      ticket(b * BATCH + k, now),
    ),
  }));
  const started = Date.now();
  // Every batch and its replay, all at once.
  const replies = await Promise.all(
    batches.flatMap(batch => [
      post('/tickets', backend.serviceToken, batch),
      post('/tickets', backend.serviceToken, batch),
    ]),
  );
  say(
    `${replies.length} ticket batches in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
  const sum = (key: string) =>
    replies.reduce((n, r) => n + (r.status === 200 ? body(r)[key] : 0), 0);
  const received = sum('received');
  const stored = sum('inserted');
  suite.check(
    `${TICKETS} tickets in batches of ${BATCH}, each sent twice at once: every batch accepted, each ticket inserted once`,
    allOk(replies, 200) && stored === TICKETS && received === 2 * TICKETS,
    `${statuses(
      replies,
    )}, received ${received}, inserted ${stored}, unchanged ${sum(
      'unchanged',
    )}, updated ${sum('updated')}, stale ${sum('stale')}`,
  );
  const [{ rows }] = await backend
    .db('golden_path_tickets')
    .where('source', SOURCE)
    .count({ rows: '*' });
  suite.check(
    `golden_path_tickets holds exactly ${TICKETS} rows for the source`,
    Number(rows) === TICKETS,
    `${rows} rows`,
  );
}

async function rebuildRollups(backend: ProofBackend) {
  const started = Date.now();
  for (let i = 0; ; i++) {
    const [{ marks }] = await backend
      .db('golden_path_rollup_marks')
      .count({ marks: '*' });
    if (Number(marks) === 0) break;
    if (i > 300) throw new Error(`${marks} rollup weeks still marked`);
    if (i % 10 === 0) await backend.trigger('golden-path-rollups');
    await sleep(1000);
  }
  say(`rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function ticketFigures(backend: ProofBackend) {
  const from = new Date(Date.now() - 70 * DAY).toISOString();
  const figures = await getJson(
    `/tickets/figures?from=${from}&to=${new Date().toISOString()}`,
    backend.userToken,
  );
  const weeks: string[] = figures.weeks.map((w: { week: string }) => w.week);
  const [{ created }] = await backend
    .db('golden_path_tickets')
    .whereIn('created_week', weeks)
    .count({ created: '*' });
  const perWeek = figures.weeks.reduce(
    (n: number, w: { opened: number }) => n + w.opened,
    0,
  );
  suite.check(
    "after the rollups are rebuilt, the figures' opened total equals the tickets created in their weeks",
    figures.totals.opened === Number(created) && perWeek === Number(created),
    `figures ${figures.from} to ${figures.to} (${weeks.length} weeks): opened ${figures.totals.opened}, sum of weeks ${perWeek}; tickets created in those weeks ${created}`,
  );
  const [{ opened }] = await backend
    .db('golden_path_ticket_weekly')
    .whereNot('team', '*')
    .whereNot('path_id', '*')
    .sum({ opened: 'opened' });
  const [{ all }] = await backend.db('golden_path_tickets').count({ all: '*' });
  suite.check(
    'the weekly rollup counts every stored ticket once',
    Number(opened) === Number(all),
    `rollup opened ${opened}, ticket rows ${all}`,
  );
}

/** The totals rows of each weekly rollup equal the rows they sum. */
async function totalsMatchTheirParts(backend: ProofBackend) {
  const mismatches: string[] = [];
  for (const [table, column] of [
    ['golden_path_ticket_weekly', 'opened'],
    ['golden_path_ticket_weekly', 'resolved'],
    ['golden_path_ticket_durations', 'h20'],
  ]) {
    const sum = async (team: 'parts' | 'total', path: 'parts' | 'total') => {
      const [{ n }] = await backend
        .db(table)
        .modify(q => {
          if (team === 'total') q.where('team', '*');
          else q.whereNot('team', '*');
          if (path === 'total') q.where('path_id', '*');
          else q.whereNot('path_id', '*');
        })
        .sum({ n: column });
      return Number(n);
    };
    const parts = await sum('parts', 'parts');
    for (const [team, path] of [
      ['total', 'parts'],
      ['parts', 'total'],
      ['total', 'total'],
    ] as const) {
      const total = await sum(team, path);
      if (total !== parts) {
        mismatches.push(
          `${table}.${column} ${team}/${path}: ${total} != ${parts}`,
        );
      }
    }
  }
  suite.check(
    'the rollups’ totals over teams and paths equal the rows they sum',
    mismatches.length === 0,
    mismatches.join('; ') ||
      'ticket counts and a duration bucket, three totals each',
  );
}

async function main() {
  const org = writeOrg(PREFIX);
  const backend = await startProofBackend(PREFIX, { org });
  const started = Date.now();
  try {
    const lastUser = `/api/catalog/entities/by-name/user/default/${userName(
      USERS - 1,
    )}`;
    while ((await call(lastUser, backend.userToken)).status !== 200) {
      await sleep(2000);
    }
    say('the catalog holds the generated org');
    const tokens = await signInUsers(backend);
    const subjects = new Set(tokens.map(subjectOf));
    suite.check(
      `${USERS_ANSWERING} distinct catalog users signed in`,
      subjects.size === USERS_ANSWERING,
      `${subjects.size} distinct token subjects`,
    );
    await distinctUsers(backend, tokens);
    await oneUser(backend);
    await imports(backend);
    await tickets(backend);
    await rebuildRollups(backend);
    await ticketFigures(backend);
    await totalsMatchTheirParts(backend);
    say(
      `load proof: ${((Date.now() - started) / 1000).toFixed(
        0,
      )} s after start-up`,
    );
  } finally {
    agent.destroy();
    await backend.stop();
  }
}

runSuite(suite, main);
