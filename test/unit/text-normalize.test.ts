import { describe, expect, test } from 'vitest';
import { splitBlocks } from '../../src/text/blocks.ts';
import { isWordChar, normalizeKey, normalizeText, toOriginal } from '../../src/text/normalize.ts';
import { isSentenceInitial, tokenize } from '../../src/text/tokens.ts';

describe('normalizeText: folded form', () => {
  test.each([
    ['German umlaut, precomposed', 'Überwachung', 'ueberwachung'],
    ['German umlaut, spelled out', 'Ueberwachung', 'ueberwachung'],
    ['German umlaut, decomposed', 'U\u0308berwachung', 'ueberwachung'],
    ['all caps umlaut', 'ÜBERWACHUNG', 'ueberwachung'],
    ['eszett', 'Straße', 'strasse'],
    ['capital eszett', 'STRAẞE', 'strasse'],
    ['ä and ö', 'Behörde für Ämter', 'behoerde fuer aemter'],
    ['other diacritics', 'Café Zürich Señor', 'cafe zuerich senor'],
    ['soft hyphen removed', 'Pa\u00ADlan\u00ADtir', 'palantir'],
    ['zero-width chars removed', 'Pal\u200Bantir\u200D\uFEFF', 'palantir'],
    ['bidi marks removed', '\u202AICE\u202C', 'ice'],
    ['no-break and thin spaces', 'Palantir\u00A0Technologies\u202Fnow\u2009here', 'palantir technologies now here'],
    ['whitespace runs collapse', 'a \t\n  b', 'a b'],
    ['typographic apostrophe', 'Palantir’s', "palantir's"],
    ['German low quote', '„Vertrag“', '"vertrag"'],
    ['guillemets', '«ICE» ‹x›', '"ice" \'x\''],
    ['hyphen read as space', 'ICE-Vertrag', 'ice vertrag'],
    ['en dash read as space', 'ICE–Vertrag', 'ice vertrag'],
    ['non-breaking hyphen', 'US\u2011Behörde', 'us behoerde'],
    ['line-break hyphenation joined', 'Immigra-\ntionOS', 'immigrationos'],
    ['line-break hyphenation with spaces', 'Immigra- \n  tionOS', 'immigrationos'],
    ['capital after break keeps the hyphen', 'ICE-\nÜberwachung', 'ice ueberwachung'],
    ['plain line break is a space', 'Palantir\nTechnologies', 'palantir technologies'],
    ['dotted initials', 'U.S. agency', 'us agency'],
    ['spaced dotted initials', 'U. S. agency', 'us agency'],
    ['L.L.C.', 'Acme L.L.C.', 'acme llc'],
    ['single initial untouched', 'J. Smith', 'j. smith'],
    ['ligature', 'ﬁle', 'file'],
    ['fullwidth', 'ＩＣＥ', 'ice'],
    ['trademark sign is not letters', 'Palantir™', 'palantir™'],
    ['superscript is not a digit', 'm²', 'm²'],
    ['emoji kept', 'ICE 🧊 x', 'ice 🧊 x'],
  ])('%s', (_name, input, folded) => {
    expect(normalizeText(input).folded).toBe(folded);
  });
});

describe('normalizeText: cased form keeps case', () => {
  test.each([
    ['ICE and Ice', 'ICE and Ice', 'ICE and Ice'],
    ['umlaut before capital', 'ÜBER', 'UEBER'],
    ['umlaut before small', 'Über', 'Ueber'],
    ['hyphen kept in cased form', 'US-Behörde', 'US-Behoerde'],
    ['dashes unified', 'HSCETC–13–F–00030', 'HSCETC-13-F-00030'],
    ['initials', 'U.S.-Behörde', 'US-Behoerde'],
  ])('%s', (_name, input, cased) => {
    const n = normalizeText(input);
    expect(n.cased).toBe(cased);
    expect(n.folded.length).toBe(n.cased.length);
  });
});

