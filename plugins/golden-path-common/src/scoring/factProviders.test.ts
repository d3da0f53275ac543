import { factProvidersOf } from './factProviders';

describe('factProvidersOf', () => {
  it('finds providers at any depth of $all, $any and $not', () => {
    expect(
      factProvidersOf({
        $all: [
          { 'facts.sonarqube.coverage': { $exists: true } },
          {
            $any: [
              { 'facts.github.hasCodeowners': true },
              { kind: 'component' },
            ],
          },
          { $not: { 'facts.sonarqube.bugs': 0 } },
        ],
      }),
    ).toEqual(['github', 'sonarqube']);
  });

  it('finds none in a predicate over catalog data only', () => {
    expect(factProvidersOf({ 'spec.owner': { $hasPrefix: 'group:' } })).toEqual(
      [],
    );
  });
});
