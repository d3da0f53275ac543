// Commands and servers a proof suite runs, each with its output in a log
// file, so a failure can say what happened and the log stays for a look.
import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** File the command's output is appended to. */
  log: string;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The last lines of a command's output, for a failure's message. */
function tail(output: string, lines = 15): string {
  return output.trim().split('\n').slice(-lines).join('\n');
}

function spawnLogged(
  command: string,
  args: string[],
  options: RunOptions,
  detached: boolean,
): { child: ChildProcess; output: () => string } {
  appendFileSync(
    options.log,
    `\n$ ${[command, ...args].join(' ')}  (in ${options.cwd})\n`,
  );
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk;
    appendFileSync(options.log, chunk);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return { child, output: () => output };
}

/** Runs a command to its end; resolves with its output, rejects with its tail. */
export function run(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<string> {
  const { child, output } = spawnLogged(command, args, options, false);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) resolve(output());
      else {
        reject(
          new Error(
            `${[command, ...args].join(' ')} exited with ${code}:\n${tail(
              output(),
            )}\n(log: ${options.log})`,
          ),
        );
      }
    });
  });
}

export interface Server {
  /** True once the process has exited. */
  exited(): boolean;
  output(): string;
  /** Stops the process and everything it started; resolves when gone. */
  stop(): Promise<void>;
}

/**
 * Starts a long-running command in its own process group: `yarn start`
 * runs the CLI, which runs the server, and stopping must reach all three.
 */
export function startServer(
  command: string,
  args: string[],
  options: RunOptions,
): Server {
  const { child, output } = spawnLogged(command, args, options, true);
  let exited = false;
  const gone = new Promise<void>(resolve =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group has already exited
    }
  };
  // A crash of the suite must not leave servers holding the ports.
  process.on('exit', () => signal('SIGKILL'));
  return {
    exited: () => exited,
    output,
    stop: async () => {
      signal('SIGTERM');
      await Promise.race([gone, sleep(10_000)]);
      signal('SIGKILL');
      await gone;
    },
  };
}

/** True when nothing listens on the port (on any address). */
export function portFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/**
 * Polls `check` once a second until it returns a value (a throw counts as
 * not yet); gives up after `seconds`, or as soon as the server it waits for
 * has exited.
 */
export async function waitFor<T>(
  what: string,
  seconds: number,
  check: () => Promise<T | undefined>,
  server?: Server,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let lastError = '';
  for (;;) {
    const value = await check().catch(error => {
      lastError = `; last: ${error.message}`;
      return undefined;
    });
    if (value !== undefined) return value;
    if (server?.exited()) {
      throw new Error(`exited before ${what}:\n${tail(server.output())}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`no ${what} after ${seconds} s${lastError}`);
    }
    await sleep(1000);
  }
}
