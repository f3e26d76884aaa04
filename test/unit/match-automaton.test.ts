import { describe, expect, test } from 'vitest';
import type { AliasEntry } from '../../src/model/types.ts';
import { buildTrie, childOf, stateCount, terminalOf, walkFrom, type Trie } from '../../src/match/automaton.ts';
import { decodeBase64, decodeUint32, encodeBase64 } from '../../src/match/base64.ts';
import { compileDictionary, findMentions, loadDictionary, serializeDictionary } from '../../src/match/index.ts';
import { TEST_ALIASES } from '../fixtures/match/aliases.ts';

function prefixesAt(trie: Trie, keys: string[], text: string, from: number): string[] {
  const found: string[] = [];
  const byTerminal = new Map<number, string>();
  const built = buildTrie(keys, keys.map(() => 1));
  keys.forEach((k, i) => byTerminal.set(built.keyTerminal[i] ?? -1, k));
  walkFrom(trie, text, from, (end, t) => found.push(`${text.slice(from, end)}=${byTerminal.get(t) ?? '?'}`));
  return found;
}

describe('buildTrie', () => {
  const keys = ['ice', 'ice enterprise lakehouse', 'icm', 'palantir', 'palantir technologies'].sort();
  const { trie } = buildTrie(keys, keys.map(() => 1));

  test('state count is the number of distinct prefixes plus the root', () => {
    const prefixes = new Set<string>();
    for (const k of keys) for (let i = 1; i <= k.length; i++) prefixes.add(k.slice(0, i));
    expect(stateCount(trie)).toBe(prefixes.size + 1);
  });

  test('children are contiguous, sorted by label, and in BFS order', () => {
    for (let s = 0; s < stateCount(trie); s++) {
      const a = trie.firstChild[s] ?? 0;
      const b = trie.firstChild[s + 1] ?? 0;
      expect(b).toBeGreaterThanOrEqual(a);
      for (let c = a + 1; c < b; c++) expect(trie.labels[c]).toBeGreaterThan(trie.labels[c - 1] ?? 0);
      if (a < b) expect(a).toBeGreaterThan(s);
    }
  });

  test.each([
    ['ice', 'ice=ice'],
    ['ice enterprise lakehouse', 'ice=ice,ice enterprise lakehouse=ice enterprise lakehouse'],
    ['icm x', 'icm=icm'],
    ['palantir technologies inc', 'palantir=palantir,palantir technologies=palantir technologies'],
    ['pal', ''],
    ['xice', ''],
  ])('walk %j', (text, want) => {
    expect(prefixesAt(trie, keys, text, 0).join(',')).toBe(want);
  });

  test('childOf and terminalOf miss cleanly', () => {
    expect(childOf(trie, 0, 'z'.charCodeAt(0))).toBe(-1);
    const i = childOf(trie, 0, 'i'.charCodeAt(0));
    expect(i).toBeGreaterThan(0);
    expect(terminalOf(trie, i)).toBe(-1);
  });

  test.each([
    ['unsorted', ['b', 'a']],
    ['duplicate', ['a', 'a']],
    ['empty key', ['']],
  ])('rejects %s keys', (_n, bad) => {
    expect(() => buildTrie(bad, bad.map(() => 1))).toThrow();
  });
});

describe('base64', () => {
  test.each([
    [[]], [[0]], [[255, 1]], [[1, 2, 3]], [[0, 0, 0, 0, 250]], [Array.from({ length: 1000 }, (_, i) => (i * 37) & 255)],
  ])('round-trips %#', (bytes) => {
    const u = Uint8Array.from(bytes);
    const enc = encodeBase64(u);
    expect(enc).toBe(Buffer.from(u).toString('base64'));
    expect([...decodeBase64(enc)]).toEqual(bytes);
  });
  test('Uint32 round-trip', () => {
    const v = Uint32Array.from([0, 1, 0xffffffff, 123456789]);
    expect([...decodeUint32(encodeBase64(v))]).toEqual([...v]);
  });
  test('rejects garbage', () => expect(() => decodeBase64('ab$c')).toThrow());
});

