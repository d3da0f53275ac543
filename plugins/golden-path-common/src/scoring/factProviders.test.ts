import { factProvidersOf, predicateFields } from './factProviders';

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

describe('predicateFields', () => {
  it('lists the paths a predicate reads, in order, once each', () => {
    expect(
      predicateFields({
        $all: [
          { 'spec.lifecycle': 'production', 'facts.ci.coverage': 1 },
          { $not: { 'spec.lifecycle': 'experimental' } },
          // Item paths inside $contains are not entity paths.
          { relations: { $contains: { type: 'ownedBy' } } },
        ],
      }),
    ).toEqual(['spec.lifecycle', 'facts.ci.coverage', 'relations']);
  });
});
