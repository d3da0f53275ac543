// Fuzzing: every operation of the golden-path API's served OpenAPI
// document gets at least 10,000 malformed, oversized, wrong-typed and
// hostile requests (proof/lib/fuzzCases.ts), from a few concurrent clients
// over keep-alive HTTP, against the real example backend on PostgreSQL.
// Checks: no 5xx; no rejected request writes a row (every golden_path_*
// table's checksum compared across windows of requests); the backend stays
// up; its memory stays flat; the request counts.
//
//   ./gp yarn proof fuzz        (PROOF_FUZZ_PER_OPERATION=N for a reduced run)
import http from 'node:http';
import { call, guestToken, say } from '../bench/lib/exampleBackend';
import { Suite, runSuite } from './lib/harness';
import {
  FuzzCase,
  fuzzCase,
  kindOf,
  seedCase,
  SURELY_REJECTED,
  Tokens,
} from './lib/fuzzCases';
import { Fixtures, schemaSeed, Seed, seeds } from './lib/fuzzSeeds';
import { Operation, operationsOf } from './lib/openapi';
import {
  alive,
  changedTables,
  checksum,
  goldenPathTables,
  ProofBackend,
  rssMb,
  startProofBackend,
} from './lib/proofBackend';
import { RawRequest, Reply, send } from './lib/rawHttp';

const PREFIX = 'gpfuzz_';
const BASE = '/api/golden-path';
// What the proof asks of every operation; a reduced run (CI's, or a quick
// look) skips that claim and makes every other.
const MINIMUM = 10_000;
const PER_OPERATION = Number(process.env.PROOF_FUZZ_PER_OPERATION ?? MINIMUM);
const WARM_UP = 100;
const CLIENTS = 8;
const WINDOW = 200;
// RSS may grow by a quarter over the run (V8 sizes its heap to the load),
// never by more: a leak of a kilobyte per request would add 500 MB over
// the half million requests, twice that.
const RSS_GROWTH = 0.25;
// User tokens live an hour; the run takes longer.
const TOKEN_MAX_AGE_MS = 30 * 60_000;
const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
const REPORTED = 5;
// Node's HTTP server refuses a request whose head (request line and
// headers) is over 16 KB before any plugin sees it: with a 431, or by
// closing the connection while the head still comes in.
const HEADER_LIMIT = 16 * 1024;

const suite = new Suite('fuzz');

type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'none';

/** A case to send: which operation and which of its cases. */
interface Ticket {
  op: Operation;
  index: number;
}

interface Sent {
  ticket: Ticket;
  request: FuzzCase;
  reply: Reply;
  ms: number;
  /** The request's head is over Node's limit. */
  overLimit: boolean;
}

const headBytes = (request: FuzzCase) =>
  request.method.length +
  request.path.length +
  Object.entries(request.headers).reduce(
    (sum, [k, v]) => sum + k.length + v.length + 4,
    0,
  );

/** What an answer says, without the parts that differ every time. */
function signature(s: Sent): string {
  let message = s.reply.body.slice(0, 200);
  try {
    message = JSON.parse(s.reply.body).error.message;
  } catch {
    // not a JSON error: the body's start says it
  }
  return `${s.ticket.op.id} ${s.reply.status} ${message
    .replace(/logId=\w+/, 'logId=…')
    .slice(0, 160)}`;
}

const noStatuses = (): Record<StatusClass, number> => ({
  '2xx': 0,
  '3xx': 0,
  '4xx': 0,
  '5xx': 0,
  none: 0,
});

const classOf = (status: number): StatusClass =>
  status === 0 ? 'none' : (`${Math.floor(status / 100)}xx` as StatusClass);

const accepted = (s: Sent) => s.reply.status >= 200 && s.reply.status < 400;

const writes = (s: Sent) => accepted(s) && !READ_ONLY.has(s.request.method);

function describe(s: Sent): string {
  const { request, reply } = s;
  return `${request.method} ${request.path.slice(0, 160)} [${request.kind} #${
    request.index
  }] body ${JSON.stringify((request.body ?? '').slice(0, 160))} -> ${
    reply.status
  } ${reply.body.slice(0, 300)}`;
}

