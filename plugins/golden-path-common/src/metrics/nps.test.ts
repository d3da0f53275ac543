import { npsCategory, npsFromDistribution, npsOf } from './nps';

describe('NPS', () => {
  it('counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('is % promoters minus % detractors', () => {
    // 5 promoters, 3 passives, 2 detractors of 10: 50% - 20% = 30
    expect(npsOf([10, 9, 9, 10, 9, 8, 7, 7, 3, 0])).toEqual({
      responses: 10,
      promoters: 5,
      passives: 3,
      detractors: 2,
      score: 30,
    });
  });

  it('has no score without responses, rather than zero', () => {
    const figures = npsOf([]);
    expect(figures.responses).toBe(0);
    expect(figures.score).toBeUndefined();
  });

  it('is zero, not missing, when every respondent is passive', () => {
    expect(npsOf([7, 8, 8]).score).toBe(0);
  });

  it('spans -100 to 100', () => {
    expect(npsOf([0, 1, 2]).score).toBe(-100);
    expect(npsOf([9, 10]).score).toBe(100);
  });

  it('reads a distribution the same as the answers it counts', () => {
    const answers = [0, 3, 7, 8, 9, 9, 10, 10, 10];
    const distribution = new Array(11).fill(0);
    answers.forEach(a => (distribution[a] += 1));
    expect(npsFromDistribution(distribution)).toEqual(npsOf(answers));
  });

  it('refuses answers outside 0..10 and malformed distributions', () => {
    expect(() => npsOf([11])).toThrow(
      'an NPS answer is an integer 0..10, got 11',
    );
    expect(() => npsOf([7.5])).toThrow('got 7.5');
    expect(() => npsFromDistribution([1, 2])).toThrow('got 2');
  });
});
