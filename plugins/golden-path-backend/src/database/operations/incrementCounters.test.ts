import { TestDatabases } from '@backstage/backend-test-utils';
import { CounterDeltas, incrementCounters } from './incrementCounters';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'MYSQL_8'],
});

describe('incrementCounters', () => {
  it.each(databases.eachSupportedId())(
    'creates missing rows and adds to existing ones, negative deltas subtracting, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('counters_test', table => {
        table.string('week', 10).notNullable();
        table.string('team', 50).notNullable();
        table.integer('opened').notNullable().defaultTo(0);
        table.integer('resolved').notNullable().defaultTo(0);
        table.primary(['week', 'team']);
      });

      await incrementCounters(
        knex,
        'counters_test',
        ['week', 'team'],
        ['opened', 'resolved'],
        [
          { week: '2026-11-30', team: 'a', opened: 2, resolved: 1 },
          { week: '2026-11-30', team: 'b', opened: 1, resolved: 0 },
        ],
      );
      const deltas = new CounterDeltas(
        ['week', 'team'],
        ['opened', 'resolved'],
      );
      deltas.add({ week: '2026-11-30', team: 'a' }, { opened: 3 });
      deltas.add({ week: '2026-11-30', team: 'a' }, { resolved: -1 });
      deltas.add({ week: '2026-12-07', team: 'a' }, { opened: 1 });
      // Cancels out: no statement row for it.
      deltas.add({ week: '2026-12-07', team: 'c' }, { opened: 1 });
      deltas.add({ week: '2026-12-07', team: 'c' }, { opened: -1 });
      expect(deltas.changedRows()).toHaveLength(2);
      await knex.transaction(tx => deltas.apply(tx, 'counters_test'));

      const rows = await knex('counters_test').orderBy(['week', 'team']);
      expect(
        rows.map(r => [r.week, r.team, Number(r.opened), Number(r.resolved)]),
      ).toEqual([
        ['2026-11-30', 'a', 5, 0],
        ['2026-11-30', 'b', 1, 0],
        ['2026-12-07', 'a', 1, 0],
      ]);
      await knex.schema.dropTable('counters_test');
    },
  );
});
