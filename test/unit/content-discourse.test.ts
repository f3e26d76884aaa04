// @vitest-environment happy-dom
// One sense per discourse when a live page is scanned in pieces: seeds from
// the rest of the page, seeds between the pieces of a huge page, and the one
// whole-page rescan when a piece brings new evidence (extension/content/discourse.ts).
import { describe, expect, test } from 'vitest';
import { compileDictionary, findMentions, type DiscourseSeed } from '../../src/match/index.ts';
import { CHUNK_CHARS, scanRoots } from '../../extension/content/scanner.ts';
import { DiscourseWatch, seedsOutside } from '../../extension/content/discourse.ts';
import { emptyLists } from '../../extension/content/findings.ts';
import { ICE, TEST_ALIASES } from '../fixtures/match/aliases.ts';

const dict = compileDictionary(TEST_ALIASES);
const CONFIRMING = 'ICE und Palantir unterzeichneten den Vertrag.';
const BARE = 'Später äußerte sich ICE dazu nicht.';

async function scan(roots: Node[], discourse?: DiscourseSeed[]) {
  const calls: { length: number; seeds: number }[] = [];
  const { found } = await scanRoots(roots, {
    read: {},
    ...(discourse ? { discourse } : {}),
    analyse: async (text, seeds) => {
      calls.push({ length: text.length, seeds: seeds?.length ?? 0 });
      return { mentions: findMentions(text, dict, seeds ? { discourse: seeds } : {}), loaded: [], claims: [] };
    },
  });
  return { found, calls };
}
const iceRules = (f: Awaited<ReturnType<typeof scan>>['found']) => f.mentions.filter((m) => m.item.id === ICE).map((m) => m.item.reason.rule);

describe('discourse across pieces of a page', () => {
  test('a rescanned paragraph keeps the sense the rest of the page gave it; its own old evidence does not count', async () => {
    document.body.innerHTML = `<p id="a">${CONFIRMING}</p><p id="b">${BARE}</p>`;
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const { found: whole } = await scan([document.body]);
    expect(iceRules(whole)).toEqual(['alias+context', 'alias+discourse']);

    expect(iceRules((await scan([b])).found)).toEqual([]); // alone, "ICE" has no support
    const seeds = seedsOutside(whole, [b]);
    expect(seeds.map((s) => [s.id, s.alias])).toEqual([[ICE, 'ICE']]);
    expect(iceRules((await scan([b], seeds)).found)).toEqual(['alias+discourse']);
    // Rescanning the confirming paragraph itself: its old finding is no seed (the change may have removed the evidence).
    expect(seedsOutside(whole, [a])).toEqual([]);
  });

  test('a huge page read in pieces: later pieces inherit what earlier ones confirmed', async () => {
    const filler = Array.from({ length: Math.ceil(CHUNK_CHARS / 40) }, (_, i) => `<p>Paragraph ${i} says nothing of note at all here.</p>`).join('');
    document.body.innerHTML = `<p>${CONFIRMING}</p>${filler}<p>${BARE}</p>`;
    const { found, calls } = await scan([document.body]);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls[0]!.seeds).toBe(0);
    expect(calls.at(-1)!.seeds).toBe(1);
    expect(iceRules(found)).toEqual(['alias+context', 'alias+discourse']);
    expect(found.mentions.filter((m) => m.item.id === ICE).at(-1)!.range.toString()).toBe('ICE');
  });

  test('new evidence asks for one whole-page rescan per name, not one per change', async () => {
    document.body.innerHTML = `<p id="b">${BARE}</p><p id="a">${CONFIRMING}</p>`;
    const watch = new DiscourseWatch();
    const before = (await scan([document.getElementById('b')!])).found;
    const added = (await scan([document.getElementById('a')!])).found;
    expect(watch.newlyConfirmed(before, added)).toBe(true);
    expect(watch.newlyConfirmed(before, added)).toBe(false);
    // Evidence the page already had is not new.
    expect(new DiscourseWatch().newlyConfirmed(added, added)).toBe(false);
    expect(new DiscourseWatch().newlyConfirmed(emptyLists(), before)).toBe(false);
  });
});
