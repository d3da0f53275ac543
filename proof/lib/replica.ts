// One example backend process of several on the same database, on its own
// port, with its log lines labelled and kept.
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { DATA, sleep } from '../../bench/lib/exampleBackend';

const ROOT = resolve(__dirname, '../..');

export interface Replica {
  name: string;
  port: number;
  lines: string[];
  child: ChildProcess;
  /** GET or POST on this replica; resolves with status and parsed body. */
  request(
    path: string,
    token: string,
    options?: { method?: string; body?: unknown },
  ): Promise<{ status: number; body: any }>;
  kill(): void;
}

const agent = new http.Agent({ keepAlive: true });

export async function startReplica(
  name: string,
  configFile: string,
  port: number,
): Promise<Replica> {
  const own = join(DATA, `replica-${name}.yaml`);
  writeFileSync(
    own,
    JSON.stringify({
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port },
      },
    }),
  );
  const log = createWriteStream(join(DATA, `replica-${name}.log`));
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      join(ROOT, 'app-config.yaml'),
      '--config',
      configFile,
      '--config',
      own,
    ],
    {
      cwd: join(ROOT, 'packages/backend'),
      detached: true,
      env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' },
    },
  );
  const lines: string[] = [];
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', kill);

  const request: Replica['request'] = (path, token, options = {}) =>
    new Promise((done, fail) => {
      const body =
        options.body === undefined ? undefined : JSON.stringify(options.body);
      const req = http.request(
        `http://localhost:${port}${path}`,
        {
          method: options.method ?? 'GET',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(body),
                }
              : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON
            }
            done({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', fail);
      req.end(body);
    });

  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      throw new Error(
        `replica ${name} exited; see ${join(DATA, `replica-${name}.log`)}`,
      );
    }
    try {
      if (
        (await request('/.backstage/health/v1/readiness', '')).status === 200
      ) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error(`replica ${name} not ready in 10 min`);
    await sleep(1000);
  }
  return { name, port, lines, child, request, kill };
}
