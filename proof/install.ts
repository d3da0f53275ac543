// Install into an untouched Backstage: packs the five packages as they
// would be published, creates two fresh apps with @backstage/create-app
// (the new frontend system, and --legacy), follows the README's "Install
// into an existing Backstage" section in each, from the README's own code
// blocks, then starts each app and checks the golden-path API and the
// entity card in Chromium. A README step that cannot be followed fails its
// check: then the README is what is wrong, not this script.
//
//   ./gp yarn proof install
//
// Apps, packs and logs live in a temporary directory, kept only on failure.
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, Page } from '@playwright/test';
import YAML from 'yaml';
import { runSuite, Suite } from './lib/harness';
import {
  portFree,
  run,
  RunOptions,
  Server,
  startServer,
  waitFor,
} from './lib/processes';
import {
  blockOf,
  CodeBlock,
  insertBefore,
  mergeJsxSnippet,
  readmeSection,
  snippetFile,
  yarnCommands,
} from './lib/readmeSnippets';

const ROOT = resolve(__dirname, '..');
const YARN = join(
  ROOT,
  '.yarn/releases',
  readdirSync(join(ROOT, '.yarn/releases'))[0],
);
// The create-app this repository was generated with (Backstage 1.55).
const CREATE_APP = '@backstage/create-app@0.9.2';
const CHROMIUM = process.env.GP_CHROMIUM ?? '/usr/bin/chromium';
// ENVIRONMENT.md's flags; Playwright adds --headless and a fresh profile.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const INSTALL_SECTION = 'Install into an existing Backstage';
const BACKEND_HEADING = 'Backend';
// The component the catalog gets beside create-app's example-website.
const SERVICE = 'example-service';

interface App {
  name: string;
  legacy: boolean;
  /** The README's heading for this app's frontend. */
  frontend: string;
  // Not 7007/3000: another `./gp start` may be running on this machine.
  backendPort: number;
  appPort: number;
}

const APPS: App[] = [
  {
    name: 'new',
    legacy: false,
    frontend: 'Frontend, new frontend system',
    backendPort: 7027,
    appPort: 3027,
  },
  {
    name: 'legacy',
    legacy: true,
    frontend: 'Frontend, legacy frontend system',
    backendPort: 7028,
    appPort: 3028,
  },
];

/** A golden path as the README's Configuration section declares it. */
interface PathConfig {
  id: string;
  templates: string[];
  latestVersion: string;
}

interface Pack {
  name: string;
  version: string;
  file: string;
}

