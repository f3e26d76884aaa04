// Golden pages in Node: our own articles, read by the content script's page
// reader (under jsdom) and matched with the bundled index, scored against
// their expected.json. The same pages run in Chromium in test/e2e.
import { describe, expect, test, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { htmlToText } from '../../src/cli/input.ts';
import { openIndex } from '../../src/cli/load-index.ts';
import { findPageMentions, type Engine } from '../../src/report/annotate.ts';
import { expectedSpans, score, type Expected } from '../golden/score.ts';

const dir = resolve(import.meta.dirname, '../fixtures/pages');
// spa-late renders its article from a script, so only a browser can read it.
const pages = readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'spa-late.html');
const FLOOR = 0.95;

let engine: Engine;
beforeAll(async () => {
  engine = await openIndex();
});

function load(page: string): { text: string; expected: Expected } {
  const text = htmlToText(readFileSync(resolve(dir, page), 'utf8'));
  const expected = JSON.parse(readFileSync(resolve(dir, page.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected;
  return { text, expected };
}

describe('golden pages (Node)', () => {
  test('there are golden pages in both languages', () => {
    const langs = new Set(pages.map((p) => load(p).expected.lang));
    expect(pages.length).toBeGreaterThanOrEqual(7);
    expect([...langs].sort()).toEqual(['de', 'en']);
  });

  test.each(pages)('%s: precision and recall ≥ 0.95', async (page) => {
    const { text, expected } = load(page);
    const found = await findPageMentions(text, engine);
    const s = score(found, expectedSpans(text, expected));
    const detail = {
      falsePositives: s.falsePositives.map((m) => `${m.text} → ${m.id}`),
      falseNegatives: s.falseNegatives.map((m) => `${m.text} → ${m.id}`),
    };
    expect(s.precision, JSON.stringify(detail)).toBeGreaterThanOrEqual(FLOOR);
    expect(s.recall, JSON.stringify(detail)).toBeGreaterThanOrEqual(FLOOR);
    if (expected.mentions.length > 0) expect(s.truePositives).toBeGreaterThan(0);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test.each(pages.filter((p) => p.startsWith('negatives-')))('%s: no entity is recognised', async (page) => {
    const { text, expected } = load(page);
    expect(expected.mentions.filter((m) => m.id !== null)).toEqual([]);
    const found = await findPageMentions(text, engine);
    expect(found.filter((m) => m.id !== null).map((m) => m.text)).toEqual([]);
  });
});
