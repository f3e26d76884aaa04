import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Mention } from '../../src/report/types.ts';
import { compileDictionary, findMentions } from '../../src/match/index.ts';
import { DHS, GEO, ICE, ICM, IOS, LAKEHOUSE, MAVEN, PALANTIR, TEST_ALIASES } from '../fixtures/match/aliases.ts';

const dict = compileDictionary(TEST_ALIASES);
const spans = (text: string): Array<[string, string | null]> => findMentions(text, dict).map((m) => [m.text, m.id]);

describe('company, agency and program names', () => {
  test.each([
    ['plain', 'Palantir won.', [['Palantir', PALANTIR]]],
    ['longest alias wins', 'Palantir Technologies won.', [['Palantir Technologies', PALANTIR]]],
    ['legal suffix Inc.', 'Palantir Technologies Inc. won.', [['Palantir Technologies Inc.', PALANTIR]]],
    ['legal suffix, comma', 'Palantir Technologies, Inc. won.', [['Palantir Technologies, Inc.', PALANTIR]]],
    ['legal suffix LLC', 'Palantir LLC and Palantir Corp. and Palantir GmbH', [['Palantir LLC', PALANTIR], ['Palantir Corp.', PALANTIR], ['Palantir GmbH', PALANTIR]]],
    ['legal suffix L.L.C.', 'Palantir L.L.C. won', [['Palantir L.L.C.', PALANTIR]]],
    ['no suffix on an ordinary word', 'Palantir Cooperation grew', [['Palantir', PALANTIR]]],
    ['German genitive', 'Palantirs Software', [['Palantirs', PALANTIR]]],
    ['English possessive', "Palantir's software", [["Palantir's", PALANTIR]]],
    ['typographic possessive', 'Palantir’s software', [['Palantir’s', PALANTIR]]],
    ['hyphenated compound', 'der Palantir-Vertrag', [['Palantir', PALANTIR]]],
    ['case-insensitive name', 'PALANTIR and palantir', [['PALANTIR', PALANTIR], ['palantir', PALANTIR]]],
    ['not inside another word', 'Palantirvertrag, Superpalantir', []],
    ['no acronym inside a longer word', 'ICEMAN signed a deportation contract; GEOGRAPHY of detention; DHSX', []],
    ['acronym plural and possessive', "DHS's budget and the DHSs", [["DHS's", DHS], ['DHSs', DHS]]],
    ['upper-case suffix is another acronym', 'DHSS budget', []],
    ['declined German agency', 'ein Sprecher des Heimatschutzministeriums', [['Heimatschutzministeriums', DHS]]],
    ['German agency with article', 'Laut der US-Einwanderungsbehörde', [['US-Einwanderungsbehörde', ICE]]],
    ['German agency, spelled ue', 'Laut der US-Einwanderungsbehoerde', [['US-Einwanderungsbehoerde', ICE]]],
    ['German agency, space instead of hyphen', 'Laut der US Einwanderungsbehörde', [['US Einwanderungsbehörde', ICE]]],
    ['German suspended hyphen', 'die Einwanderungs- und Zollbehörde', [['Einwanderungs- und Zollbehörde', ICE]]],
    ['U.S.', 'the U.S. Immigration and Customs Enforcement', [['U.S. Immigration and Customs Enforcement', ICE]]],
    ['U. S.', 'the U. S. Immigration and Customs Enforcement', [['U. S. Immigration and Customs Enforcement', ICE]]],
    ['US', 'the US Immigration and Customs Enforcement', [['US Immigration and Customs Enforcement', ICE]]],
    ['without US', 'Immigration and Customs Enforcement said', [['Immigration and Customs Enforcement', ICE]]],
    ['line-wrapped name', 'Immigration and Customs\nEnforcement', [['Immigration and Customs\nEnforcement', ICE]]],
    ['case-sensitive program acronym', 'ICM and Icm and icm', [['ICM', ICM]]],
    ['line-break hyphenation', 'mit Immigra-\ntionOS', [['Immigra-\ntionOS', IOS]]],
    ['soft hyphens', 'mit Immi\u00ADgra\u00ADtionOS.', [['Immi\u00ADgra\u00ADtionOS', IOS]]],
    ['longer program beats agency acronym', 'the ICE Enterprise Lakehouse', [['ICE Enterprise Lakehouse', LAKEHOUSE]]],
    ['GEO Group needs no context', 'GEO Group shares rose.', [['GEO Group', GEO]]],
    ['Maven Smart System needs no context', 'Maven Smart System expanded.', [['Maven Smart System', MAVEN]]],
    ['no match across a blank line', 'Immigration and\n\nCustoms Enforcement', []],
    ['nothing in unrelated text', 'Nice weather today; iced tea for everyone.', []],
  ])('%s', (_name, text, want) => expect(spans(text)).toEqual(want));
});

