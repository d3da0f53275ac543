// Two replicas of the example backend on one PostgreSQL, as a platform
// team scales Backstage: scoring runs once per cycle across both, both serve
// the same results, writes sent to both at once are stored once, killing
// the replica in the middle of a scoring run loses nothing (the next cycle
// completes on the other), killing one in the middle of ticket ingestion
// leaves each batch whole or absent, and neither logs an error.
//
//   ./gp yarn proof replicas
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import knexFactory from 'knex';
import {
  CONNECTION,
  DATA,
  freshDatabases,
  say,
  sleep,
  writeConfig,
} from '../bench/lib/exampleBackend';
import { generatedComponent } from '../bench/lib/generatedComponent';
import { runSuite, Suite } from './lib/harness';
import { Replica, startReplica } from './lib/replica';

const PREFIX = 'gprep_';
const COMPONENTS = 3000;
const CYCLE_SECONDS = 20;
const LEASE_SECONDS = 40;

const suite = new Suite('replicas');

interface Run {
  id: string;
  replica: string;
  startedAt: number;
  finishedAt?: number;
  entities?: number;
}

/** The scoring runs both replicas logged, in start order. */
function runsOf(replicas: Replica[]): Run[] {
  const runs = new Map<string, Run>();
  for (const replica of replicas) {
    for (const line of replica.lines) {
      const started = /^(\S+).*Scoring run (\S+) started/.exec(line);
      const scored = /^(\S+).*Scoring run (\S+): scored (\d+) entities/.exec(
        line,
      );
      const at = (text: string) =>
        Date.parse(text.replace(/\x1b\[[0-9;]*m/g, ''));
      if (started) {
        runs.set(started[2], {
          id: started[2],
          replica: replica.name,
          startedAt: at(started[1]),
        });
      } else if (scored) {
        const run = runs.get(scored[2]);
        if (run) {
          run.finishedAt = at(scored[1]);
          run.entities = Number(scored[3]);
        }
      }
    }
  }
  return [...runs.values()].sort((a, b) => a.startedAt - b.startedAt);
}

async function waitFor<T>(
  what: string,
  seconds: number,
  check: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(1000);
  }
}

function writeCatalog(): string[] {
  const files: string[] = [];
  mkdirSync(DATA, { recursive: true });
  for (let f = 0; f < COMPONENTS / 1000; f++) {
    const file = join(DATA, `${PREFIX}catalog-${f}.yaml`);
    const docs: string[] = [];
    for (let i = f * 1000; i < (f + 1) * 1000; i++) {
      docs.push(`---\n${JSON.stringify(generatedComponent(i))}`);
    }
    writeFileSync(file, docs.join('\n'));
    files.push(file);
  }
  return files;
}

