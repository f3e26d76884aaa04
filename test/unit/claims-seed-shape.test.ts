// The founding example's shape, on our own German paragraph and a small
// in-memory index: "ohne öffentliche Ausschreibung" sits beside the
// competition facts of the ICM awards and the ImmigrationOS modification;
// "über 40 Unternehmen" beside the recorded offers, with why counts differ;
// nothing is asserted that the index does not hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { textReport } from '../../src/cli/text-report.ts';
import { annotate } from '../../src/report/annotate.ts';
import type { Claim, Report } from '../../src/report/types.ts';
import { CLAIMS_DIR } from '../fixtures/claims/score.ts';
import { claimsEngine, ICM, IDV, IOS, IOS_MOD, LAKEHOUSE, ORDER, REPORT_URL, USA_IDV, USA_ORDER } from '../fixtures/claims/index.ts';

let report: Report;
const claim = (text: string): Claim => {
  const c = report.claims.find((x) => x.text === text);
  if (!c) throw new Error(`no claim "${text}" in ${JSON.stringify(report.claims.map((x) => x.text))}`);
  return c;
};

beforeAll(async () => {
  report = await annotate(readFileSync(join(CLAIMS_DIR, 'de-icm.txt'), 'utf8'), claimsEngine(), undefined, new Date('2026-11-29T00:00:00Z'));
});

test('"ohne öffentliche Ausschreibung" sits beside the competition facts of ICM and ImmigrationOS', () => {
  const c = claim('ohne öffentliche Ausschreibung');
  expect(c.kind).toBe('competition');
  expect(c.value).toEqual({ competed: false });
  expect(c.refersTo).toEqual([ICM, LAKEHOUSE, IOS]);
  expect(c.scope).toBe('document');
  expect(c.recordFacts?.map((f) => [f.recordId, f.field, f.match, f.tier])).toEqual([
    [ORDER, 'competition', 'other', 'primary'],
    [IDV, 'competition', 'other', 'primary'],
    [IOS_MOD, 'modifications[].note', 'context', 'reported'],
  ]);
  expect(c.verdict).toBe('differs');
  expect(c.sources).toEqual([USA_ORDER, USA_IDV, REPORT_URL]);
  expect(c.explanation?.de).toContain('7 Angebote');
  expect(c.explanation?.de).toContain('keinen Vergabedatensatz für ICE Enterprise Lakehouse');
  expect(c.explanation?.en).toContain('a competed award can still draw a single offer');
});

test('"über 40 Unternehmen" sits beside the recorded offers, with why the numbers can differ', () => {
  const c = claim('über 40 Unternehmen');
  expect(c.value).toEqual({ count: { n: 40, bound: 'atLeast' } });
  expect(c.recordFacts?.map((f) => [f.record, f.value, f.match])).toEqual([
    ['70CTD022FR0000170', 1, 'other'],
    ['HSCETC14C00002', 7, 'other'],
  ]);
  expect(c.verdict).toBe('differs');
  expect(c.explanation?.en).toMatch(/sources-sought notice .* are not offers on the award/);
  expect(c.explanation?.de).toMatch(/Markterkundung .* keine Angebote auf den Auftrag/);
});

test('the modification claims compare with the reported ImmigrationOS modification and keep its tier', () => {
  const amount = claim('30 Millionen Dollar');
  expect(amount.verdict).toBe('consistent');
  expect(amount.recordFacts?.find((f) => f.match === 'same')).toMatchObject({ recordId: IOS_MOD, value: 29_800_000, tier: 'reported' });
  expect(amount.explanation?.en).toContain('[reported, not a government record]');
  expect(claim('per Änderung').verdict).toBe('consistent');
  expect(claim('im April 2025').verdict).toBe('consistent');
});

test('revenue and users are not claims', () => {
  expect(report.claims.map((c) => c.text)).toEqual(['ohne öffentliche Ausschreibung', 'über 40 Unternehmen', 'per Änderung', 'im April 2025', '30 Millionen Dollar']);
});

test('the text report shows the claims beside the record', () => {
  const out = textReport(report);
  expect(out).toContain('Claims beside the record:');
  expect(out).toContain('“über 40 Unternehmen” [bidders] — the record shows something else');
  expect(out).toContain('≠ HSCETC14C00002: 7 offers received (government record)');
});
