// Amount claims: each phrasing's role (total, ceiling, annual, obligated), bound and rounding tolerance.
import { describe, expect, test } from 'vitest';
import { amountTolerance, detectClaims } from '../../src/claims/index.ts';
import { compileDictionary, findMentions } from '../../src/match/index.ts';

const dict = compileDictionary([]);
const amounts = (s: string) =>
  detectClaims(s, findMentions(s, dict))
    .claims.filter((c) => c.kind === 'amount')
    .map((c) => {
      const a = c.value.amount!;
      return [s.slice(c.start, c.end), a.value, a.currency, a.role, a.bound];
    });

describe('amount phrasings', () => {
  test.each([
    ['a $30 million no-bid contract', ['$30 million', 30e6, 'USD', 'total', 'exact']],
    ['a contract worth $29.9M', ['$29.9M', 29.9e6, 'USD', 'total', 'exact']],
    ['a contract worth up to $10 billion', ['up to $10 billion', 10e9, 'USD', 'ceiling', 'exact']],
    ['a deal with a ceiling of $96.5 million', ['a ceiling of $96.5 million', 96.5e6, 'USD', 'ceiling', 'exact']],
    ['a deal with a ceiling of about $53 million', ['a ceiling of about $53 million', 53e6, 'USD', 'ceiling', 'about']],
    ['the contract could reach $1.2 billion including options', ['could reach $1.2 billion', 1.2e9, 'USD', 'ceiling', 'exact']],
    ['a contract worth $5 million a year', ['$5 million', 5e6, 'USD', 'annual', 'exact']],
    ['ICE has already paid more than $20 million under the contract', ['more than $20 million', 20e6, 'USD', 'obligated', 'atLeast']],
    ['around $2 million has been obligated under the contract', ['around $2 million', 2e6, 'USD', 'obligated', 'about']],
    ['the contract is worth nearly $30 million', ['nearly $30 million', 30e6, 'USD', 'total', 'atMost']],
    ['ein Auftrag über 30 Millionen Dollar', ['30 Millionen Dollar', 30e6, 'USD', 'total', 'exact']],
    ['ein Vertrag im Wert von 150,7 Mio. US-Dollar', ['150,7 Mio. US-Dollar', 150.7e6, 'USD', 'total', 'exact']],
    ['ein Vertrag im Wert von bis zu 1,2 Milliarden Dollar', ['bis zu 1,2 Milliarden Dollar', 1.2e9, 'USD', 'ceiling', 'exact']],
    ['der Auftrag hat einen Wert von maximal 9 Millionen Dollar', ['maximal 9 Millionen Dollar', 9e6, 'USD', 'ceiling', 'exact']],
    ['der Auftrag bringt 5 Millionen Dollar pro Jahr', ['5 Millionen Dollar', 5e6, 'USD', 'annual', 'exact']],
    ['der Auftrag hat einen Wert von rund 27 Millionen Euro', ['rund 27 Millionen Euro', 27e6, 'EUR', 'total', 'about']],
    ['der Auftrag hat einen Wert von mehr als 20 Millionen Dollar', ['mehr als 20 Millionen Dollar', 20e6, 'USD', 'total', 'atLeast']],
    ['Der Wert dieser Erweiterung: knapp 30 Millionen Dollar.', ['knapp 30 Millionen Dollar', 30e6, 'USD', 'total', 'atMost']],
  ])('%s', (s, expected) => {
    expect(amounts(s)).toEqual([expected]);
  });

  test.each([
    ['revenue', 'Palantir reported revenue of $1.1 billion, and a contract with ICE'],
    ['market value', 'Its market value passed $400 billion.'],
    ['budget', 'The agency budget of $8 billion covers every contract.'],
    ['German revenue', 'Palantir meldete einen Umsatz von 884 Millionen Dollar.'],
    ['no contract word', 'Palantir has $4 billion in cash.'],
  ])('no claim: %s', (_n, s) => {
    expect(amounts(s)).toEqual([]);
  });
});

describe('rounding tolerance', () => {
  test.each([
    ['$30 million', 30e6, 'exact', 0.5e6],
    ['$29.9M', 29.9e6, 'exact', 0.299e6],
    ['$150 million', 150e6, 'exact', 1.5e6],
    ['$10 billion', 10e9, 'exact', 0.5e9],
    ['150,7 Mio. US-Dollar', 150.7e6, 'exact', 1.507e6],
    ['$150,703,825', 150703825, 'exact', 1507038.25],
    ['rund 27 Millionen Euro', 27e6, 'about', 2.7e6],
  ] as const)('%s', (text, value, bound, tol) => {
    expect(amountTolerance(text, value, bound)).toBeCloseTo(tol, 0);
  });
});
