import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createStores } from '../database/createStores';
import { FakeScaffolder } from '../__testUtils__/FakeScaffolder';
import { SCAFFOLDER_SOURCE, TemplateRunIngester } from './TemplateRunIngester';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

const users = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: { memberOf: ['payments', 'guild-frontend'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'loner', namespace: 'default' },
    spec: { memberOf: [] },
  },
];

const at = (minute: number) =>
  new Date(Date.UTC(2026, 10, 20, 9, 0) + minute * 60_000);

async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const { templateRuns: store } = await createStores({
    getClient: async () => knex,
  });
  const scaffolder = new FakeScaffolder();
  const catalog = catalogServiceMock({ entities: users });
  const ingester = () =>
    new TemplateRunIngester({
      scaffolder: scaffolder as any,
      catalog,
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
    });
  return { knex, store, scaffolder, ingester };
}

describe('TemplateRunIngester', () => {
  it.each(databases.eachSupportedId())(
    'records each task once with the values it ran with, never its parameters, on %p',
    async databaseId => {
      const { knex, store, scaffolder, ingester } = await setUp(databaseId);
      scaffolder.add({
        id: 'task-1',
        user: 'user:default/jane',
        version: '1.2.0',
        timeSaved: 'PT4H',
        createdAt: at(0),
        durationMs: 90_000,
        output: { entityRef: 'component:default/checkout-api' },
      });
      scaffolder.add({
        id: 'task-2',
        user: 'user:default/loner',
        status: 'failed',
        createdAt: at(5),
      });
      scaffolder.add({ id: 'task-3', createdAt: at(6), status: 'processing' });

      const first = await ingester().pass();
      expect(first).toMatchObject({ listed: 3, inserted: 3, outcomesRead: 2 });

      const { items, totalItems } = await store.listRuns(
        { templateRef: 'template:default/node-service' },
        { limit: 10, offset: 0 },
      );
      expect(totalItems).toBe(3);
      expect(items.map(run => [run.taskId, run.team, run.status])).toEqual([
        ['task-3', 'unassigned', 'processing'],
        ['task-2', 'unassigned', 'failed'],
        ['task-1', 'group:default/payments', 'completed'],
      ]);
      expect(items[2]).toMatchObject({
        runBy: 'user:default/jane',
        templateVersion: '1.2.0',
        timeSavedSeconds: 4 * 3600,
        durationMs: 90_000,
        finishedAt: at(1.5).toISOString(),
        entityRef: 'component:default/checkout-api',
      });
      const stored = JSON.stringify(await knex('golden_path_template_runs'));
      expect(stored).not.toContain('secret-project');
      expect(stored).not.toContain('do-not-store');

      // A replayed pass and a replayed event store nothing twice, and a
      // template edited since does not rewrite the recorded version.
      scaffolder.tasks[2].spec.templateInfo!.entity!.metadata.annotations![
        'backstage.io/template-version'
      ] = '9.9.9';
      await ingester().pass();
      await ingester().ingestTask('task-1');
      const [{ n }] = await knex('golden_path_template_runs').count({ n: '*' });
      expect(Number(n)).toBe(3);
      const again = await store.listRuns(
        { runBy: 'user:default/jane' },
        { limit: 10, offset: 0 },
      );
      expect(again.items[0].templateVersion).toBe('1.2.0');
    },
  );

  it.each(databases.eachSupportedId())(
    'reads only what is new on the next pass and follows runs that were still going, on %p',
    async databaseId => {
      const { store, scaffolder, ingester } = await setUp(databaseId);
      for (let i = 0; i < 1200; i += 1) {
        scaffolder.add({ id: `old-${i}`, createdAt: at(i) });
      }
      scaffolder.add({
        id: 'slow',
        createdAt: at(1300),
        status: 'processing',
      });
      const first = await ingester().pass();
      expect(scaffolder.requests.list).toBe(3);
      // A long history's final events are read a batch per pass.
      expect(first).toMatchObject({ inserted: 1201, outcomesRead: 500 });

      scaffolder.requests.list = 0;
      const idle = await ingester().pass();
      expect(scaffolder.requests.list).toBe(1);
      expect(idle).toMatchObject({
        inserted: 0,
        updated: 0,
        outcomesRead: 500,
      });

      scaffolder.finish('slow', 'completed', at(1302), {
        links: [{ title: 'Open', entityRef: 'Component:default/Slow-API' }],
      });
      scaffolder.add({ id: 'new', createdAt: at(1400) });
      const next = await ingester().pass();
      expect(next).toMatchObject({ inserted: 1, updated: 1 });
      const { items } = await store.listRuns(
        { status: 'completed', from: at(1300) },
        { limit: 10, offset: 0 },
      );
      expect(
        items.map(run => [run.taskId, run.entityRef, run.durationMs]),
      ).toEqual([
        ['new', undefined, 60_000],
        ['slow', 'component:default/slow-api', 120_000],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'resumes an interrupted first pass from its cursor on %p',
    async databaseId => {
      const { store, scaffolder, ingester } = await setUp(databaseId);
      for (let i = 0; i < 1200; i += 1) {
        scaffolder.add({ id: `t-${i}`, createdAt: at(i) });
      }
      const controller = new AbortController();
      const interrupted = ingester();
      const list = scaffolder.listTasks.bind(scaffolder);
      scaffolder.listTasks = async request => {
        const page = await list(request);
        if (request.offset === 500) {
          controller.abort();
        }
        return page;
      };
      await expect(interrupted.pass(controller.signal)).rejects.toThrow();
      const cursor = await store.getCursor(SCAFFOLDER_SOURCE);
      expect(cursor).toMatchObject({
        passOffset: 1000,
        passTop: at(1199).toISOString(),
      });
      expect(cursor.error).toBeDefined();

      scaffolder.listTasks = list;
      scaffolder.requests.list = 0;
      await ingester().pass();
      expect(scaffolder.requests.list).toBe(1);
      const { totalItems } = await store.listRuns({}, { limit: 1, offset: 0 });
      expect(totalItems).toBe(1200);
      expect(await store.getCursor(SCAFFOLDER_SOURCE)).toMatchObject({
        watermark: at(1199).toISOString(),
        passOffset: 0,
        error: undefined,
      });
    },
  );

  it('records a failed read on the cursor, so the API can say there is no data', async () => {
    const { store, scaffolder, ingester } = await setUp('SQLITE_3');
    scaffolder.failWith = new Error('connect ECONNREFUSED 127.0.0.1:7007');

    await expect(ingester().pass()).rejects.toThrow('ECONNREFUSED');

    expect(await store.getCursor(SCAFFOLDER_SOURCE)).toMatchObject({
      error: 'connect ECONNREFUSED 127.0.0.1:7007',
      failedAt: expect.any(Date),
      readAt: undefined,
    });
  });
});