/** What was sent and what came back, for the checks and the report. */
class Ledger {
  readonly perOperation = new Map<string, Record<StatusClass, number>>();
  readonly totals = noStatuses();
  /** 5xx answers by signature: how many, and the first request. */
  readonly serverErrors = new Map<string, { count: number; first: string }>();
  readonly lost: string[] = [];
  /** Requests over the head limit: answered 431, or closed. */
  readonly overLimit = { answered: 0, closed: 0 };
  readonly slowest: Array<{ ms: number; what: string }> = [];
  readonly writingWindows: string[] = [];
  /** Rejected requests whose window held no accepted write, and so was
   * compared on its own. */
  verified = 0;
  /** Rejected requests re-sent to a window of their own (their first
   * window held an accepted write). */
  reverified = 0;
  /** Rejected requests that were accepted (and wrote) when sent again. */
  unverifiable = 0;
  resent = 0;

  record(s: Sent, counted: boolean) {
    const status = classOf(s.reply.status);
    if (s.overLimit) {
      if (status === 'none') this.overLimit.closed++;
      else this.overLimit.answered++;
    }
    this.totals[status]++;
    if (counted) {
      const row = this.perOperation.get(s.ticket.op.id) ?? noStatuses();
      row[status]++;
      this.perOperation.set(s.ticket.op.id, row);
    }
    if (status === '5xx') {
      const key = signature(s);
      const seen = this.serverErrors.get(key);
      if (seen) seen.count++;
      else this.serverErrors.set(key, { count: 1, first: describe(s) });
    }
    if (status === 'none' && !s.overLimit) this.lost.push(describe(s));
    if (this.slowest.length < REPORTED || s.ms > this.slowest[0].ms) {
      this.slowest.push({ ms: s.ms, what: describe(s).slice(0, 300) });
      this.slowest.sort((a, b) => a.ms - b.ms);
      if (this.slowest.length > REPORTED) this.slowest.shift();
    }
  }

  get serverErrorCount() {
    return [...this.serverErrors.values()].reduce((n, e) => n + e.count, 0);
  }

  get requests() {
    return Object.values(this.totals).reduce((a, b) => a + b, 0);
  }
}

class Fuzzer {
  private snapshot = new Map<string, string>();
  private tables: string[] = [];
  private tokenAt = Date.now();
  private readonly agent = new http.Agent({
    keepAlive: true,
    maxSockets: CLIENTS,
  });
  private readonly pending: Ticket[] = [];
  readonly ledger = new Ledger();

  constructor(
    private readonly backend: ProofBackend,
    private readonly tokens: Tokens,
    private readonly seedOf: (op: Operation) => Seed,
  ) {}

  async start() {
    this.tables = await goldenPathTables(this.backend.db);
    this.snapshot = await checksum(this.backend.db, this.tables);
  }

  private async refreshToken() {
    if (Date.now() - this.tokenAt > TOKEN_MAX_AGE_MS) {
      this.tokens.user = await guestToken();
      this.tokenAt = Date.now();
    }
  }

  private caseOf(ticket: Ticket): FuzzCase {
    return fuzzCase(
      ticket.op,
      this.seedOf(ticket.op),
      this.tokens,
      ticket.index,
    );
  }