describe('a German and an English paragraph', () => {
  const de = 'Die US-Einwanderungsbehörde ICE zahlt Palantir rund 30 Mio. US-Dollar für ImmigrationOS (Auftrag 70CTD022FR0000170).';
  const en = 'Separately, ICE extended Palantir Technologies Inc.’s ICM contract, order HSCETC-13-F-00030, by $29.9M.';
  const text = `${de}\n\n${en}`;
  const resolver = (p: string): string | null => (p === 'HSCETC13F00030' ? 'award:HSCETC13F00030' : null);
  const ms = findMentions(text, dict, { piidResolver: resolver });

  test('finds every mention, in order', () => {
    expect(ms.map((m) => [m.kind, m.text])).toEqual([
      ['agency', 'US-Einwanderungsbehörde'],
      ['agency', 'ICE'],
      ['company', 'Palantir'],
      ['amount', '30 Mio. US-Dollar'],
      ['program', 'ImmigrationOS'],
      ['contract_id', '70CTD022FR0000170'],
      ['agency', 'ICE'],
      ['company', 'Palantir Technologies Inc.'],
      ['program', 'ICM'],
      ['contract_id', 'HSCETC-13-F-00030'],
      ['amount', '$29.9M'],
    ]);
  });

  test('ids, amounts and offsets', () => {
    expect(ms.map((m) => m.id)).toEqual([ICE, ICE, PALANTIR, null, IOS, null, ICE, PALANTIR, ICM, 'award:HSCETC13F00030', null]);
    expect(ms.find((m) => m.kind === 'amount')?.amount).toEqual({ value: 30e6, currency: 'USD' });
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ms[6]!.start).toBeGreaterThan(de.length);
  });

  test('every mention has a reason and a confidence within range', () => {
    for (const m of ms) {
      expect(m.confidence).toBeGreaterThanOrEqual(0.6);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(m.reason.explanation.length).toBeGreaterThan(10);
    }
  });
});

describe('threshold', () => {
  test.each([
    [0.6, ['Palantir']],
    [0, ['ICE', 'Palantir']],
    [0.99, []],
  ])('threshold %d', (threshold, want) => {
    const ms = findMentions('ICE?\n\nPalantir!', dict, { threshold });
    expect(ms.map((m) => m.text)).toEqual(want);
  });
});

// Random text mixing aliases with emoji, combining marks, RTL, zero-width and
// soft hyphens, blank lines and hyphenation breaks.
const PIECES = [
  'Palantir', 'Palantirs', 'ICE', 'ice', 'US-Einwanderungsbehörde', 'U.S. ', 'Immigration and Customs Enforcement', 'ImmigrationOS',
  'Immigra-\ntionOS', 'HSCETC-13-F-00030', '$30 million', '1,2 Milliarden US-Dollar', 'Vertrag', 'contract', 'hockey', 'GEO', 'Maven',
  '🧊', '👩🏽‍💻', 'e\u0301', 'U\u0308', '\u05E9\u05DC\u05D5\u05DD', '\u0645\u0631\u062D\u0628\u0627', '\u200B', '\u200F', '\u00AD', '\uFEFF',
  '\u00A0', ' ', ' ', ' ', '\n', '\n\n', '-', '’s', 's', '.', ',', '„', '“', 'ß', 'ﬁ', '\uD800', 'x', '7',
];

function checkInvariants(text: string, ms: Mention[], minConfidence = 0.6): void {
  let prevEnd = 0;
  for (const m of ms) {
    expect(m.start).toBeGreaterThanOrEqual(prevEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.confidence).toBeGreaterThanOrEqual(minConfidence);
    expect(m.confidence).toBeLessThanOrEqual(1);
    // Never cut a surrogate pair or a blank line.
    expect(m.text.includes('\n\n')).toBe(false);
    const c = text.charCodeAt(m.start);
    expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
    prevEnd = m.end;
  }
}

describe('properties', () => {
  test('offsets map back exactly on random mixed-script text (seeded)', () => {
    let seed = 12345;
    const rnd = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    let total = 0;
    for (let run = 0; run < 300; run++) {
      let text = '';
      for (let k = 0, n = 5 + rnd(40); k < n; k++) text += PIECES[rnd(PIECES.length)];
      const ms = findMentions(text, dict, { piidResolver: () => null });
      checkInvariants(text, ms);
      total += ms.length;
    }
    // The generator must actually produce mentions, or the property is vacuous.
    expect(total).toBeGreaterThan(100);
  });

  test('offsets map back exactly on arbitrary Unicode (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        checkInvariants(text, findMentions(text, dict, { threshold: 0 }), 0);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('inserting invisible characters inside a name does not lose it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.constantFrom('\u00AD', '\u200B', '\u200D', '\u2060'), (at, inv) => {
        const name = 'Palantir'.slice(0, at) + inv + 'Palantir'.slice(at);
        const text = `Heute: ${name} gewinnt.`;
        const ms = findMentions(text, dict);
        expect(ms.map((m) => m.text)).toEqual([name]);
      }),
      { numRuns: 50, seed: 3 },
    );
  });
});