describe('normalizeText: offsets map back to the original', () => {
  test.each([
    ['soft hyphen inside', 'x Pa\u00ADlantir y', 'palantir', 'Pa\u00ADlantir'],
    ['umlaut expansion', 'die Überwachung', 'ueberwachung', 'Überwachung'],
    ['decomposed umlaut', 'die U\u0308berwachung.', 'ueberwachung', 'U\u0308berwachung'],
    ['combining accent at the end', 'cafe\u0301 ok', 'cafe', 'cafe\u0301'],
    ['hyphenation', 'Das Immigra-\ntionOS läuft', 'immigrationos', 'Immigra-\ntionOS'],
    ['initials', 'the U. S. agency', 'us agency', 'U. S. agency'],
    ['emoji before', '🧊🧊 ICE', 'ice', 'ICE'],
    ['nbsp inside', 'Palantir\u00A0Technologies', 'palantir technologies', 'Palantir\u00A0Technologies'],
  ])('%s', (_name, input, needle, original) => {
    const n = normalizeText(input);
    const at = n.folded.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    const [s, e] = toOriginal(n, at, at + needle.length);
    expect(input.slice(s, e)).toBe(original);
  });

  test('maps are monotonic and in range', () => {
    const input = 'Ä\u0308ß “x” U.S.\u00AD—ﬁ 🧊 e\u0301\u0302 Immigra-\ntion';
    const n = normalizeText(input);
    expect(n.starts.length).toBe(n.cased.length);
    for (let i = 0; i < n.cased.length; i++) {
      const s = n.starts[i] ?? -1;
      const e = n.ends[i] ?? -1;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(e).toBeGreaterThan(s);
      expect(e).toBeLessThanOrEqual(input.length);
      if (i > 0) expect(s).toBeGreaterThanOrEqual(n.starts[i - 1] ?? 0);
    }
  });
});

describe('normalizeKey', () => {
  test.each([
    ['US-Einwanderungsbehörde', 'us einwanderungsbehoerde'],
    ['U.S. Immigration and Customs Enforcement', 'us immigration and customs enforcement'],
    ['  Palantir  Technologies ', 'palantir technologies'],
    ['Einwanderungs- und Zollbehörde', 'einwanderungs und zollbehoerde'],
  ])('%s', (alias, key) => expect(normalizeKey(alias)).toBe(key));
});

describe('isWordChar', () => {
  test.each([
    ['a', true], ['Z', true], ['7', true], ['é', true], ['ж', true], ['ש', true], ['中', true],
    [' ', false], ['-', false], ["'", false], ['.', false], ['_', false], ['€', false],
  ])('%s -> %s', (c, want) => expect(isWordChar(c.charCodeAt(0))).toBe(want));
});

describe('splitBlocks', () => {
  test.each([
    ['one block', 'a b', [[0, 3]]],
    ['blank line', 'a\n\nb', [[0, 1], [3, 4]]],
    ['blank line with spaces', 'ab\n  \ncd', [[0, 2], [6, 8]]],
    ['single newline is not a boundary', 'a\nb', [[0, 3]]],
    ['CRLF blank line', 'a\r\n\r\nb', [[0, 1], [5, 6]]],
    ['paragraph separator', 'a\u2029b', [[0, 1], [2, 3]]],
    ['leading and trailing blank lines', '\n\na\n\n', [[2, 3]]],
    ['empty', '', []],
  ])('%s', (_name, text, want) => {
    expect(splitBlocks(text).map((b) => [b.start, b.end])).toEqual(want);
  });
});

describe('tokens', () => {
  test('tokenize splits on non-word chars and keeps offsets', () => {
    const n = normalizeText("Palantir's ICE-Vertrag, 2024!");
    expect(tokenize(n.folded).map((t) => t.word)).toEqual(['palantir', 's', 'ice', 'vertrag', '2024']);
  });
  test.each([
    ['Clear skies.', 0, true],
    ['It was fine. Clear skies.', 13, true],
    ['It was "Clear" skies', 8, false],
    ['Then: "Clear', 7, true],
    ['the Clear app', 4, false],
  ])('isSentenceInitial(%j, %d) = %s', (text, pos, want) => {
    expect(isSentenceInitial(text, pos)).toBe(want);
  });
});
