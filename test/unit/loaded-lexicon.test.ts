// The shipped lexicons are what `npm run lexicons:build` makes of the curated
// lists, and every source they draw on is credited.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { compileLexicon, type LexiconFile } from '../../src/loaded/lexicon.ts';

const dir = resolve(import.meta.dirname, '../../assets/lexicons');

test.each(['en', 'de'] as const)('%s.json holds every curated entry and credits its sources', (lang) => {
  const json = JSON.parse(readFileSync(resolve(dir, `${lang}.json`), 'utf8')) as LexiconFile;
  const shipped = new Set(Object.values(json.sections).flat().map((e) => e.replace(/=.*$/, '')));
  let section = '';
  for (const raw of readFileSync(resolve(dir, 'curated', `${lang}.txt`), 'utf8').split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const head = /^\[(\w+)\]$/.exec(line);
    if (head) {
      section = head[1] as string;
      continue;
    }
    const entry = line.toLowerCase().replace(/\s+/g, ' ').replace(/\s*=\s*/, '=');
    expect(shipped.has(entry.replace(/=.*$/, '')), `${section}: ${entry} (run npm run lexicons:build)`).toBe(true);
  }
  const credits = readFileSync(resolve(dir, 'CREDITS.md'), 'utf8');
  for (const src of json.sources) expect(credits, src).toContain(src);
  const lex = compileLexicon(json);
  expect(lex.single.size).toBeGreaterThan(300);
});

test('the shipped lexicons stay small', () => {
  const bytes = ['en', 'de'].reduce((n, l) => n + readFileSync(resolve(dir, `${l}.json`)).length, 0);
  expect(bytes).toBeLessThan(64 * 1024);
});
