import { describe, expect, test } from 'vitest';
import { compileDictionary, findMentions } from '../../src/match/index.ts';
import { findPiids, normalizePiid } from '../../src/match/piid.ts';
import { normalizeText } from '../../src/text/normalize.ts';

const found = (text: string): string[] => findPiids(normalizeText(text).cased).map((h) => h.normalized);

describe('normalizePiid', () => {
  test.each([
    ['HSCETC-13-F-00030', 'HSCETC13F00030'],
    ['hscetc-13-f-00030', 'HSCETC13F00030'],
    [' GS-35F-0086U ', 'GS35F0086U'],
    ['W519TC–25–D–0039', 'W519TC25D0039'],
    ['70CTD022FR0000170', '70CTD022FR0000170'],
    ['CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730', 'CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730'],
    ['cont_idv_hscetc13d00001_7012', 'CONT_IDV_HSCETC13D00001_7012'],
  ])('%s -> %s', (input, want) => expect(normalizePiid(input)).toBe(want));
});

describe('findPiids: identifiers', () => {
  test.each([
    ['civilian PIID', 'Der Auftrag HSCETC14C00002 lief aus.', ['HSCETC14C00002']],
    ['dashed civilian PIID', 'under order HSCETC-13-F-00030, ICE', ['HSCETC13F00030']],
    ['two-letter type', 'the order 70CTD022FR0000170.', ['70CTD022FR0000170']],
    ['DoD 13-char', 'contract W519TC25D0039 was', ['W519TC25D0039']],
    ['Air Force', '(FA880621C0010)', ['FA880621C0010']],
    ['alphanumeric serial', 'order W9128Z26FA001 today', ['W9128Z26FA001']],
    ['GSA schedule', 'via GS35F0086U.', ['GS35F0086U']],
    ['dashed GSA schedule', 'via GS-35F-0086U.', ['GS35F0086U']],
    ['USAspending award id', 'see CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730 online', ['CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730']],
    ['USAspending award id with -NONE-', 'CONT_AWD_HSCETC14C00002_7012_-NONE-_-NONE-', ['CONT_AWD_HSCETC14C00002_7012_-NONE-_-NONE-']],
    ['USAspending IDV', 'CONT_IDV_HSCETC13D00001_7012', ['CONT_IDV_HSCETC13D00001_7012']],
    ['solicitation Q', 'Ausschreibung HSCETC-13-Q-00055:', ['HSCETC13Q00055']],
    ['solicitation R', 'RFP 70CDCR19R00000002', ['70CDCR19R00000002']],
    ['Army solicitation', 'W56KGY-16-R-0001', ['W56KGY16R0001']],
    ['numeric-led office', 'NIH 75D301-22-R-72452', ['75D30122R72452']],
    ['typographic dashes', 'HSCETC‑13‑F‑00030', ['HSCETC13F00030']],
    ['two in one sentence', 'HSCETC14C00002 and W519TC25D0039', ['HSCETC14C00002', 'W519TC25D0039']],
  ])('%s', (_name, text, want) => expect(found(text)).toEqual(want));
});

describe('findPiids: not identifiers', () => {
  test.each([
    ['ordinary words', 'Palantir signed a contract with the agency'],
    ['years and numbers', 'In 2024 about 150,703,825 dollars; 30 Millionen'],
    ['phone number', 'Call +1 202-555-0143 or 030 1234567'],
    ['ISBN', 'ISBN 978-3-16-148410-0'],
    ['product codes', 'COVID19, MP3, A320, F35, SHA256, B0C1234567'],
    ['dates', '2023-10-05 and 05.10.2023'],
    ['lower case lookalike', 'file hscetc14c00002.txt'],
    ['inside a longer token', 'XHSCETC14C00002, HSCETC14C00002abc, HSCETC14C00002_v2'],
    ['all letters', 'ABCDEFGHIJKLMNOP'],
    ['serial without digits', 'ABCDEF12CXYZW'],
    ['office without letters', '12345612C00002'],
    ['GS pay grade', 'a GS-15 employee'],
    ['hex hash', 'commit 5f3a2b9c8d7e1f00'],
  ])('%s', (_name, text) => expect(found(text)).toEqual([]));
});

describe('contract_id mentions', () => {
  const dict = compileDictionary([]);
  const index = new Map([
    ['HSCETC13F00030', 'award:HSCETC13F00030'],
    ['CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730', 'award:70CTD022FR0000170'],
    ['HSCETC14C00002', 'award:HSCETC14C00002'],
  ]);
  const resolver = (p: string): string | null => index.get(p) ?? null;

  test.each([
    ['resolved dashed form', 'Order HSCETC-13-F-00030 was extended.', 'HSCETC-13-F-00030', 'award:HSCETC13F00030'],
    ['resolved USAspending id', 'Id: CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730.', 'CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730', 'award:70CTD022FR0000170'],
    ['USAspending id resolved through its embedded PIID', 'CONT_AWD_HSCETC14C00002_7012_-NONE-_-NONE-', 'CONT_AWD_HSCETC14C00002_7012_-NONE-_-NONE-', 'award:HSCETC14C00002'],
    ['unresolved', 'Order W519TC25D0039 is new.', 'W519TC25D0039', null],
  ])('%s', (_name, text, span, id) => {
    const ms = findMentions(text, dict, { piidResolver: resolver });
    expect(ms).toHaveLength(1);
    const m = ms[0]!;
    expect(m.kind).toBe('contract_id');
    expect(m.text).toBe(span);
    expect(m.id).toBe(id);
    expect(m.reason.rule).toBe('piid');
    expect(m.confidence).toBeGreaterThan(id === null ? 0.6 : 0.95);
    if (id === null) expect(m.confidence).toBeLessThan(0.95);
  });

  test('the resolver receives the normalised PIID', () => {
    const seen: string[] = [];
    findMentions('Auftrag hscetc-13-f-00030 und HSCETC-13-F-00030', dict, { piidResolver: (p) => (seen.push(p), null) });
    expect(seen).toEqual(['HSCETC13F00030']);
  });

  test('works without a resolver', () => {
    expect(findMentions('HSCETC14C00002', dict).map((m) => m.id)).toEqual([null]);
  });
});
