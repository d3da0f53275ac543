import { entityApiPath } from './entityApiPath';

describe('entityApiPath', () => {
  it('joins kind, namespace and name, encoding each part', () => {
    expect(
      entityApiPath({ kind: 'Component', namespace: 'default', name: 'a b/c' }),
    ).toBe('/entities/Component/default/a%20b%2Fc');
  });
});
