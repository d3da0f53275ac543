import { goldenPathPlugin } from './plugin';

describe('golden-path', () => {
  it('should export plugin', () => {
    expect(goldenPathPlugin).toBeDefined();
  });
});
