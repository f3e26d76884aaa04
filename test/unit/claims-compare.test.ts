// Verdict rules: bounds, roles, currency, vendor-only scope, and that every
// fact shown beside a claim is copied from an index record.
import { describe, expect, test } from 'vitest';
import { compareClaim, withinBound } from '../../src/claims/compare.ts';
import type { Targets } from '../../src/claims/resolve.ts';
import type { AwardRecord } from '../../src/model/types.ts';
import type { ClaimValue } from '../../src/report/types.ts';
import { RECORDS, ACME_C, ACME_ORDER, IDV, ORDER } from '../fixtures/claims/index.ts';

const award = (id: string) => RECORDS.find((r) => r.id === id) as AwardRecord;
const targets = (ids: string[], scope: Targets['scope'] = 'sentence', mods = false): Targets => {
  const awards = ids.map(award);
  return {
    scope,
    refersTo: ids,
    awards,
    mods: mods ? awards.flatMap((a) => a.modifications.map((mod) => ({ award: a, mod }))) : [],
    noAward: [],
  };
};
const amount = (value: number, role: 'total' | 'ceiling' | 'annual' | 'obligated' = 'total', currency = 'USD', tolerance = value * 0.01): ClaimValue => ({
  amount: { value, currency, role, bound: 'exact', tolerance },
});

describe('withinBound', () => {
  test.each([
    [29.8, 30, 'exact', 0.5, true],
    [29.4, 30, 'exact', 0.5, false],
    [60, 50, 'atLeast', 0, true],
    [7, 50, 'atLeast', 0, false],
    [29.8, 30, 'atMost', 0, true],
    [31, 30, 'atMost', 0, false],
    [33, 30, 'about', 3, true],
  ] as const)('%s vs %s %s ±%s', (actual, claimed, bound, tol, ok) => {
    expect(withinBound(actual, claimed, bound, tol)).toBe(ok);
  });
});

describe('verdicts', () => {
  test('amount matching the current value is consistent; the other values are shown as other', () => {
    const c = compareClaim('amount', amount(30e6), targets([ACME_C]));
    expect(c.verdict).toBe('consistent');
    expect(c.facts.map((f) => [f.field, f.match])).toEqual([['values.obligated', 'other'], ['values.current', 'same'], ['values.ceiling', 'other']]);
  });

  test('a ceiling claim is compared with the ceiling only', () => {
    const c = compareClaim('amount', amount(100e6, 'ceiling'), targets([ACME_C]));
    expect(c.verdict).toBe('differs');
    expect(c.facts.filter((f) => f.match !== 'context').map((f) => f.field)).toEqual(['values.ceiling']);
  });

  test('a ceiling claim against a record without a ceiling is not_in_record', () => {
    expect(compareClaim('amount', amount(9e6, 'ceiling'), targets([ACME_ORDER])).verdict).toBe('not_in_record');
  });

  test('euros are not converted: no verdict, the dollar values shown for context', () => {
    const c = compareClaim('amount', amount(27e6, 'total', 'EUR'), targets([ACME_C]));
    expect(c.verdict).toBe('not_in_record');
    expect(c.reason).toBe('currency');
    expect(c.facts.every((f) => f.match === 'context')).toBe(true);
  });

  test('a yearly amount is not compared with totals', () => {
    expect(compareClaim('amount', amount(5e6, 'annual'), targets([ACME_C])).reason).toBe('annual');
  });

  test('a reported modification value is compared and keeps its tier', () => {
    const c = compareClaim('amount', amount(30e6, 'total', 'USD', 0.5e6), targets([ORDER], 'sentence', true));
    const same = c.facts.filter((f) => f.match === 'same');
    expect(c.verdict).toBe('consistent');
    expect(same.map((f) => [f.field, f.value, f.tier])).toEqual([['modifications[].note', 29.8e6, 'reported']]);
  });

  test('no-bid against a full-and-open award differs; against a not-competed one is consistent', () => {
    expect(compareClaim('competition', { competed: false }, targets([IDV])).verdict).toBe('differs');
    expect(compareClaim('competition', { competed: false }, targets([ACME_C])).verdict).toBe('consistent');
    expect(compareClaim('competition', { competed: true }, targets([ACME_ORDER])).verdict).toBe('consistent');
  });

  test('a follow-on (code E) is neither competed nor not: shown for context only', () => {
    const e = { ...award(IDV), competition: { extentCompeted: { code: 'E' } } };
    const t: Targets = { scope: 'sentence', refersTo: [e.id], awards: [e], mods: [], noAward: [] };
    const c = compareClaim('competition', { competed: false }, t);
    expect(c.verdict).toBe('not_in_record');
    expect(c.facts.map((f) => f.match)).toEqual(['context']);
    expect(compareClaim('relation', { relation: 'follow-on' }, t).verdict).toBe('consistent');
  });

  test('bidders: more than 50 against 7 and 1 offers differs; the only bidder against 1 offer is consistent', () => {
    expect(compareClaim('bidders', { count: { n: 50, bound: 'atLeast' } }, targets([ORDER, IDV])).verdict).toBe('differs');
    expect(compareClaim('bidders', { count: { n: 1, bound: 'exact' } }, targets([ORDER])).verdict).toBe('consistent');
  });

  test('dates: missing start date gives not_in_record with the caveat shown', () => {
    const c = compareClaim('date', { date: { year: 2014, since: true } }, targets([IDV]));
    expect(c.verdict).toBe('not_in_record');
    expect(c.facts.map((f) => f.field)).toEqual(['caveats']);
  });

  test('duration: a current end shorter than the claim is context, a potential end is compared', () => {
    expect(compareClaim('duration', { years: 5 }, targets([ORDER])).verdict).toBe('not_in_record');
    expect(compareClaim('duration', { years: 5 }, targets([ACME_C])).verdict).toBe('consistent');
    expect(compareClaim('duration', { years: 2 }, targets([ACME_C])).verdict).toBe('differs');
  });

  test('with only a vendor\'s awards to search, a mismatch is not_in_record, never differs', () => {
    const c = compareClaim('amount', amount(77e6), targets([ACME_C, ACME_ORDER], 'vendor'));
    expect(c.verdict).toBe('not_in_record');
    expect(c.facts.every((f) => f.match === 'context')).toBe(true);
  });

  test('task order: an order under a vehicle is consistent, an IDV differs', () => {
    expect(compareClaim('relation', { relation: 'task-order' }, targets([ORDER])).verdict).toBe('consistent');
    expect(compareClaim('relation', { relation: 'task-order' }, targets([IDV])).verdict).toBe('differs');
  });
});
