// Property-based tests of the normaliser and the matcher on random strings
// (issue 8): any UTF-16 input, including lone surrogates, RTL and direction
// overrides, emoji sequences, combining marks, zero-width characters, very
// long words and the bundled index's own names. Properties: nothing throws;
// every offset is in bounds; every mention's text is exactly its slice of the
// input; the offset maps of the normaliser are ordered and in bounds.
//
// Size: RECEIPTS_FUZZ_RUNS sets the runs per property (default 150; the full
// run is RECEIPTS_FUZZ_RUNS=3000, 20×). Seeds are fixed.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { openIndex } from '../../src/cli/load-index.ts';
import { findAmounts, findMentions, findPiids, normalizeText, type CompiledDictionary } from '../../src/match/index.ts';
import { splitBlocks } from '../../src/text/blocks.ts';
import { tokenize } from '../../src/text/tokens.ts';

const RUNS = Number(process.env.RECEIPTS_FUZZ_RUNS ?? 150);

let dict: CompiledDictionary;
beforeAll(async () => {
  dict = (await openIndex()).dictionary;
});

const NAMES = [
  'Palantir', 'ICE', 'US-Einwanderungsbehörde', 'Immigration and Customs Enforcement', 'ImmigrationOS', 'FALCON',
  'GEO Group', 'U.S. ', 'L.L.C.', '70CTD022FR0000170', 'HSCETC-14-C-00002', 'CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730',
  '$30 million', '1,2 Milliarden US-Dollar', '€ 4,5 Mio.', 'Immigra-\ntionOS', 'Vertrag', 'contract',
];
const ODD = [
  '\u202E', '\u202D', '\u2066', '\u2069', '\u200F', '\u061C', '\u05E9\u05DC\u05D5\u05DD', '\u0645\u0631\u062D\u0628\u0627',
  '👩🏽‍💻', '🇩🇪', '\uD83D', '\uDE00', 'e\u0301', 'U\u0308', '\u0308\u0308', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u00AD',
  '\u00A0', '\u2029', '\u2028', '\r\n', '\n\n', 'ß', 'ẞ', 'ﬃ', 'Ａ', '𝐏', 'İ', 'ǅ', '\u0000', '\uFFFF',
];
const longWord = fc.tuple(fc.constantFrom('a', 'Ä', 'ﬃ', '🧊', '-', '.', '9'), fc.integer({ min: 100, max: 20_000 })).map(([c, n]) => c.repeat(n));
const text = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
      { weight: 4, arbitrary: fc.constantFrom(...ODD) },
      { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '\n', '-', '.', ',', "'") },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
      { weight: 1, arbitrary: longWord },
    ),
    { maxLength: 40 },
  )
  .map((p) => p.join(''));

const counts = { normalised: 0, matched: 0, mentions: 0 };

describe(`fuzz: normaliser and matcher on random strings (${RUNS} runs per property)`, () => {
  test('normalizeText: parallel strings, offset maps in bounds and ordered', () => {
    fc.assert(
      fc.property(text, (s) => {
        const n = normalizeText(s);
        expect(n.folded.length).toBe(n.cased.length);
        expect(n.starts.length).toBe(n.cased.length);
        expect(n.ends.length).toBe(n.cased.length);
        // One expect per string, not per character: long words have 20,000 of them.
        let prevStart = 0;
        let bad = -1;
        for (let i = 0; i < n.starts.length && bad < 0; i++) {
          const a = n.starts[i]!;
          const b = n.ends[i]!;
          if (!(a >= prevStart && a < b && b <= s.length)) bad = i;
          prevStart = a;
        }
        expect(bad, `offset map broken at normalised position ${bad}`).toBe(-1);
        for (const t of tokenize(n.folded)) expect(t.end).toBeLessThanOrEqual(n.folded.length);
        for (const h of [...findPiids(n.cased), ...findAmounts(n.cased)]) expect(h.start >= 0 && h.end <= n.cased.length && h.start < h.end).toBe(true);
        counts.normalised++;
      }),
      { numRuns: RUNS, seed: 9_001 },
    );
  });

  test('splitBlocks: blocks in order, in bounds, never holding a blank line', () => {
    fc.assert(
      fc.property(text, (s) => {
        let prev = 0;
        for (const b of splitBlocks(s)) {
          expect(b.start).toBeGreaterThanOrEqual(prev);
          expect(b.end).toBeLessThanOrEqual(s.length);
          expect(/\n[ \t\u00A0\r]*\n|\u2029/.test(s.slice(b.start, b.end))).toBe(false);
          prev = b.end;
        }
      }),
      { numRuns: RUNS, seed: 9_002 },
    );
  });

  test('findMentions with the bundled dictionary: in bounds, exact slices, ordered, no blank line, no cut surrogate pair', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(0, 0.6), (s, threshold) => {
        const ms = findMentions(s, dict, { threshold });
        let prevEnd = 0;
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(prevEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(s.length);
          expect(s.slice(m.start, m.end)).toBe(m.text);
          expect(m.text.includes('\n\n')).toBe(false);
          const first = s.charCodeAt(m.start);
          const afterLast = s.charCodeAt(m.end);
          expect(first >= 0xdc00 && first <= 0xdfff && m.start > 0 && s.charCodeAt(m.start - 1) >= 0xd800 && s.charCodeAt(m.start - 1) <= 0xdbff).toBe(false);
          expect(afterLast >= 0xdc00 && afterLast <= 0xdfff && s.charCodeAt(m.end - 1) >= 0xd800 && s.charCodeAt(m.end - 1) <= 0xdbff).toBe(false);
          expect(m.confidence).toBeGreaterThanOrEqual(threshold);
          expect(m.confidence).toBeLessThanOrEqual(1);
          expect(typeof m.reason.explanation).toBe('string');
          prevEnd = m.end;
        }
        counts.matched++;
        counts.mentions += ms.length;
      }),
      { numRuns: RUNS, seed: 9_003 },
    );
    expect(counts.mentions).toBeGreaterThan(RUNS / 4);
  });

  test('a 1 MB single word and 200,000 zero-width characters are handled', () => {
    const word = 'Palantir'.repeat(131_072);
    expect(findMentions(`${word} ICE`, dict).every((m) => m.end <= word.length + 4)).toBe(true);
    const zw = `Palantir ${'\u200B'.repeat(200_000)} Palantir`;
    const ms = findMentions(zw, dict);
    expect(ms.map((m) => m.text)).toEqual(['Palantir', 'Palantir']);
    console.info(`[fuzz-match] ${counts.normalised} strings normalised, ${counts.matched} matched, ${counts.mentions} mentions checked`);
  });
});