  /** Sends the tickets from CLIENTS concurrent clients. */
  private async sendAll(tickets: Ticket[]): Promise<Sent[]> {
    const sent: Sent[] = new Array(tickets.length);
    let next = 0;
    const client = async () => {
      while (next < tickets.length) {
        const at = next++;
        const request = this.caseOf(tickets[at]);
        const t0 = Date.now();
        const reply = await send(this.agent, request as RawRequest);
        // Keep what a report needs, not the (possibly huge) body.
        sent[at] = {
          ticket: tickets[at],
          request: { ...request, body: request.body?.slice(0, 200) },
          reply,
          ms: Date.now() - t0,
          overLimit: headBytes(request) > HEADER_LIMIT,
        };
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    return sent;
  }

  /**
   * Sends one window and compares the tables after it with before. A
   * window without an accepted write must leave every table as it was;
   * one with an accepted write may change them, so its rejected requests
   * are sent again later in a window of their own.
   */
  async window(tickets: Ticket[], counted: boolean, resend = false) {
    await this.refreshToken();
    const sent = await this.sendAll(tickets);
    sent.forEach(s => this.ledger.record(s, counted));
    if (resend) this.ledger.resent += sent.length;
    const after = await checksum(this.backend.db, this.tables);
    const changed = changedTables(this.snapshot, after);
    this.snapshot = after;
    const rejected = sent.filter(s => !accepted(s));
    if (!sent.some(writes)) {
      if (changed.length) {
        this.ledger.writingWindows.push(
          `${changed.join(
            ', ',
          )} changed in a window without an accepted write:\n    ${sent
            .filter(s => !accepted(s) || !READ_ONLY.has(s.request.method))
            .slice(0, 20)
            .map(describe)
            .join('\n    ')}`,
        );
      }
      if (resend) this.ledger.reverified += rejected.length;
      else this.ledger.verified += rejected.length;
      return;
    }
    if (resend) {
      // Rejected the first time, writing now: what it did then is unknown.
      this.ledger.unverifiable += sent.filter(writes).length;
      await this.oneByOne(rejected.map(s => s.ticket));
    } else {
      this.pending.push(...rejected.map(s => s.ticket));
      if (this.pending.length >= WINDOW) await this.flush();
    }
  }

  /** Re-sends the rejected requests of windows that held an accepted write. */
  async flush() {
    while (this.pending.length) {
      await this.window(this.pending.splice(0, WINDOW), false, true);
    }
  }

  /**
   * Last resort for requests whose re-sent window held an accepted write
   * too (one of them was accepted the second time): one at a time, each
   * with its own comparison.
   */
  private async oneByOne(tickets: Ticket[]) {
    for (const ticket of tickets) {
      const [s] = await this.sendAll([ticket]);
      this.ledger.record(s, false);
      this.ledger.resent++;
      const after = await checksum(this.backend.db, this.tables);
      const changed = changedTables(this.snapshot, after);
      this.snapshot = after;
      if (writes(s)) {
        this.ledger.unverifiable++;
      } else if (changed.length) {
        this.ledger.writingWindows.push(
          `${changed.join(', ')} changed by ${describe(s)}`,
        );
      } else {
        this.ledger.reverified++;
      }
    }
  }

  /** Sends `count` cases of `op` from `first`, in windows by kind. */
  async operation(op: Operation, first: number, count: number, counted = true) {
    const indexes = Array.from({ length: count }, (_, i) => first + i);
    const sure = indexes.filter(i => SURELY_REJECTED.has(kindOf(op, i)));
    const rest = indexes.filter(i => !SURELY_REJECTED.has(kindOf(op, i)));
    for (const group of [sure, rest]) {
      for (let i = 0; i < group.length; i += WINDOW) {
        await this.window(
          group.slice(i, i + WINDOW).map(index => ({ op, index })),
          counted,
        );
      }
    }
  }

  /** The unmutated seed, once; its reply. */
  async seed(op: Operation): Promise<Reply> {
    const reply = await send(
      this.agent,
      seedCase(op, this.seedOf(op), this.tokens) as RawRequest,
    );
    this.snapshot = await checksum(this.backend.db, this.tables);
    return reply;
  }

  stop() {
    this.agent.destroy();
  }
}

/** Campaigns and an exemption for the seeds to name, through the API. */
async function createFixtures(tokens: Tokens): Promise<Fixtures> {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
  const post = async (path: string, token: string, body: unknown) => {
    const res = await call(`${BASE}${path}`, token, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (res.status !== 201) {
      throw new Error(`fixture ${path}: ${res.status} ${res.body}`);
    }
    return JSON.parse(res.body).id as string;
  };
  const campaign = (title: string) =>
    post('/surveys', tokens.service, {
      title,
      questions: [
        { id: 'nps', type: 'nps', text: 'Recommend the platform?' },
        { id: 'why', type: 'text', text: 'Why?' },
        {
          id: 'node',
          type: 'path-rating',
          text: 'The Node.js path?',
          pathId: 'node-service',
        },
      ],
      audience: { type: 'all' },
      opensAt: at(-1),
      closesAt: at(30),
      anonymous: true,
    });
  return {
    openCampaign: await campaign('Fuzz: open'),
    editableCampaign: await campaign('Fuzz: edited'),
    closableCampaign: await campaign('Fuzz: closed'),
    deletableCampaign: await campaign('Fuzz: deleted'),
    exemption: await post('/exemptions', tokens.user, {
      entityRef: 'component:default/payments-api',
      checkId: 'security-scan',
      reason: 'Fuzz fixture',
      expiresAt: at(60),
    }),
    now,
  };
}

const byMethod = (a: Operation, b: Operation) =>
  METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method);

function printTable(ledger: Ledger, operations: Operation[]) {
  console.log();
  console.log('| operation | requests | 2xx | 3xx | 4xx | 5xx | no response |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const op of operations) {
    const row = ledger.perOperation.get(op.id)!;
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    console.log(
      `| ${op.id} | ${total} | ${row['2xx']} | ${row['3xx']} | ${row['4xx']} | ${row['5xx']} | ${row.none} |`,
    );
  }
  console.log();
}

/** Sends each seed once: they must reach the handlers, or the mutations
 * of them test little. */
async function checkSeeds(
  fuzzer: Fuzzer,
  operations: Operation[],
  table: Record<string, Seed>,
) {
  const failures: string[] = [];
  for (const op of operations) {
    const reply = await fuzzer.seed(op);
    const expected = table[op.id]?.expect?.status;
    const ok =
      expected !== undefined
        ? reply.status === expected
        : reply.status >= 200 && reply.status < 300;
    if (!ok)
      failures.push(`${op.id}: ${reply.status} ${reply.body.slice(0, 200)}`);
  }
  suite.check(
    'each unmutated seed request is accepted (or gets its documented status)',
    failures.length === 0,
    failures.join('; ') || `${operations.length} seeds`,
  );
}

/** The warm-up, then every operation's cases; the backend's memory. */
async function fuzzAll(
  fuzzer: Fuzzer,
  backend: ProofBackend,
  operations: Operation[],
) {
  say(
    `warming up: ${WARM_UP} cases of each of ${operations.length} operations`,
  );
  for (const op of operations) {
    await fuzzer.operation(op, PER_OPERATION, WARM_UP, false);
  }
  await fuzzer.flush();
  const rssBefore = rssMb(backend.pid);
  say(`backend RSS after the warm-up: ${rssBefore} MB`);
  const started = Date.now();
  let peak = rssBefore;
  for (const [n, op] of operations.entries()) {
    const t0 = Date.now();
    await fuzzer.operation(op, 0, PER_OPERATION);
    const rss = rssMb(backend.pid);
    peak = Math.max(peak, rss);
    say(
      `${n + 1}/${operations.length} ${op.id}: ${PER_OPERATION} in ${(
        (Date.now() - t0) /
        1000
      ).toFixed(0)} s, RSS ${rss} MB`,
    );
  }
  await fuzzer.flush();
  return {
    seconds: (Date.now() - started) / 1000,
    rssBefore,
    rssAfter: rssMb(backend.pid),
    peak,
  };
}

function printTotals(ledger: Ledger, operations: Operation[], seconds: number) {
  printTable(ledger, operations);
  console.log(
    `totals: ${
      ledger.requests
    } requests (warm-up and re-sent included) in ${seconds.toFixed(
      0,
    )} s of fuzzing, ${(ledger.requests / seconds).toFixed(
      0,
    )} requests/s; ${Object.entries(ledger.totals)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; ${ledger.resent} of them re-sent`,
  );
  for (const [key, { count, first }] of ledger.serverErrors) {
    console.log(`5xx x${count}: ${key}\n    first: ${first}`);
  }
  console.log(
    `slowest: ${ledger.slowest
      .map(({ ms, what }) => `${ms} ms ${what}`)
      .join('\n    ')}`,
  );
}

function checkLedger(ledger: Ledger, operations: Operation[]) {
  const counts = operations.map(op =>
    Object.values(ledger.perOperation.get(op.id) ?? noStatuses()).reduce(
      (a, b) => a + b,
      0,
    ),
  );
  const claim = `every operation got at least ${MINIMUM.toLocaleString(
    'en-US',
  )} hostile requests`;
  const detail = `${operations.length} operations, fewest ${Math.min(
    ...counts,
  )}`;
  if (PER_OPERATION < MINIMUM) {
    suite.skip(
      claim,
      `reduced run of ${PER_OPERATION} per operation (PROOF_FUZZ_PER_OPERATION); ${detail}`,
    );
  } else {
    suite.check(
      claim,
      counts.every(c => c >= MINIMUM),
      detail,
    );
  }
  suite.check(
    'no request got a 5xx',
    ledger.serverErrorCount === 0,
    ledger.serverErrorCount
      ? `${ledger.serverErrorCount} 5xx of ${
          ledger.serverErrors.size
        } kinds; first: ${[...ledger.serverErrors.values()]
          .slice(0, REPORTED)
          .map(e => e.first)
          .join(' | ')}`
      : `${ledger.requests} requests`,
  );
  suite.check(
    'every request got a response (but those over the 16 KB head limit Node closes)',
    ledger.lost.length === 0,
    `${ledger.lost.length} without${
      ledger.lost.length
        ? `; first: ${ledger.lost.slice(0, REPORTED).join(' | ')}`
        : ''
    }; over the head limit: ${ledger.overLimit.answered} answered 431, ${
      ledger.overLimit.closed
    } closed`,
  );
  suite.check(
    'no rejected request wrote a row (golden_path_* checksums)',
    ledger.writingWindows.length === 0 && ledger.unverifiable === 0,
    `${
      ledger.verified
    } rejected requests compared in windows without an accepted write, ${
      ledger.reverified
    } more re-sent to such a window (their first held an accepted write), ${
      ledger.unverifiable
    } accepted when re-sent${
      ledger.writingWindows.length
        ? `; changed: ${ledger.writingWindows.slice(0, REPORTED).join('\n  ')}`
        : ''
    }`,
  );
}

async function main() {
  const backend = await startProofBackend(PREFIX);
  let fuzzer: Fuzzer | undefined;
  try {
    const tokens: Tokens = {
      user: backend.userToken,
      service: backend.serviceToken,
    };
    const doc = JSON.parse(
      (await call(`${BASE}/openapi.json`, tokens.user)).body,
    );
    const operations = operationsOf(doc, BASE).sort(byMethod);
    const table = seeds(await createFixtures(tokens));
    const unseeded = operations.filter(op => !table[op.id]);
    suite.check(
      'every operation of the served document has a hand-written seed',
      unseeded.length === 0,
      unseeded.length
        ? `fuzzed from their schemas: ${unseeded.map(op => op.id).join(', ')}`
        : `${operations.length} operations`,
    );
    fuzzer = new Fuzzer(backend, tokens, op => table[op.id] ?? schemaSeed(op));
    await fuzzer.start();
    await checkSeeds(fuzzer, operations, table);
    const run = await fuzzAll(fuzzer, backend, operations);
    printTotals(fuzzer.ledger, operations, run.seconds);
    checkLedger(fuzzer.ledger, operations);
    const health = await call('/.backstage/health/v1/readiness', '');
    suite.check(
      'the backend is up at the end (readiness 200, process alive)',
      health.status === 200 && alive(backend.pid),
      `readiness ${health.status}`,
    );
    const { rssBefore, rssAfter, peak } = run;
    suite.check(
      `backend memory stays flat: RSS grows under ${
        RSS_GROWTH * 100
      }% from the warm-up`,
      rssAfter <= rssBefore * (1 + RSS_GROWTH),
      `${rssBefore} MB after the warm-up, ${rssAfter} MB at the end (${(
        ((rssAfter - rssBefore) / rssBefore) *
        100
      ).toFixed(1)}%), peak ${peak} MB`,
    );
  } finally {
    fuzzer?.stop();
    await backend.stop();
  }
}

runSuite(suite, main);
