import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapAwardDetail as mapForIndex } from '../../src/index/api-json.ts';
import { awardDetailSources, readAwardDetail, type JsonObject, type ValueReader } from '../../src/index/award-detail.ts';
import type { FileContext } from '../../src/index/normalized-row.ts';
import { mapAwardDetail as mapForSync } from '../../src/sync/usaspending-map.ts';

const DETAIL = JSON.parse(readFileSync(new URL('../fixtures/index/api/award-detail.json', import.meta.url), 'utf8')) as JsonObject;
const KEY = 'CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730';
const CTX: FileContext = { path: 'award-detail.json', layout: 'api-award', exportGroup: 'g', datasetLabel: 'the API' };
const NO_LINKS = { vendorIdByUei: new Map<string, string>(), agencyIdByCode: new Map<string, string>() };

/** Reads raw strings and numbers only, tagging each with its kind, so the test sees which read each fact used. */
function tagging(seen: JsonObject[]) {
  return (o: JsonObject): ValueReader => {
    seen.push(o);
    const raw = (k: string) => (o[k] === null || o[k] === undefined ? undefined : String(o[k]));
    return { text: raw, amount: (k) => (raw(k) === undefined ? undefined : -1), integer: (k) => (raw(k) === undefined ? undefined : -2), date: (k) => (raw(k) ? `date:${raw(k)}` : undefined) };
  };
}

describe('readAwardDetail', () => {
  it('finds each fact at its place in the response and reads it as the right kind', () => {
    const seen: JsonObject[] = [];
    const d = readAwardDetail(DETAIL, tagging(seen));
    expect(d).toMatchObject({
      key: KEY,
      piid: '70CTD022FR0000170',
      parentPiid: 'GS35F0086U',
      category: 'contract',
      obligation: -1,
      current: -1,
      ceiling: -1,
      signed: 'date:2022-09-23',
      start: 'date:2022-09-26',
      currentEnd: 'date:2026-05-04',
      potentialEnd: 'date:2027-09-25',
      lastModified: 'date:2025-04-17 09:00:00',
      agency: { code: '070', name: 'Department of Homeland Security' },
      subAgency: { code: '7012', name: 'U.S. Immigration and Customs Enforcement' },
      recipient: { name: 'PALANTIR TECHNOLOGIES INC.', uei: 'FSY4LVSBGWB7', parentUei: 'FSY4LVSBGWB7' },
      pricing: 'FIRM FIXED PRICE',
    });
    expect(d.competition).toEqual({
      extentCompeted: { code: 'A', recorded: 'FULL AND OPEN COMPETITION' },
      solicitationProcedures: { code: 'MAFO', recorded: 'SUBJECT TO MULTIPLE AWARD FAIR OPPORTUNITY' },
      fairOpportunity: { code: 'FAIR', recorded: 'FAIR OPPORTUNITY GIVEN' },
      otherThanFullAndOpen: undefined,
      offersReceived: -2,
      solicitationId: '70CTD022Q00000180',
    });
    // The documented reading order, which the builder relies on to order its issues.
    const agency = DETAIL['awarding_agency'] as JsonObject;
    expect(seen).toEqual([DETAIL, DETAIL['period_of_performance'], DETAIL['recipient'], DETAIL['parent_award'], agency['toptier_agency'], agency['subtier_agency'], DETAIL['latest_transaction_contract_data']]);
  });

  it('reads a missing or malformed branch as no facts, never throws', () => {
    const d = readAwardDetail({ generated_unique_award_id: KEY, recipient: 'x', awarding_agency: [1], period_of_performance: null }, tagging([]));
    expect(d.key).toBe(KEY);
    expect(d.recipient).toEqual({});
    expect(d.agency).toEqual({});
    expect(d.start).toBeUndefined();
    expect(readAwardDetail('not an object', tagging([])).key).toBeUndefined();
  });

  it('falls back to the pricing code when the description is missing', () => {
    expect(readAwardDetail({ latest_transaction_contract_data: { type_of_contract_pricing: 'J' } }, tagging([])).pricing).toBe('J');
  });

  it('names the public award page first, then the API object', () => {
    expect(awardDetailSources('CONT_IDV_A/B_1')).toEqual([
      { url: 'https://www.usaspending.gov/award/CONT_IDV_A%2FB_1/', title: 'USAspending.gov award CONT_IDV_A/B_1' },
      { url: 'https://api.usaspending.gov/api/v2/awards/CONT_IDV_A%2FB_1/', title: 'USAspending API award detail' },
    ]);
  });
});

describe('the builder and sync read one detail alike', () => {
  it('carry the same facts from the same response', () => {
    const built = mapForIndex(DETAIL, 0, CTX);
    if (!('row' in built)) throw new Error(built.reject);
    const synced = mapForSync(DETAIL, NO_LINKS, '2026-11-20');
    expect(synced).toBeDefined();
    const row = built.row;
    expect(synced).toMatchObject({ generatedId: row.generatedId, piid: row.piid, parentPiid: row.parentPiid, awardClass: row.awardClass, recipientName: row.recipient.name, description: row.description, pricing: row.pricing });
    expect(synced!.values).toEqual({ obligated: row.obligation, obligatedBasis: row.obligationBasis, current: row.current, ceiling: row.ceiling });
    expect(synced!.dates).toEqual({ signed: row.signed, start: row.start, currentEnd: row.currentEnd, potentialEnd: row.potentialEnd, lastModified: row.lastModified });
    expect(synced!.competition).toEqual(Object.fromEntries(Object.entries(row.competition).filter(([, v]) => v !== undefined)));
    expect(synced!.provenance.sources.map(({ url, title }) => ({ url, title }))).toEqual(row.rowSources);
    expect(row.obligation).toBe(150703825);
    expect(row.lastModified).toBe('2025-04-17');
  });

  it('differ only in how a bad value is treated: the builder reports it, sync drops it silently', () => {
    const bad = { ...DETAIL, total_obligation: 'about a million', date_signed: '2022-02-30' };
    const built = mapForIndex(bad, 4, CTX);
    if (!('row' in built)) throw new Error(built.reject);
    expect(built.row.obligation).toBeUndefined();
    expect(built.row.line).toBe(5);
    expect(built.issues.map((i) => i.column)).toEqual(['total_obligation', 'date_signed']);
    const synced = mapForSync(bad, NO_LINKS, '2026-11-20');
    expect(synced?.values.obligated).toBeUndefined();
    expect(synced?.values.ceiling).toBe(180000000);
    // A day that does not exist is no date in either: never a guess.
    expect(built.row.signed).toBeUndefined();
    expect(synced?.dates.signed).toBeUndefined();
    expect(synced?.dates.start).toBe(built.row.start);
  });

  it('both refuse a response without a contract award id', () => {
    const noKey = { ...DETAIL, generated_unique_award_id: 'ASST_NON_1' };
    expect(mapForIndex(noKey, 0, CTX)).toMatchObject({ reject: expect.stringContaining('ASST_NON_1') });
    expect(mapForSync(noKey, NO_LINKS, '2026-11-20')).toBeUndefined();
  });
});
