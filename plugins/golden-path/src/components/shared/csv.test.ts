import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and a line per row, quoting only where needed', () => {
    expect(
      toCsv(
        ['team', 'nps', 'withheld', 'comment'],
        [
          ['group:default/payments', 40, false, 'Fast, mostly'],
          ['unassigned', undefined, true, 'Say "please"\nthen wait'],
        ],
      ),
    ).toBe(
      'team,nps,withheld,comment\n' +
        'group:default/payments,40,false,"Fast, mostly"\n' +
        'unassigned,,true,"Say ""please""\nthen wait"\n',
    );
  });
});
