// Runs the example backend (packages/backend, every plugin of `./gp start`)
// on PostgreSQL for a benchmark, and talks to it over HTTP as a user or a
// tracker would. Databases are named `<prefix>*` and dropped first unless
// reused; logs go to bench/.data/<prefix>backend.log. BENCH_CPU_PROF=dir
// writes the backend's CPU profile there when it stops.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import knexFactory from 'knex';

export const CONNECTION =
  process.env.BENCH_POSTGRES_CONNECTION ??
  'postgresql://postgres@127.0.0.1:5432';
export const BASE = 'http://localhost:7007';
const ROOT = resolve(__dirname, '../..');
export const DATA = join(__dirname, '..', '.data');

export const say = (line: string) => console.log(`[bench] ${line}`);
export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request to the backend; resolves with status and body. */
export function call(
  path: string,
  token: string,
  options: { method?: string; body?: string; contentType?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      `${BASE}${path}`,
      {
        method: options.method ?? 'GET',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'x-requested-with': 'XMLHttpRequest',
          ...(options.body !== undefined
            ? {
                'content-type': options.contentType ?? 'application/json',
                'content-length': Buffer.byteLength(options.body),
              }
            : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Drops the benchmark's databases, and creates those given settings. */
export async function freshDatabases(
  prefix: string,
  settings: Record<string, string> = {},
): Promise<void> {
  const admin = knexFactory({ client: 'pg', connection: CONNECTION });
  try {
    const { rows } = await admin.raw(
      `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`,
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
    }
    for (const [database, setting] of Object.entries(settings)) {
      await admin.raw('CREATE DATABASE ??', [`${prefix}${database}`]);
      await admin.raw(`ALTER DATABASE ?? SET ${setting}`, [
        `${prefix}${database}`,
      ]);
    }
  } finally {
    await admin.destroy();
  }
}

/** An app-config file putting every plugin on PostgreSQL under the prefix. */
export function writeConfig(
  prefix: string,
  config: Record<string, unknown>,
): string {
  mkdirSync(DATA, { recursive: true });
  const url = new URL(CONNECTION);
  const file = join(DATA, `${prefix}app-config.yaml`);
  const backend = (config.backend ?? {}) as Record<string, unknown>;
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      backend: {
        ...backend,
        database: {
          client: 'pg',
          prefix,
          connection: {
            host: url.hostname,
            port: Number(url.port || 5432),
            user: decodeURIComponent(url.username || 'postgres'),
            ...(url.password
              ? { password: decodeURIComponent(url.password) }
              : {}),
          },
        },
      },
    }),
  );
  return file;
}

/**
 * Starts the backend as `yarn start` runs it, minus the file watcher, and
 * waits until it is ready; `onLine` sees every log line.
 */
export async function startExampleBackend(
  prefix: string,
  configFile: string,
  onLine: (line: string) => void = () => {},
) {
  mkdirSync(DATA, { recursive: true });
  const logFile = join(DATA, `${prefix}backend.log`);
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.BENCH_CPU_PROF)]
        : []),
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      join(ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: join(ROOT, 'packages/backend'),
      detached: true,
      env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' },
    },
  );
  const handle = (chunk: Buffer) => {
    log.write(chunk);
    chunk.toString('utf8').split('\n').forEach(onLine);
  };
  child.stdout!.on('data', handle);
  child.stderr!.on('data', handle);
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => process.exit(1));
  }
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      throw new Error(`backend exited; see ${logFile}`);
    }
    try {
      const res = await call('/.backstage/health/v1/readiness', '');
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('backend did not become ready in 10 min');
    await sleep(1000);
  }
  return {
    /** The backend's process id, for reading its memory. */
    pid: child.pid!,
    stop: () => {
      stop();
      agent.destroy();
    },
  };
}

/** A user token: the guest's, as a developer signs in to the example. */
export async function guestToken(): Promise<string> {
  const res = await call('/api/auth/guest/refresh', '');
  if (res.status !== 200) {
    throw new Error(`guest sign-in failed: ${res.status} ${res.body}`);
  }
  return JSON.parse(res.body).backstageIdentity.token;
}

/** Latencies of requests made one after another, after a warm-up. */
export async function timeRequests(
  count: number,
  request: (i: number) => Promise<{ status: number; body: string }>,
) {
  for (let i = 0; i < Math.min(10, count); i++) await request(i);
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    const res = await request(i);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (res.status !== 200) {
      throw new Error(
        `request failed: ${res.status} ${res.body.slice(0, 300)}`,
      );
    }
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p99: at(0.99), requests: count };
}
