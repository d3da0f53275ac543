// Runs the proof suites, each in its own process, and ends with one line
// "N passed, N failed, N skipped" summing their checks (also written as
// JSON to $PROOF_REPORT when set, for scripts/test-all.mjs).
//
//   ./gp yarn proof                  fuzz, load, replicas
//   ./gp yarn proof install          the untouched-Backstage install only
//   ./gp yarn proof fuzz load ...    the named suites
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SUITES = ['fuzz', 'load', 'replicas', 'install'];
const DEFAULT = ['fuzz', 'load', 'replicas'];

/** Runs a suite, passing its output through; resolves with all of it. */
function runChild(suite: string): Promise<{ status: number; output: string }> {
  return new Promise(resolve => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        join(__dirname, `${suite}.ts`),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', status => resolve({ status: status ?? 1, output }));
  });
}

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter(name => !SUITES.includes(name));
  if (unknown.length > 0) {
    console.error(
      `unknown suite(s): ${unknown.join(', ')}; suites: ${SUITES.join(', ')}`,
    );
    process.exit(2);
  }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const suite of asked.length ? asked : DEFAULT) {
    console.log(`\n=== proof: ${suite} ===`);
    const started = Date.now();
    const child = await runChild(suite);
    const summary = child.output
      .trim()
      .split('\n')
      .reverse()
      .find(line => line.startsWith(`{"suite":"${suite}"`));
    if (summary) {
      const result = JSON.parse(summary);
      passed += result.passed;
      failed += result.failed;
      skipped += result.skipped ?? 0;
    } else {
      console.log(`proof ${suite} printed no summary (exit ${child.status})`);
      failed += 1;
    }
    console.log(
      `=== proof: ${suite}: exit ${child.status} in ${Math.round(
        (Date.now() - started) / 1000,
      )}s ===`,
    );
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (process.env.PROOF_REPORT) {
    writeFileSync(
      process.env.PROOF_REPORT,
      JSON.stringify({ passed, failed, skipped }),
    );
  }
  process.exit(failed > 0 ? 1 : 0);
}

main();