describe('compileDictionary / serialize / load', () => {
  const dict = compileDictionary(TEST_ALIASES);
  const text = 'Palantirs ImmigrationOS für die US-Einwanderungsbehörde ICE, ein Palantir-Vertrag.';

  test('outputs every alias whose key is non-empty, grouped by terminal', () => {
    expect(dict.entries.length).toBe(TEST_ALIASES.length);
    expect(dict.trie.termFirst[dict.trie.termStates.length]).toBe(TEST_ALIASES.length);
  });

  test('aliases that normalise alike share a terminal', () => {
    const d = compileDictionary([
      { alias: 'U.S. Army', entityId: 'a', kind: 'agency', caseSensitive: false, needsContext: false },
      { alias: 'US Army', entityId: 'a', kind: 'agency', caseSensitive: false, needsContext: false },
      { alias: 'US-Army', entityId: 'b', kind: 'agency', caseSensitive: false, needsContext: false },
    ]);
    expect(d.trie.termStates.length).toBe(1);
    expect(d.entries.map((e) => e.entityId).sort()).toEqual(['a', 'a', 'b']);
  });

  test('drops aliases that normalise to nothing', () => {
    const d = compileDictionary([{ alias: '\u00AD \u200B', entityId: 'x', kind: 'company', caseSensitive: false, needsContext: false }]);
    expect(d.entries.length).toBe(0);
    expect(findMentions('anything', d)).toEqual([]);
  });

  test('serialised form is JSON-safe and round-trips to the same matches', () => {
    const ser = serializeDictionary(dict);
    const json = JSON.stringify(ser);
    const loaded = loadDictionary(JSON.parse(json));
    expect([...loaded.trie.labels]).toEqual([...dict.trie.labels]);
    expect([...loaded.trie.firstChild]).toEqual([...dict.trie.firstChild]);
    expect([...loaded.trie.termFirst]).toEqual([...dict.trie.termFirst]);
    expect(loaded.entries).toEqual(dict.entries);
    expect(findMentions(text, loaded)).toEqual(findMentions(text, dict));
    expect(findMentions(text, loaded).length).toBeGreaterThanOrEqual(4);
  });

  test('wide counts (>= 255 outputs for one key, >= 255 children) survive', () => {
    const many: AliasEntry[] = [];
    for (let i = 0; i < 300; i++) many.push({ alias: 'Acme', entityId: `e${i}`, kind: 'company', caseSensitive: false, needsContext: false });
    for (let i = 0; i < 300; i++) many.push({ alias: `x${String.fromCharCode(0x400 + i)}`, entityId: 'w', kind: 'company', caseSensitive: false, needsContext: false });
    const d = compileDictionary(many);
    const l = loadDictionary(JSON.parse(JSON.stringify(serializeDictionary(d))));
    expect([...l.trie.firstChild]).toEqual([...d.trie.firstChild]);
    expect([...l.trie.termFirst]).toEqual([...d.trie.termFirst]);
    expect(l.entries.length).toBe(600);
  });

  test('rejects an unknown format and corrupt counts', () => {
    const ser = serializeDictionary(dict);
    expect(() => loadDictionary({ ...ser, format: 'x' as never })).toThrow(/format/);
    expect(() => loadDictionary({ ...ser, aliases: ser.aliases.slice(1) })).toThrow(/corrupt/);
  });

  test('scales: 20,000 aliases compile, serialise compactly and still match', () => {
    let seed = 42;
    const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const syl = ['ka', 'ro', 'ten', 'vi', 'sol', 'mar', 'dex', 'lu', 'qua', 'ber', 'tis', 'on'];
    const word = (): string => {
      let w = '';
      for (let k = 0, n = 2 + Math.floor(rnd() * 3); k < n; k++) w += syl[Math.floor(rnd() * syl.length)];
      return w.charAt(0).toUpperCase() + w.slice(1);
    };
    const aliases: AliasEntry[] = [...TEST_ALIASES];
    for (let i = 0; aliases.length < 20_000 + TEST_ALIASES.length; i++) {
      aliases.push({ alias: `${word()} ${word()} ${['LLC', 'Inc', 'Group', 'Systems'][i % 4]}`, entityId: `vendor:${i}`, kind: 'company', caseSensitive: false, needsContext: false });
    }
    const t0 = performance.now();
    const big = compileDictionary(aliases);
    const compileMs = performance.now() - t0;
    const json = JSON.stringify(serializeDictionary(big));
    expect(compileMs).toBeLessThan(5000);
    // ~23 chars per alias; the whole form should stay well under 100 bytes per alias.
    expect(json.length / aliases.length).toBeLessThan(100);
    const loaded = loadDictionary(JSON.parse(json));
    const sample = aliases[TEST_ALIASES.length + 1234]?.alias ?? '';
    const found = findMentions(`Heute: ${sample} und ${text}`, loaded);
    expect(found[0]?.text).toBe(sample);
    expect(found.map((m) => m.text)).toContain('Palantirs');
  });
});
