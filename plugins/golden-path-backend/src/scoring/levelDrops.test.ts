import { findLevelDrops } from './levelDrops';

const LEVELS = ['bronze', 'silver', 'gold'];

describe('findLevelDrops', () => {
  it('finds entities whose level fell, including to no level', () => {
    const previous = new Map<string, string | null>([
      ['component:default/a', 'gold'],
      ['component:default/b', 'silver'],
      ['component:default/c', 'bronze'],
      ['component:default/d', null],
    ]);
    expect(
      findLevelDrops(
        previous,
        [
          { entityRef: 'component:default/a', level: 'silver' },
          { entityRef: 'component:default/b', level: 'gold' },
          { entityRef: 'component:default/c', level: null },
          { entityRef: 'component:default/d', level: 'bronze' },
          { entityRef: 'component:default/new', level: null },
        ],
        LEVELS,
      ),
    ).toEqual([
      { entityRef: 'component:default/a', from: 'gold', to: 'silver' },
      { entityRef: 'component:default/c', from: 'bronze', to: null },
    ]);
  });

  it('ignores a previous level that is no longer configured', () => {
    expect(
      findLevelDrops(
        new Map([['component:default/a', 'platinum']]),
        [{ entityRef: 'component:default/a', level: 'gold' }],
        LEVELS,
      ),
    ).toEqual([]);
  });
});
