import { inputValue } from './inputValue';

describe('inputValue', () => {
  it.each([
    [undefined, null],
    [null, null],
    ['production', 'production'],
    [42, 42],
    [false, false],
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    [[{ url: 'x' }], '1 item'],
    [Array.from({ length: 11 }, () => 't'), '11 items'],
    [{ url: 'x', title: 'y' }, '2 fields'],
    ['x'.repeat(250), `${'x'.repeat(200)}…`],
  ])('stores %p as %p', (value, stored) => {
    expect(inputValue(value)).toEqual(stored);
  });
});
