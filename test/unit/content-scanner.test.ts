// @vitest-environment happy-dom
// The scan pipeline's pure parts: cutting a huge page text into pieces at
// block breaks, and reading several changed subtrees into one text whose
// offsets map back to the right DOM nodes.
import { describe, expect, test } from 'vitest';
import { BLOCK_BREAK } from '../../extension/content/read-page.ts';
import { Budget, chunksOf, readRoots, scanRoots } from '../../extension/content/scanner.ts';

describe('chunksOf', () => {
  test('a text under the limit is one piece', () => {
    expect(chunksOf('a\n\nb', 100)).toEqual([{ start: 0, end: 4 }]);
  });

  test('pieces end at block breaks, cover the text in order, and stay near the limit', () => {
    const blocks = Array.from({ length: 50 }, (_, i) => `Block ${i} ${'x'.repeat(i % 7)}`);
    const text = blocks.join(BLOCK_BREAK);
    const pieces = chunksOf(text, 60);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]!.start).toBe(0);
    expect(pieces.at(-1)!.end).toBe(text.length);
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (i > 0) expect(p.start).toBe(pieces[i - 1]!.end);
      if (p.end < text.length) expect(text.startsWith(BLOCK_BREAK, p.end)).toBe(true);
      expect(p.end - p.start).toBeLessThanOrEqual(60 + BLOCK_BREAK.length);
    }
  });

  test('a single block longer than the limit stays whole', () => {
    const text = `${'y'.repeat(300)}${BLOCK_BREAK}z`;
    expect(chunksOf(text, 100)).toEqual([{ start: 0, end: 300 }, { start: 300, end: text.length }]);
  });
});

describe('scanRoots', () => {
  test('several roots read as separate blocks; findings map to their own nodes; pieces are shifted back', async () => {
    document.body.innerHTML = '<p id="a">Palantir signed.</p><div>between</div><p id="b">ICE agreed.</p>';
    const roots = [document.getElementById('a')!, document.getElementById('b')!];
    const page = await readRoots(roots, {}, new Budget(8));
    expect(page.text).toBe(`Palantir signed.${BLOCK_BREAK}ICE agreed.`);
    const seen: string[] = [];
    const { found } = await scanRoots(roots, {
      read: {},
      analyse: async (text) => {
        seen.push(text);
        const at = (w: string) => text.indexOf(w);
        const mk = (w: string) => ({ start: at(w), end: at(w) + w.length, text: w, kind: 'company' as const, id: `x:${w}`, confidence: 1, reason: { rule: 't', explanation: '' } });
        return { mentions: [mk('Palantir'), mk('ICE')].filter((m) => m.start >= 0), loaded: [], claims: [] };
      },
    });
    expect(seen).toEqual([page.text]);
    expect(found.mentions.map((f) => [f.range.toString(), (f.range.startContainer.parentNode as Element).id])).toEqual([
      ['Palantir', 'a'],
      ['ICE', 'b'],
    ]);
  });
});
