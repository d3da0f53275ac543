// Runs one benchmark scenario in a child process of its own, so that its
// peak RSS is its own, and reads the JSON line it prints last.
import { spawnSync } from 'node:child_process';

export type ScenarioResult = Record<string, any> & { error?: string };

export function runScenario(file: string, args: string[]): ScenarioResult {
  const child = spawnSync(
    process.execPath,
    ['--require', '@backstage/cli/config/nodeTransform.cjs', file, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, BENCH_CHILD: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    return {
      error: (child.stderr || child.stdout)
        .trim()
        .split('\n')
        .slice(-3)
        .join(' '),
    };
  }
  return JSON.parse(line);
}

/** Whether this process is a scenario's child; its arguments follow. */
export const isScenarioChild = () => Boolean(process.env.BENCH_CHILD);

export const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

export const secondsSince = (started: bigint) =>
  Number(process.hrtime.bigint() - started) / 1e9;