const suite = new Suite('install');
const say = (line: string) => console.log(`[install] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A step already recorded as a failed check; what follows it is skipped. */
class StepFailed extends Error {}

const timings: Array<[string, number]> = [];

/** Runs a step as a timed check: passed with its detail, or failed with its error. */
async function step(name: string, fn: () => Promise<string>): Promise<void> {
  say(`${name} ...`);
  const started = Date.now();
  let detail: string;
  try {
    detail = await fn();
  } catch (error) {
    const ms = Date.now() - started;
    timings.push([name, ms]);
    suite.check(name, false, `${(error as Error).message}; ${seconds(ms)}`);
    throw new StepFailed(name);
  }
  const ms = Date.now() - started;
  timings.push([name, ms]);
  suite.check(name, true, `${detail}; ${seconds(ms)}`);
}

/** Every path a published manifest points at: main, module, types, exports. */
function entryPoints(manifest: any): string[] {
  // The CLI's `backstage` export condition names a feature type, not a file.
  const targets = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Object.entries(value ?? {})
          .filter(([condition]) => condition !== 'backstage')
          .flatMap(([, target]) => targets(target));
  return [manifest.main, manifest.module, manifest.types, manifest.exports]
    .flatMap(targets)
    .map(path => path.replace(/^\.\//, ''));
}

/** Checks a pack as a registry would serve it; says what it holds. */
function inspectPack(file: string): string {
  const files = new Set(
    execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
      .split('\n')
      .map(path => path.replace(/^package\//, '')),
  );
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const local = Object.entries({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
  }).filter(([, range]) => String(range).startsWith('workspace:'));
  if (local.length > 0) {
    throw new Error(`${manifest.name} still has ${local.join(', ')}`);
  }
  const missing = entryPoints(manifest).filter(path => !files.has(path));
  if (missing.length > 0) {
    throw new Error(`${manifest.name} points at ${missing} but lacks it`);
  }
  return `${manifest.name.replace('@golden-path/', '')} ${files.size} files`;
}

/**
 * Builds and packs every plugin as publishing would: tsc writes the
 * declarations the builds bundle, `yarn pack` runs the CLI's prepack (the
 * manifest as published: dist entry points, `workspace:^` turned into the
 * version's range) and postpack (the manifest restored). dist directories
 * this creates are removed again: the repo's own app runs from src.
 */
async function packPlugins(dir: string, log: string): Promise<Pack[]> {
  mkdirSync(dir);
  const options: RunOptions = { cwd: ROOT, env: process.env, log };
  await run(process.execPath, [YARN, 'tsc'], options);
  const packs: Pack[] = [];
  const plugins = readdirSync(join(ROOT, 'plugins')).filter(entry =>
    existsSync(join(ROOT, 'plugins', entry, 'package.json')),
  );
  for (const plugin of plugins) {
    const pluginDir = join(ROOT, 'plugins', plugin);
    const manifestPath = join(pluginDir, 'package.json');
    const manifest = readFileSync(manifestPath, 'utf8');
    const { name, version } = JSON.parse(manifest);
    const hadDist = existsSync(join(pluginDir, 'dist'));
    const file = join(dir, `${plugin}.tgz`);
    try {
      await run(process.execPath, [YARN, 'workspace', name, 'build'], options);
      await run(
        process.execPath,
        [YARN, 'workspace', name, 'pack', '--out', file],
        options,
      );
    } finally {
      if (!hadDist) {
        rmSync(join(pluginDir, 'dist'), { recursive: true, force: true });
      }
    }
    if (readFileSync(manifestPath, 'utf8') !== manifest) {
      writeFileSync(manifestPath, manifest);
      throw new Error(`packing ${name} left its package.json changed`);
    }
    packs.push({ name, version, file });
  }
  return packs;
}

/**
 * The environment of a user's shell for the apps. This suite runs inside
 * `yarn proof`, whose variables describe this repository (its Yarn shims on
 * PATH, npm_* settings): the apps must not see them. Node is the one running
 * this suite (22); `yarn` on PATH is this repository's committed release,
 * as a user's global Yarn would be: create-app asks `yarn -v` before
 * anything, and inside an app its own yarnPath takes over. Native addons
 * (better-sqlite3) compile against this Node's headers, as ENVIRONMENT.md
 * says.
 */
function userEnvironment(binDir: string): NodeJS.ProcessEnv {
  mkdirSync(binDir);
  writeFileSync(
    join(binDir, 'yarn'),
    `#!/bin/sh\nexec "${process.execPath}" "${YARN}" "$@"\n`,
    { mode: 0o755 },
  );
  const yarnShims = process.env.BERRY_BIN_FOLDER;
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|BERRY_|PROJECT_CWD$|INIT_CWD$)/.test(key),
    ),
  );
  env.PATH = [
    binDir,
    dirname(process.execPath),
    ...(process.env.PATH ?? '')
      .split(':')
      .filter(entry => !yarnShims || entry !== yarnShims),
  ].join(':');
  const nodeHome = resolve(dirname(process.execPath), '..');
  if (existsSync(join(nodeHome, 'include/node/node.h'))) {
    env.npm_config_nodedir = nodeHome;
  }
  return env;
}

/**
 * What this machine needs before a fresh app installs, none of which a user
 * of the published packages would do:
 * - yarn.lock seeded with this repository's, which create-app 0.9.2
 *   resolved when 1.55 was Backstage's current release. The registry now
 *   also holds the next release, and create-app's caret ranges mix the two:
 *   plugin-signals-backend 0.3.21 calls httpRouter.addWebSocketHandler,
 *   which backend-defaults ^0.18.0 lacks, and a fresh app's backend does not
 *   start, with or without Golden Path. The seed makes the app what an
 *   existing 1.55 app is; packages this repo lacks resolve as they would.
 * - this repository's registry pins (ENVIRONMENT.md: the mirror lacks some
 *   platform binaries, and @yarnpkg/core's got patch).
 * - the five packs mapped by name: their `workspace:^` dependencies were
 *   packed as `^0.1.0`, which only a registry that has them could resolve.
 * create-app's npmMinimalAgeGate (3d, @backstage/* preapproved) is left
 * as it is: the install resolves with it, as a user's would.
 */
