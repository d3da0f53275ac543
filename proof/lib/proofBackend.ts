// The example backend as the proof suites run it, as bench/platform-load
// does: every plugin on PostgreSQL under the suite's own database prefix,
// a static external access token for service calls, the example catalog
// (with its templates, and more users where a suite needs them) and the
// example data loaded; and every golden-path task on a manual trigger, so
// that nothing but the suite's own requests writes while it compares the
// database.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import {
  BASE,
  call,
  CONNECTION,
  freshDatabases,
  guestToken,
  say,
  sleep,
  startExampleBackend,
  writeConfig,
} from '../../bench/lib/exampleBackend';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const MANUAL = { frequency: { trigger: 'manual' }, timeout: { minutes: 30 } };
const SCHEDULER = '/api/golden-path/.backstage/scheduler/v1/tasks';

export interface ProofBackend {
  pid: number;
  /** A static external access token: service credentials. */
  serviceToken: string;
  /** The guest's token: a signed-in user. */
  userToken: string;
  /** The golden-path plugin's own database. */
  db: Knex;
  /** Runs one of the plugin's scheduled tasks now, as an admin would. */
  trigger(taskId: string): Promise<void>;
  /**
   * Signs in through the guest provider as a catalog user: the provider
   * reads `auth.providers.guest.userEntityRef` at each sign-in, and the
   * backend reloads its config file when it changes.
   */
  signInAs(userRef: string): Promise<string>;
  stop(): Promise<void>;
}

/** True when something already answers on the backend's port. */
function portTaken(): Promise<boolean> {
  return new Promise(resolve => {
    const req = http.get(BASE, { timeout: 2000 }, res => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(true);
    });
  });
}

/** Reads the backend process's resident set size, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  return Math.round(kb / 1024);
}

/** True while the process exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every golden_path_* table of the plugin's database. */
export async function goldenPathTables(db: Knex): Promise<string[]> {
  const { rows } = await db.raw(
    `SELECT tablename FROM pg_tables
     WHERE schemaname = 'public' AND tablename LIKE 'golden\\_path\\_%'
     ORDER BY tablename`,
  );
  return rows.map((r: { tablename: string }) => r.tablename);
}

/**
 * A checksum of every golden_path_* table: its row count and the md5 of
 * its rows' text in a total order (the whole row), so any insert, update
 * or delete changes it.
 */
export async function checksum(
  db: Knex,
  tables: string[],
): Promise<Map<string, string>> {
  const sums = new Map<string, string>();
  const { rows } = await db.raw(
    tables
      .map(
        table =>
          `SELECT '${table}' AS t, count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS s FROM "${table}" x`,
      )
      .join(' UNION ALL '),
  );
  for (const row of rows) sums.set(row.t, row.s);
  return sums;
}

/** The tables whose checksums differ, empty when none. */
export function changedTables(
  before: Map<string, string>,
  after: Map<string, string>,
): string[] {
  return [...after.keys()].filter(t => before.get(t) !== after.get(t));
}

/** The suite's app-config, as the top of this file says. */
function proofConfig(prefix: string, serviceToken: string, org?: string) {
  return {
    backend: {
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: serviceToken, subject: `${prefix}proof` },
          },
        ],
      },
    },
    catalog: {
      locations: [
        { type: 'file', target: join(EXAMPLES, 'entities.yaml') },
        ...[join(EXAMPLES, 'org.yaml'), ...(org ? [org] : [])].map(target => ({
          type: 'file',
          target,
          rules: [{ allow: ['User', 'Group'] }],
        })),
        ...['node-service', 'python-service', 'static-site'].map(name => ({
          type: 'file',
          target: join(EXAMPLES, 'templates', name, 'template.yaml'),
          rules: [{ allow: ['Template'] }],
        })),
      ],
    },
    goldenPath: {
      schedule: MANUAL,
      templateRuns: { schedule: MANUAL },
      rollups: { schedule: MANUAL },
      retention: { schedule: MANUAL },
    },
  };
}

/** Signs in as a user by naming them as the guest in the config file. */
function guestSignIn(configFile: string) {
  const written = JSON.parse(readFileSync(configFile, 'utf8'));
  return async (userRef: string): Promise<string> => {
    for (let i = 0; i < 600; i++) {
      // Replaced whole (a rename), never rewritten in place: the backend
      // must not read a half-written file. Again every second: the file
      // watcher misses a change that comes while it reads the last one.
      if (i % 10 === 0) {
        const next = `${configFile}.next`;
        writeFileSync(
          next,
          JSON.stringify({
            ...written,
            auth: { providers: { guest: { userEntityRef: userRef } } },
          }),
        );
        renameSync(next, configFile);
      }
      const res = await call('/api/auth/guest/refresh', '');
      const identity =
        res.status === 200 ? JSON.parse(res.body).backstageIdentity : undefined;
      if (identity?.identity.userEntityRef === userRef) return identity.token;
      await sleep(100);
    }
    throw new Error(`the guest provider did not sign in as ${userRef}`);
  };
}

/**
 * Starts the example backend for a suite under `prefix` (its databases
 * dropped first; `org`, a catalog file of more users and groups) and
 * returns once the example data is loaded.
 */
export async function startProofBackend(
  prefix: string,
  options: { org?: string } = {},
): Promise<ProofBackend> {
  if (await portTaken()) {
    throw new Error(`something already listens on ${BASE}; stop it first`);
  }
  await freshDatabases(prefix);
  const serviceToken = randomBytes(24).toString('hex');
  const configFile = writeConfig(
    prefix,
    proofConfig(prefix, serviceToken, options.org),
  );
  let loaded = false;
  let failed = '';
  say(`starting the example backend on PostgreSQL (${prefix}*)`);
  const started = Date.now();
  const backend = await startExampleBackend(prefix, configFile, line => {
    if (line.includes('Loaded the example data')) loaded = true;
    if (line.includes('Could not load the example data')) failed = line;
  });
  const db = knexFactory({
    client: 'pg',
    connection: `${CONNECTION}/${prefix}golden-path`,
    pool: { min: 1, max: 4 },
  });
  const userToken = await guestToken();
  const trigger = async (taskId: string) => {
    const res = await call(`${SCHEDULER}/${taskId}/trigger`, userToken, {
      method: 'POST',
    });
    // 409: a run is already going, which is as good.
    if (res.status >= 300 && res.status !== 409) {
      throw new Error(`trigger ${taskId}: ${res.status} ${res.body}`);
    }
  };
  // The example data waits for a first scoring run that has seen the
  // catalog's components: trigger one until it has.
  for (let i = 0; !loaded; i++) {
    if (failed) throw new Error(failed);
    if (i > 180) throw new Error('the example data did not load in 6 min');
    if (i % 5 === 0) await trigger('golden-path-scoring');
    await sleep(2000);
  }
  say(`example data loaded, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return {
    pid: backend.pid,
    serviceToken,
    userToken,
    db,
    trigger,
    signInAs: guestSignIn(configFile),
    stop: async () => {
      await db.destroy();
      backend.stop();
      // The next suite needs the port: wait for the process to be gone.
      for (let i = 0; alive(backend.pid) && i < 60; i++) await sleep(500);
    },
  };
}
