import { describe, expect, it } from 'vitest';
import { AWARD_SUMMARY_COLUMNS } from '../../src/index/columns-award-summary.ts';
import { TRANSACTION_2018_COLUMNS } from '../../src/index/columns-2018.ts';
import { codeFromText, coded, COMPETITION_CODES } from '../../src/index/competition-codes.ts';
import { detectCsvLayout, detectJsonKind } from '../../src/index/layout-detect.ts';

describe('layout detection', () => {
  it('recognises the 2018 transactions header', () => {
    expect(detectCsvLayout([...TRANSACTION_2018_COLUMNS])).toEqual({ layout: 'transactions-2018', hasHeader: true });
  });
  it('recognises a headerless 2018 file by its 259 columns', () => {
    const row = new Array(259).fill('x');
    row[0] = 'HSCETC14C00002';
    expect(detectCsvLayout(row)).toEqual({ layout: 'transactions-2018', hasHeader: false });
  });
  it('recognises an award-summary header, including a subset with source_url', () => {
    const subset = ['contract_award_unique_key', 'award_id_piid', 'recipient_name', 'total_obligated_amount', 'source_url'];
    const d = detectCsvLayout(subset);
    expect(d.layout).toBe('award-summary');
    expect(detectCsvLayout([...AWARD_SUMMARY_COLUMNS]).layout).toBe('award-summary');
  });
  it('reads a headerless award summary by its 286 columns', () => {
    const d = detectCsvLayout(new Array(AWARD_SUMMARY_COLUMNS.length).fill('v'));
    expect(d).toMatchObject({ layout: 'award-summary', hasHeader: false });
  });
  it('refuses a file it does not know, with a reason', () => {
    const d = detectCsvLayout(['a', 'b', 'c']);
    expect(d.layout).toBe('unknown');
    const reordered = [...TRANSACTION_2018_COLUMNS].reverse();
    expect(detectCsvLayout(reordered).layout).toBe('unknown');
  });
  it('classifies JSON inputs', () => {
    expect(detectJsonKind({ results: [] })).toBe('api-search');
    expect(detectJsonKind({ generated_unique_award_id: 'CONT_AWD_X_7012_-NONE-_-NONE-' })).toBe('api-award');
    expect(detectJsonKind({ sources: {}, vendors: [], agencies: [], programs: [] })).toBe('curated');
    expect(detectJsonKind({ hello: 1 })).toBe('unknown');
  });
});

describe('competition codes', () => {
  it('explains every code in English and German', () => {
    for (const table of Object.values(COMPETITION_CODES)) {
      for (const [code, m] of Object.entries(table)) {
        expect(m.en, code).toMatch(/\w/);
        expect(m.de, code).toMatch(/\w/);
        expect(m.de).not.toBe(m.en);
      }
    }
    expect(COMPETITION_CODES.extentCompeted['A']).toEqual({ en: 'full and open competition', de: 'vollständiger und offener Wettbewerb' });
    for (const c of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'CDO', 'NDO']) expect(COMPETITION_CODES.extentCompeted[c]).toBeDefined();
    for (const c of ['NP', 'SB', 'TS', 'SP1', 'AE', 'BR', 'AS', 'SSS', 'MAFO']) expect(COMPETITION_CODES.solicitationProcedures[c]).toBeDefined();
    for (const c of ['URG', 'ONE', 'FOO', 'MG', 'OSA', 'FAIR', 'CSA']) expect(COMPETITION_CODES.fairOpportunity[c]).toBeDefined();
  });

  it.each([
    ['extentCompeted', 'FULL AND OPEN COMPETITION', 'A'],
    ['extentCompeted', 'NOT COMPETED', 'C'],
    ['extentCompeted', 'not competed', 'C'],
    ['otherThanFullAndOpen', 'FAR 6.302-1 (only one responsible source)', 'ONE'],
    ['otherThanFullAndOpen', 'FAR 6.302-2 unusual and compelling urgency (J&A-21-0066)', 'URG'],
    ['otherThanFullAndOpen', 'unusual and compelling urgency (HHS CARES Act class J&A)', 'URG'],
    ['otherThanFullAndOpen', 'SBIR Phase III (noncompetitive)', undefined],
    ['fairOpportunity', 'ONLY ONE SOURCE (unique or highly specialized supplies/services)', undefined],
  ] as const)('%s text "%s" → %s', (field, text, code) => {
    expect(codeFromText(field, text)).toBe(code);
  });

  it('keeps the recorded text and an empty code when text cannot be mapped', () => {
    expect(coded('otherThanFullAndOpen', undefined, 'SBIR Phase III (noncompetitive)')).toEqual({ code: '', recorded: 'SBIR Phase III (noncompetitive)' });
    expect(coded('extentCompeted', 'A', 'FULL AND OPEN COMPETITION')).toEqual({ code: 'A', recorded: 'FULL AND OPEN COMPETITION' });
    expect(coded('extentCompeted', undefined, undefined)).toBeUndefined();
  });
});