/** The lines a replica logged at error level, colours stripped. */
function errorLines(replica: Replica): string[] {
  return replica.lines
    .map(line => line.replace(/\x1b\[[0-9;]*m/g, ''))
    .filter(line => /^\S+\s+\S+\s+error\s/.test(line));
}

const withoutTimes = (body: any) =>
  JSON.parse(
    JSON.stringify(body, (key, value) =>
      key === 'computedAt' ? undefined : value,
    ),
  );

async function main() {
  await freshDatabases(PREFIX, { catalog: 'synchronous_commit = off' });
  const files = writeCatalog();
  const serviceToken = randomBytes(24).toString('hex');
  const examples = join(__dirname, '..', 'examples');
  const config = writeConfig(PREFIX, {
    backend: {
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: serviceToken, subject: 'proof-tracker' },
          },
        ],
      },
    },
    catalog: {
      locations: [
        { type: 'file', target: join(examples, 'entities.yaml') },
        {
          type: 'file',
          target: join(examples, 'org.yaml'),
          rules: [{ allow: ['User', 'Group'] }],
        },
        ...files.map(target => ({ type: 'file', target })),
      ],
    },
    // Minutes are given as 0: config merges with app-config.yaml's own
    // schedule in minutes, which would otherwise add up.
    goldenPath: {
      schedule: {
        frequency: { minutes: 0, seconds: CYCLE_SECONDS },
        timeout: { minutes: 0, seconds: LEASE_SECONDS },
        initialDelay: { seconds: 5 },
      },
    },
  });
  say('starting two replicas on one PostgreSQL');
  // One after the other on the empty database: Backstage's own catalog
  // migrations race when replicas first start together (the suite's own
  // migrations do not; see migrationRace.test.ts).
  const a = await startReplica('a', config, 7017);
  const b = await startReplica('b', config, 7018);
  const replicas = [a, b];
  const db = knexFactory({
    client: 'pg',
    connection: `${CONNECTION}/${PREFIX}golden-path`,
  });
  try {
    const total = COMPONENTS + 5;
    await waitFor('the catalog to hold every component', 900, async () => {
      const res = await a.request(
        '/api/catalog/entities/by-query?filter=kind=component&limit=1',
        serviceToken,
      );
      return res.body?.totalItems >= total ? true : undefined;
    });
    say('catalog ingested; watching three scoring cycles');
    await waitFor('three complete runs over the whole catalog', 300, () => {
      const full = runsOf(replicas).filter(r => r.entities === total);
      return full.length >= 3 ? full : undefined;
    });

    const runs = runsOf(replicas).filter(r => r.finishedAt);
    suite.check(
      'each scoring run ran on one replica only',
      new Set(runs.map(r => r.id)).size === runs.length,
      runs.map(r => `${r.replica}:${r.id.slice(0, 8)}`).join(' '),
    );
    const overlapping = runs.filter(
      (run, i) => i > 0 && run.startedAt < runs[i - 1].finishedAt!,
    );
    suite.check(
      'no two scoring runs overlapped',
      overlapping.length === 0,
      `${runs.length} runs, ${overlapping.length} overlapping`,
    );

    const token = serviceToken;
    const refs = Array.from(
      { length: 30 },
      (_, i) => `service-${(i * 97) % COMPONENTS}`,
    );
    let different = 0;
    for (const name of refs) {
      const path = `/api/golden-path/entities/component/default/${name}`;
      const [fromA, fromB] = await Promise.all([
        a.request(path, token),
        b.request(path, token),
      ]);
      if (fromA.status !== 200 || !isDeepStrictEqual(fromA.body, fromB.body)) {
        different += 1;
      }
    }
    suite.check(
      'both replicas serve identical entity results',
      different === 0,
      `${refs.length - different} of ${refs.length} identical`,
    );
    // The same period for both: by default it ends at each request's now.
    const to = new Date().toISOString();
    for (const path of [
      '/api/golden-path/paths',
      `/api/golden-path/metrics?to=${to}`,
      `/api/golden-path/metrics/teams?to=${to}`,
    ]) {
      const [fromA, fromB] = await Promise.all([
        a.request(path, token),
        b.request(path, token),
      ]);
      suite.check(
        `both replicas serve the same ${path.split('?')[0]}`,
        fromA.status === 200 &&
          isDeepStrictEqual(withoutTimes(fromA.body), withoutTimes(fromB.body)),
      );
    }

    const tickets = Array.from({ length: 200 }, (_, i) => ({
      id: `REP-${i}`,
      status: 'open',
      type: 'request',
      createdAt: new Date(Date.now() - 3600_000).toISOString(),
      updatedAt: new Date(Date.now() - 3600_000).toISOString(),
    }));
    await Promise.all(
      [a, b, a, b, a, b].map(replica =>
        replica.request('/api/golden-path/tickets', serviceToken, {
          method: 'POST',
          body: { source: 'replicas', tickets },
        }),
      ),
    );
    const [{ count: stored }] = await db('golden_path_tickets')
      .where({ source: 'replicas' })
      .count({ count: '*' });
    suite.check(
      'a batch sent to both replicas three times at once is stored once',
      Number(stored) === tickets.length,
      `${stored} rows for ${tickets.length} tickets`,
    );

    say('killing a replica in the middle of a scoring run');
    const before = runsOf(replicas).length;
    const victimRun = await waitFor('a scoring run to start', 120, () => {
      const started = runsOf(replicas)
        .slice(before)
        .find(r => !r.finishedAt);
      return started;
    });
    await sleep(300);
    const victim = replicas.find(r => r.name === victimRun.replica)!;
    const survivor = replicas.find(r => r !== victim)!;
    victim.kill();
    const killedAt = Date.now();
    say(`killed replica ${victim.name} during run ${victimRun.id.slice(0, 8)}`);
    const recovered = await waitFor(
      'a complete run on the surviving replica',
      LEASE_SECONDS + 4 * CYCLE_SECONDS + 120,
      () =>
        runsOf([survivor]).find(
          r => r.startedAt > killedAt && r.entities === total,
        ) ??
        (Date.now() - killedAt > (LEASE_SECONDS + 4 * CYCLE_SECONDS) * 1000
          ? null
          : undefined),
    );
    suite.check(
      'the next cycle completes on the surviving replica',
      recovered !== null,
      recovered
        ? `run ${recovered.id.slice(0, 8)} on ${survivor.name}, ${Math.round(
            (recovered.finishedAt! - killedAt) / 1000,
          )} s after the kill`
        : `no complete run within ${LEASE_SECONDS + 4 * CYCLE_SECONDS} s`,
    );
    suite.check(
      'the killed run did not finish anywhere',
      !runsOf(replicas).find(r => r.id === victimRun.id)?.finishedAt,
    );
    const [{ count: results }] = await db('golden_path_entity_results').count({
      count: '*',
    });
    const runIds = await db('golden_path_entity_results').distinct('run_id');
    suite.check(
      'every entity has results from the completed run, none from the killed one',
      Number(results) === total &&
        runIds.length === 1 &&
        runIds[0].run_id !== victimRun.id,
      `${results} results for ${total} entities, run ids: ${runIds
        .map(r => String(r.run_id).slice(0, 8))
        .join(', ')}`,
    );
    const after = await survivor.request(
      `/api/golden-path/entities/component/default/${refs[0]}`,
      token,
    );
    suite.check(
      'the surviving replica serves results after the kill',
      after.status === 200 && after.body.status === 'recorded',
    );
    const [{ count: campaigns }] = await db(
      'golden_path_survey_campaigns',
    ).count({ count: '*' });
    suite.check(
      'the example data was loaded by one replica only',
      Number(campaigns) === 3,
      `${campaigns} survey campaigns`,
    );

    say('killing a replica in the middle of ticket ingestion');
    const c = await startReplica('c', config, 7017);
    replicas.push(c);
    const batches = Array.from({ length: 20 }, (_, b) =>
      Array.from({ length: 500 }, (__, i) => ({
        id: `KILL-${b}-${i}`,
        status: 'resolved',
        type: 'request',
        createdAt: new Date(Date.now() - (b + 2) * 86400_000).toISOString(),
        updatedAt: new Date(Date.now() - (b + 1) * 86400_000).toISOString(),
      })),
    );
    const sent = batches.map(tickets =>
      c
        .request('/api/golden-path/tickets', serviceToken, {
          method: 'POST',
          body: { source: 'kill', tickets },
        })
        .catch(() => undefined),
    );
    // Killed once the first batches are in: the rest are queued or under
    // way on it.
    for (let polls = 0; polls < 6000; polls++) {
      const [{ n }] = await db('golden_path_tickets')
        .where({ source: 'kill' })
        .count({ n: '*' });
      if (Number(n) > 0) break;
      await sleep(20);
    }
    c.kill();
    await Promise.all(sent);
    const perBatch = await db('golden_path_tickets')
      .where({ source: 'kill' })
      .select(db.raw("split_part(external_id, '-', 2) AS batch"))
      .count({ n: '*' })
      .groupByRaw("split_part(external_id, '-', 2)");
    const partial = perBatch.filter(row => Number(row.n) !== 500);
    suite.check(
      'each batch under way when its replica died is stored whole or not at all',
      partial.length === 0,
      `${perBatch.length} of ${batches.length} batches stored before the kill, ${partial.length} partly`,
    );
    for (const tickets of batches) {
      const res = await survivor.request(
        '/api/golden-path/tickets',
        serviceToken,
        { method: 'POST', body: { source: 'kill', tickets } },
      );
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    }
    const [{ count: killStored }] = await db('golden_path_tickets')
      .where({ source: 'kill' })
      .count({ count: '*' });
    suite.check(
      'resending every batch to the surviving replica stores each ticket exactly once',
      Number(killStored) === 20 * 500,
      `${killStored} rows for ${20 * 500} tickets`,
    );
    // Weeks the killed replica marked and never rebuilt are the rollup
    // task's, on the survivor.
    await waitFor('the marked weeks to be rebuilt', 180, async () => {
      const [{ n }] = await db('golden_path_rollup_marks').count({ n: '*' });
      return Number(n) === 0 ? true : undefined;
    });
    const figures = await survivor.request(
      `/api/golden-path/tickets/figures?from=${new Date(
        Date.now() - 5 * 7 * 86400_000,
      ).toISOString()}`,
      token,
    );
    const [{ created }] = await db('golden_path_tickets')
      .where('created_at', '>=', new Date(figures.body.from))
      .count({ created: '*' });
    suite.check(
      'the ticket figures count every stored ticket of their weeks once',
      figures.body.totals.opened === Number(created),
      `figures opened ${figures.body.totals.opened}, tickets ${created}`,
    );

    const errors = [a, b].flatMap(r =>
      errorLines(r).map(l => `${r.name}: ${l}`),
    );
    suite.check(
      'neither replica logged an error (no failed write, deadlock or conflict)',
      errors.length === 0,
      errors.slice(0, 3).join(' | ').slice(0, 600) ||
        `${a.lines.length + b.lines.length} lines read`,
    );
  } finally {
    await db.destroy();
    replicas.forEach(r => r.kill());
  }
}

runSuite(suite, main);
