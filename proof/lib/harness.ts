// What a proof suite reports: named checks that pass, fail or are skipped
// (a reduced run cannot make the claim), printed as they happen and summed
// in one JSON line the runner reads.
export interface CheckResult {
  name: string;
  passed: boolean;
  skipped?: boolean;
  detail?: string;
}

export class Suite {
  readonly results: CheckResult[] = [];

  constructor(readonly name: string) {}

  /** Records a check; `detail` says what was measured either way. */
  check(name: string, passed: boolean, detail?: string): boolean {
    this.results.push({ name, passed, ...(detail ? { detail } : {}) });
    console.log(
      `[${this.name}] ${passed ? 'ok  ' : 'FAIL'} ${name}${
        detail ? ` (${detail})` : ''
      }`,
    );
    return passed;
  }

  /** Records a check this run does not make, and why. */
  skip(name: string, reason: string): void {
    this.results.push({ name, passed: true, skipped: true, detail: reason });
    console.log(`[${this.name}] skip ${name} (${reason})`);
  }

  /** Prints the summary line the runner parses; exits 1 on a failure. */
  finish(): never {
    const failed = this.results.filter(r => !r.passed).length;
    const skipped = this.results.filter(r => r.skipped).length;
    console.log(
      JSON.stringify({
        suite: this.name,
        passed: this.results.length - failed - skipped,
        failed,
        skipped,
      }),
    );
    process.exit(failed > 0 ? 1 : 0);
  }
}

/** Runs a suite's main, turning a crash into a failed check. */
export function runSuite(suite: Suite, main: () => Promise<void>): void {
  main().then(
    () => suite.finish(),
    error => {
      suite.check(
        'the suite ran to its end',
        false,
        String(error?.stack ?? error),
      );
      suite.finish();
    },
  );
}