function prepareInstall(dir: string, packs: Pack[]): string {
  copyFileSync(join(ROOT, 'yarn.lock'), join(dir, 'yarn.lock'));
  const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const pins = Object.entries(ours.resolutions as Record<string, string>)
    .filter(
      ([name]) =>
        /^@(rollup|unrs|swc)\//.test(name) || name === '@yarnpkg/core/got',
    )
    .sort();
  const manifestPath = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.resolutions = {
    ...manifest.resolutions,
    ...Object.fromEntries(pins),
    ...Object.fromEntries(packs.map(p => [p.name, `file:${p.file}`])),
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const gate = /^npmMinimalAgeGate:\s*(\S+)/m.exec(
    readFileSync(join(dir, '.yarnrc.yml'), 'utf8'),
  )?.[1];
  return `${pins.length} pins, ${packs.length} packs mapped, lockfile seeded, npmMinimalAgeGate ${gate} kept`;
}

/**
 * Runs a README shell block's yarn commands in the app. `yarn add <name>`
 * of an unpublished package asks the registry for its latest version and
 * stops at the 404; a published 0.1.0 would be added as `^0.1.0`, so that
 * range is given, and the app's resolutions map it to the pack.
 */
async function runReadmeYarn(
  block: CodeBlock,
  dir: string,
  packs: Pack[],
  options: RunOptions,
): Promise<string> {
  const versions = new Map(packs.map(p => [p.name, p.version]));
  const added: string[] = [];
  for (const args of yarnCommands(block)) {
    await run(
      'yarn',
      args.map(a => (versions.has(a) ? `${a}@^${versions.get(a)}` : a)),
      options,
    );
    const cwd = args.includes('--cwd') ? args[args.indexOf('--cwd') + 1] : '.';
    const { dependencies } = JSON.parse(
      readFileSync(join(dir, cwd, 'package.json'), 'utf8'),
    );
    const names = args.slice(args.indexOf('add') + 1);
    const absent = names.filter(name => !dependencies?.[name]);
    if (absent.length > 0) {
      throw new Error(`${absent} not in ${cwd}/package.json`);
    }
    added.push(`${cwd}: ${names.join(', ')}`);
  }
  return added.join('; ');
}

/** Applies an edit to one of the app's files. */
function editFile(path: string, edit: (source: string) => string) {
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

/** A guest's token, as the app gets one when "Enter" is pressed. */
async function guestToken(backend: string): Promise<string> {
  const res = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in: ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

async function getJson(url: string, token: string): Promise<any> {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Opens `url` in Chromium, signs in as the guest (both apps ask a first
 * visitor to), and reads what `read` finds. A failure leaves a screenshot
 * of the page.
 */
async function asGuest(
  url: string,
  screenshot: string,
  read: (page: Page) => Promise<string>,
): Promise<string> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page
      .getByRole('button', { name: 'Enter' })
      .click({ timeout: 180_000 });
    return await read(page);
  } catch (error) {
    await page.screenshot({ path: screenshot });
    throw error;
  } finally {
    await browser.close();
  }
}

/**
 * The Golden Path card on a component's page: its score, or the status it
 * shows instead. Leaves a screenshot of the card.
 */
const readCard = (url: string, screenshot: string) =>
  asGuest(url, screenshot, async page => {
    // Class names by prefix: the legacy app's styles append a counter.
    const card = page.locator('[class*="MuiCard-root"]').filter({
      has: page.locator('[class*="MuiCardHeader-title"]', {
        hasText: /^Golden Path$/,
      }),
    });
    await card.waitFor({ timeout: 120_000 });
    const score = card.getByLabel(/^Score \d+ out of 100$/);
    const status = card.getByText(
      /^(Not evaluated yet|Not on a golden path|No golden path applies|Golden paths do not apply here)$/,
    );
    await score.or(status).first().waitFor({ timeout: 60_000 });
    await card.screenshot({ path: screenshot });
    return (await score.count()) > 0
      ? `"Golden Path" card, ${await score.getAttribute('aria-label')}`
      : `"Golden Path" card, ${await status.first().textContent()}`;
  });

/** The Golden Path page's dashboard, reached from the sidebar. */
const readPage = (url: string, screenshot: string) =>
  asGuest(url, screenshot, async page => {
    await page
      .getByRole('link', { name: 'Golden Path' })
      .first()
      .click({ timeout: 120_000 });
    await page
      .getByText('Platform metrics', { exact: true })
      .waitFor({ timeout: 120_000 });
    const tiles = await page.getByRole('term').count();
    await page.screenshot({ path: screenshot, fullPage: true });
    return `sidebar link to ${
      new URL(page.url()).pathname
    }, ${tiles} metric tiles`;
  });

interface Context {
  work: string;
  env: NodeJS.ProcessEnv;
  packs: Pack[];
  readme: string;
  servers: Server[];
}

async function installApp(app: App, context: Context): Promise<void> {
  const { work, env, packs, readme, servers } = context;
  const dir = join(work, app.name);
  const options: RunOptions = {
    cwd: dir,
    env,
    log: join(work, `${app.name}.log`),
  };
  const install = readmeSection(readme, INSTALL_SECTION);
  const backendUrl = `http://localhost:${app.backendPort}`;
  const appUrl = `http://localhost:${app.appPort}`;
  const named = (what: string) => `${app.name}: ${what}`;

  const flags = app.legacy ? ['--legacy'] : [];
  await step(named(['create-app', ...flags].join(' ')), async () => {
    await run(
      'npx',
      ['--yes', CREATE_APP, ...flags, '--skip-install', '--path', dir],
      {
        ...options,
        cwd: work,
        env: { ...env, BACKSTAGE_APP_NAME: `golden-path-${app.name}` },
      },
    );
    return dir;
  });
  await step(named('registry pins and pack mapping'), async () =>
    prepareInstall(dir, packs),
  );
  await step(named('yarn install'), async () => {
    await run('yarn', ['install'], options);
    return 'installed';
  });

  await step(named(`README ${BACKEND_HEADING}: yarn add`), () =>
    runReadmeYarn(blockOf(install, BACKEND_HEADING, 'sh'), dir, packs, options),
  );
  await step(named(`README ${BACKEND_HEADING}: backend.add`), async () => {
    const { file, code } = snippetFile(blockOf(install, BACKEND_HEADING, 'ts'));
    editFile(join(dir, file), source =>
      insertBefore(source, code, 'backend.start();'),
    );
    return file;
  });
  await step(named(`README ${app.frontend}: yarn add`), () =>
    runReadmeYarn(blockOf(install, app.frontend, 'sh'), dir, packs, options),
  );
  if (app.legacy) {
    // Every code block the section shows, each into the file it names.
    const blocks = (install.get(app.frontend) ?? []).filter(b =>
      ['ts', 'tsx'].includes(b.lang),
    );
    for (const block of blocks) {
      const { file, code } = snippetFile(block);
      await step(named(`README ${app.frontend}: ${file}`), async () => {
        editFile(join(dir, file), source =>
          mergeJsxSnippet(source, code, file),
        );
        return file;
      });
    }
  } else {
    // The README adds nothing to App.tsx when app.packages is `all`, and
    // says that is create-app's default: it must be.
    await step(named(`README ${app.frontend}: app.packages: all`), async () => {
      const config = YAML.parse(
        readFileSync(join(dir, 'app-config.yaml'), 'utf8'),
      );
      if (config.app?.packages !== 'all') {
        throw new Error(`app.packages is ${config.app?.packages}`);
      }
      return 'create-app sets it: the plugin is discovered';
    });
  }
  await step(
    named('the app type-checks with the README code (yarn tsc)'),
    async () => {
      await run('yarn', ['tsc'], options);
      return 'no errors';
    },
  );

  let paths: PathConfig[] = [];
  await step(named('configuration and catalog'), async () => {
    paths = YAML.parse(
      blockOf(readmeSection(readme, 'Configuration'), '', 'yaml').code,
    ).goldenPath.paths;
    appendFileSync(
      join(dir, 'app-config.yaml'),
      `\n${YAML.stringify({ goldenPath: { paths } })}`,
    );
    writeFileSync(
      join(dir, 'app-config.local.yaml'),
      YAML.stringify({
        app: { baseUrl: appUrl },
        backend: {
          baseUrl: backendUrl,
          listen: { port: app.backendPort },
          cors: { origin: appUrl },
        },
      }),
    );
    // create-app's examples (example-website, user guest) plus a service
    // made from the first path's template, and a second user.
    const [path] = paths;
    appendFileSync(
      join(dir, 'examples/entities.yaml'),
      `---\n${YAML.stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: SERVICE,
          annotations: {
            'backstage.io/source-template': path.templates[0],
            'backstage.io/template-version': path.latestVersion,
          },
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'guests',
          system: 'examples',
        },
      })}`,
    );
    appendFileSync(
      join(dir, 'examples/org.yaml'),
      `---\n${YAML.stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'example-developer' },
        spec: { memberOf: ['guests'] },
      })}`,
    );
    return `README's goldenPath.paths (${paths
      .map(p => p.id)
      .join(', ')}), ${SERVICE}, example-developer`;
  });

  let token = '';
  await step(named(`backend starts on :${app.backendPort}`), async () => {
    for (const port of [app.backendPort, app.appPort]) {
      if (!(await portFree(port))) throw new Error(`port ${port} is taken`);
    }
    const backend = startServer('yarn', ['start'], {
      ...options,
      cwd: join(dir, 'packages/backend'),
    });
    servers.push(backend);
    await waitFor(
      'readiness',
      300,
      async () =>
        (await fetch(`${backendUrl}/.backstage/health/v1/readiness`)).ok ||
        undefined,
      backend,
    );
    token = await guestToken(backendUrl);
    return 'ready, guest signed in';
  });
  await step(named('GET /api/golden-path/openapi.json'), async () => {
    const spec = await getJson(
      `${backendUrl}/api/golden-path/openapi.json`,
      token,
    );
    // Served with the plugin's mount point prepended to every path.
    if (!spec.paths?.['/api/golden-path/paths']) {
      throw new Error(
        `no /api/golden-path/paths in ${Object.keys(spec.paths)}`,
      );
    }
    return `OpenAPI ${spec.openapi}, ${Object.keys(spec.paths).length} paths`;
  });
  await step(named('GET /api/golden-path/paths'), async () => {
    const body = await getJson(`${backendUrl}/api/golden-path/paths`, token);
    const ids = body.paths.map((p: { id: string }) => p.id);
    const wanted = paths.map(p => p.id);
    if (ids.join() !== wanted.join()) {
      throw new Error(`paths ${ids}, the README configures ${wanted}`);
    }
    return `the README's ${ids}`;
  });
  await step(named(`the first scoring run scores ${SERVICE}`), async () => {
    const result = await waitFor('scoring run', 180, async () => {
      const body = await getJson(
        `${backendUrl}/api/golden-path/entities/component/default/${SERVICE}`,
        token,
      );
      return body.status === 'recorded' ? body : undefined;
    });
    return `score ${result.score}, level ${result.level}, path ${result.path?.id}`;
  });

  await step(named(`frontend dev server on :${app.appPort}`), async () => {
    const frontend = startServer('yarn', ['start'], {
      ...options,
      cwd: join(dir, 'packages/app'),
      // The dev server would try to open a browser on the desktop.
      env: { ...env, BROWSER: 'none' },
    });
    servers.push(frontend);
    await waitFor(
      'page',
      300,
      async () => (await fetch(appUrl)).ok || undefined,
      frontend,
    );
    return appUrl;
  });
  await step(named(`Chromium: Golden Path card on ${SERVICE}`), () =>
    readCard(
      `${appUrl}/catalog/default/component/${SERVICE}`,
      join(work, `${app.name}-card.png`),
    ),
  );
  await step(named('Chromium: the Golden Path page from the sidebar'), () =>
    readPage(appUrl, join(work, `${app.name}-page.png`)),
  );
}

async function main() {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'golden-path-install-'));
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  let completed = false;
  try {
    let packs: Pack[] = [];
    await step('the five packages build and pack', async () => {
      packs = await packPlugins(join(work, 'packs'), join(work, 'pack.log'));
      return packs.map(p => inspectPack(p.file)).join(', ');
    });
    const env = userEnvironment(join(work, 'bin'));
    await step(`${CREATE_APP} offers --legacy and --skip-install`, async () => {
      const help = await run('npx', ['--yes', CREATE_APP, '--help'], {
        cwd: work,
        env,
        log: join(work, 'create-app.log'),
      });
      const missing = ['--legacy', '--skip-install'].filter(
        flag => !help.includes(flag),
      );
      if (missing.length > 0) throw new Error(`no ${missing} in --help`);
      return 'both in --help';
    });
    for (const app of APPS) {
      const servers: Server[] = [];
      try {
        await installApp(app, { work, env, packs, readme, servers });
      } catch (error) {
        // A failed step ends this app; the next one still runs.
        if (!(error instanceof StepFailed)) throw error;
      } finally {
        await Promise.all(servers.map(server => server.stop()));
      }
    }
    completed = true;
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
  } finally {
    console.log('\nstep timings:');
    for (const [name, ms] of timings) {
      console.log(`  ${seconds(ms).padStart(8)}  ${name}`);
    }
    if (!completed || suite.results.some(r => !r.passed)) {
      say(`kept ${work} (apps, packs, logs, screenshots)`);
    } else {
      const removing = Date.now();
      rmSync(work, { recursive: true, force: true });
      say(`removed ${work} in ${seconds(Date.now() - removing)}`);
    }
    say(`total ${seconds(Date.now() - started)}`);
  }
}

runSuite(suite, main);
