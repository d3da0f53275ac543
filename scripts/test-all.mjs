// Runs every test suite of the repository and ends with one line
// "N passed, N failed" summing all of them, so a run's result (and a run that
// executed nothing) is obvious at a glance.
//
//   node scripts/test-all.mjs            tsc, lint, format, unit + database +
//                                        end-to-end + proof suites
//   node scripts/test-all.mjs --unit     Jest only
//   node scripts/test-all.mjs --e2e      Playwright only
//   node scripts/test-all.mjs --proof    proof suites only
//
// The proof suites (proof/) run the example backend on PostgreSQL: two
// replicas, load with replay, and fuzzing reduced to
// PROOF_FUZZ_PER_OPERATION requests per operation (default here 300; the
// full 10,000 is `./gp yarn proof fuzz`). Without PostgreSQL they are
// skipped.
//
// Database tests run on SQLite always, and on PostgreSQL / MySQL when
// BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING /
// BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING are set. When one is set,
// a run in which no test executed against that engine fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.find(a => ['--unit', '--e2e', '--proof'].includes(a));
const out = mkdtempSync(join(tmpdir(), 'golden-path-tests-'));
const yarn = join(
  root,
  '.yarn/releases',
  readFileSync(join(root, '.yarnrc.yml'), 'utf8').match(
    /yarnPath: \.yarn\/releases\/(\S+)/,
  )[1],
);

const engines = [
  [
    'PostgreSQL',
    'BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING',
    /POSTGRES/,
  ],
  ['MySQL', 'BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING', /MYSQL/],
];

function run(title, command, commandArgs, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    // Docker is never started for TestDatabases: PostgreSQL and MySQL come from
    // the connection-string variables, and are skipped where those are unset.
    env: {
      ...process.env,
      CI: 'true',
      BACKSTAGE_TEST_DISABLE_DOCKER: '1',
      ...env,
    },
  });
  console.log(
    `=== ${title}: exit ${result.status} in ${Math.round(
      (Date.now() - started) / 1000,
    )}s ===`,
  );
  return result.status ?? 1;
}

const startedAt = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

if (!only) {
  // Type and lint errors fail the run like a failing test would.
  for (const [title, commandArgs] of [
    ['type check (tsc)', ['tsc']],
    ['lint (ESLint)', ['backstage-cli', 'repo', 'lint']],
    ['formatting (Prettier)', ['prettier', '--check', '.']],
  ]) {
    const status = run(title, process.execPath, [yarn, ...commandArgs]);
    if (status !== 0) {
      problems.push(`${title} failed`);
      totals.failed += 1;
    }
  }
}

if (!only || only === '--unit') {
  const report = join(out, 'jest.json');
  const status = run('unit and database tests (Jest)', process.execPath, [
    yarn,
    'backstage-cli',
    'repo',
    'test',
    '--json',
    `--outputFile=${report}`,
  ]);
  if (!existsSync(report)) {
    problems.push('Jest wrote no report');
    totals.failed += 1;
  } else {
    const jest = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += jest.numPassedTests;
    totals.failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
    totals.skipped += jest.numPendingTests + jest.numTodoTests;
    const titles = jest.testResults.flatMap(file =>
      file.assertionResults
        .filter(test => test.status === 'passed')
        .map(test => test.fullName),
    );
    for (const [name, variable, pattern] of engines) {
      const count = titles.filter(title => pattern.test(title)).length;
      if (process.env[variable]) {
        console.log(`${name}: ${count} tests executed against the server`);
        if (count === 0) {
          problems.push(`${variable} is set but no ${name} test executed`);
          totals.failed += 1;
        }
      } else {
        console.log(`${name}: not configured (${variable} unset), skipped`);
      }
    }
  }
  if (status !== 0 && totals.failed === 0) {
    problems.push(`Jest exited with ${status}`);
    totals.failed += 1;
  }
}

if (!only || only === '--e2e') {
  const report = join(out, 'playwright.json');
  const status = run(
    'end-to-end tests (Playwright, Chromium)',
    process.execPath,
    [yarn, 'playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  );
  if (!existsSync(report)) {
    problems.push('Playwright wrote no report');
    totals.failed += 1;
  } else {
    const { stats } = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  }
  if (status !== 0 && totals.failed === 0) {
    problems.push(`Playwright exited with ${status}`);
    totals.failed += 1;
  }
}

if (!only || only === '--proof') {
  const postgres =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING;
  if (!postgres) {
    console.log(
      '\n=== proof suites: skipped (BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING unset) ===',
    );
    totals.skipped += 1;
  } else {
    const report = join(out, 'proof.json');
    const status = run(
      'proof suites (replicas, load with replay, reduced fuzzing)',
      process.execPath,
      [yarn, 'proof', 'replicas', 'load', 'fuzz'],
      {
        BENCH_POSTGRES_CONNECTION: postgres,
        PROOF_REPORT: report,
        PROOF_FUZZ_PER_OPERATION: process.env.PROOF_FUZZ_PER_OPERATION ?? '300',
      },
    );
    if (!existsSync(report)) {
      problems.push('the proof suites wrote no report');
      totals.failed += 1;
    } else {
      const proof = JSON.parse(readFileSync(report, 'utf8'));
      totals.passed += proof.passed;
      totals.failed += proof.failed;
      totals.skipped += proof.skipped;
    }
    if (status !== 0 && totals.failed === 0) {
      problems.push(`the proof suites exited with ${status}`);
      totals.failed += 1;
    }
  }
}

for (const problem of problems) console.error(`FAILED: ${problem}`);
console.log(
  `\nAll suites finished in ${Math.round((Date.now() - startedAt) / 1000)}s`,
);
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
