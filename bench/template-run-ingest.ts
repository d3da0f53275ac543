// Ingesting a scaffolder's task history: the first pass over 100,000
// historical tasks (wall time, runs recorded per second), then an
// incremental pass with no new tasks, then the passes that read the
// finished runs' final events. The scaffolder is a fake that serves its
// task list newest first in pages through JSON, as over HTTP; paging it
// alone is printed as the baseline. Each engine runs in its own process.
//
//   ./gp yarn bench:template-runs [tasks]      default 100000
//
// PostgreSQL: BENCH_POSTGRES_CONNECTION (default postgresql://postgres@127.0.0.1:5432);
// skipped, and said so, when it cannot connect.
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createStores } from '../plugins/golden-path-backend/src/database/createStores';
import { TemplateRunIngester } from '../plugins/golden-path-backend/src/ingest/TemplateRunIngester';
import { BenchEngine, openBenchDatabase } from './lib/benchDatabase';
import {
  isScenarioChild,
  maxRssMb,
  runScenario,
  secondsSince,
} from './lib/runScenario';

const USERS = 400;
const TEAMS = 40;
const TEMPLATES = ['node-service', 'python-service', 'static-site'];
const STATUSES = ['completed', 'completed', 'completed', 'failed', 'cancelled'];
const START = Date.UTC(2024, 0, 1);

const quietLogger: any = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => quietLogger,
};

function taskAt(i: number, total: number) {
  // Newest first, as the scaffolder lists them: index 0 is the newest.
  const createdAt = new Date(START + (total - i) * 7 * 60_000);
  const template = TEMPLATES[i % TEMPLATES.length];
  const user = `user:default/dev-${i % USERS}`;
  return {
    id: `task-${String(total - i).padStart(7, '0')}`,
    spec: {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      steps: [],
      output: {},
      parameters: { name: `service-${i}`, token: 'never stored' },
      templateInfo: {
        entityRef: `template:default/${template}`,
        entity: {
          metadata: {
            name: template,
            annotations: {
              'backstage.io/template-version': `1.${i % 5}.0`,
              'backstage.io/time-saved': 'PT4H',
            },
          },
        },
      },
      user: { ref: user },
    },
    status: STATUSES[i % STATUSES.length],
    createdAt: createdAt.toISOString(),
    lastHeartbeatAt: new Date(createdAt.getTime() + 95_000).toISOString(),
    createdBy: user,
  };
}

/** A scaffolder whose history is generated page by page on request. */
function generatedScaffolder(total: number) {
  const byId = (taskId: string) => total - Number(taskId.slice(5));
  return {
    async listTasks(request: { limit?: number; offset?: number }) {
      const offset = request.offset ?? 0;
      const end = Math.min(offset + (request.limit ?? 10), total);
      const items = [];
      for (let i = offset; i < end; i++) items.push(taskAt(i, total));
      return JSON.parse(JSON.stringify({ items, totalItems: total }));
    },
    async getTask({ taskId }: { taskId: string }) {
      return JSON.parse(JSON.stringify(taskAt(byId(taskId), total)));
    },
    async getLogs({ taskId }: { taskId: string }) {
      const task = taskAt(byId(taskId), total);
      return JSON.parse(
        JSON.stringify([
          {
            id: 1,
            taskId,
            type: task.status === 'cancelled' ? 'cancelled' : 'completion',
            createdAt: task.lastHeartbeatAt,
            body: {
              message: 'done',
              output: { entityRef: `component:default/service-${taskId}` },
            },
          },
        ]),
      );
    },
  };
}

const users = Array.from({ length: USERS }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: `dev-${i}`, namespace: 'default' },
  spec: { memberOf: [`team-${i % TEAMS}`] },
}));

async function scenario(name: string, total: number) {
  const scaffolder = generatedScaffolder(total);
  if (name === 'floor') {
    const started = process.hrtime.bigint();
    let listed = 0;
    for (let offset = 0; offset < total; offset += 500) {
      listed += (await scaffolder.listTasks({ limit: 500, offset })).items
        .length;
    }
    if (listed !== total) throw new Error(`listed ${listed} of ${total}`);
    return { seconds: secondsSince(started), maxRssMb: maxRssMb() };
  }
  const { knex, close } = await openBenchDatabase(name as BenchEngine);
  const { templateRuns: store } = await createStores({
    getClient: async () => knex,
  });
  const ingester = new TemplateRunIngester({
    scaffolder: scaffolder as any,
    catalog: catalogServiceMock({ entities: users }),
    auth: mockServices.auth(),
    store,
    logger: quietLogger,
  });

  let started = process.hrtime.bigint();
  const first = await ingester.pass();
  const firstSeconds = secondsSince(started);
  if (first.inserted !== total) {
    throw new Error(`first pass recorded ${first.inserted} of ${total}`);
  }

  started = process.hrtime.bigint();
  const second = await ingester.pass();
  const secondSeconds = secondsSince(started);
  if (second.inserted !== 0) {
    throw new Error(`the incremental pass recorded ${second.inserted} again`);
  }

  // The final events of the history are read a batch per pass.
  started = process.hrtime.bigint();
  let outcomePasses = 0;
  let outcomes = first.outcomesRead + second.outcomesRead;
  for (;;) {
    const pass = await ingester.pass();
    if (pass.outcomesRead === 0) break;
    outcomePasses += 1;
    outcomes += pass.outcomesRead;
  }
  const outcomeSeconds = secondsSince(started);
  const [{ count }] = await knex('golden_path_template_runs').count({
    count: '*',
  });
  if (Number(count) !== total) {
    throw new Error(`stored ${count} runs for ${total} tasks`);
  }
  await close();
  return {
    firstSeconds,
    secondSeconds,
    secondListed: second.listed,
    outcomePasses,
    outcomeSeconds,
    outcomes,
    maxRssMb: maxRssMb(),
  };
}

async function main() {
  if (isScenarioChild()) {
    const result = await scenario(process.argv[2], Number(process.argv[3]));
    console.log(JSON.stringify(result));
    return;
  }
  const total = Number(process.argv[2] ?? 100_000);
  console.log(
    `node ${process.version}, ${total} historical scaffolder tasks, ${USERS} runners in ${TEAMS} teams, pages of 500`,
  );
  const floor = runScenario(__filename, ['floor', String(total)]);
  if (floor.error) throw new Error(floor.error);
  console.log(
    `  baseline: paging the fake scaffolder   ${floor.seconds.toFixed(
      2,
    )} s   peak RSS ${floor.maxRssMb.toFixed(0)} MB`,
  );
  for (const name of ['sqlite', 'postgres']) {
    const r = runScenario(__filename, [name, String(total)]);
    if (r.error) {
      console.log(`  ${name.padEnd(10)} skipped: ${r.error}`);
      continue;
    }
    console.log(
      `  ${name.padEnd(10)} first pass ${r.firstSeconds.toFixed(2)} s (${(
        total / r.firstSeconds
      ).toFixed(0)} runs/s, ${(r.firstSeconds / floor.seconds).toFixed(
        1,
      )}x the baseline)   incremental pass ${(r.secondSeconds * 1000).toFixed(
        0,
      )} ms (${r.secondListed} tasks listed)   final events: ${r.outcomes} in ${
        r.outcomePasses
      } more passes, ${r.outcomeSeconds.toFixed(
        1,
      )} s   peak RSS ${r.maxRssMb.toFixed(0)} MB`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
