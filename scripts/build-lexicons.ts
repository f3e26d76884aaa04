// Builds the shipped lexicons (assets/lexicons/{en,de}.json) from our curated
// lists (assets/lexicons/curated/*.txt, MIT) and a checked selection of the
// MIT-licensed npm word lists `hedges` and `weasels`. Each picked word must
// exist in its package, so a package update that drops one fails the build
// instead of silently shipping a word the credit does not cover.
//
//   npm run lexicons:build
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hedges } from 'hedges';
import { weasels } from 'weasels';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'assets/lexicons');

// Which package words feed which section. Only words that judge in news prose:
// both lists also hold neutral words ("about", "can", "found") we leave out.
const PICKS: Record<string, { section: string; pkg: 'hedges' | 'weasels'; words: string[] }[]> = {
  en: [
    { section: 'certainty', pkg: 'hedges', words: ['certainly', 'clearly', 'definitely', 'evidently', 'surely', 'quite clearly'] },
    { section: 'certainty', pkg: 'weasels', words: ['clearly', 'literally'] },
    { section: 'degree', pkg: 'weasels', words: ['completely', 'exceedingly', 'extremely', 'remarkably', 'vast', 'very', 'really'] },
    { section: 'insinuation', pkg: 'hedges', words: ['supposedly', 'supposed', 'allege', 'alleged'] },
  ],
  de: [],
};

const SECTIONS = ['emotive', 'pejorative', 'certainty', 'degree', 'insinuation', 'attribution', 'hyperbole', 'appeal', 'charged', 'strong', 'function', 'speech', 'negation', 'neutral'];

export interface LexiconFile {
  lang: 'en' | 'de';
  /** Credits: see assets/lexicons/CREDITS.md. */
  sources: string[];
  /** Section name → entries ("word", "word=0.5", "pre*", "a … b"). */
  sections: Record<string, string[]>;
}

function parseCurated(text: string, file: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const head = /^\[(\w+)\]$/.exec(line);
    if (head) {
      const name = head[1] as string;
      if (!SECTIONS.includes(name)) throw new Error(`${file}:${i + 1}: unknown section ${name}`);
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    if (!current) throw new Error(`${file}:${i + 1}: entry before any section`);
    const entry = line.toLowerCase().replace(/\s+/g, ' ').replace(/\s*=\s*/, '=');
    current.set(entry.replace(/=.*$/, ''), entry);
  }
  return sections;
}

async function build(lang: 'en' | 'de'): Promise<LexiconFile> {
  const file = resolve(out, 'curated', `${lang}.txt`);
  const sections = parseCurated(await readFile(file, 'utf8'), file);
  const sources = ['receipts-curated'];
  for (const pick of PICKS[lang] ?? []) {
    const list = new Set(pick.pkg === 'hedges' ? hedges : weasels);
    const section = sections.get(pick.section) ?? new Map<string, string>();
    sections.set(pick.section, section);
    for (const w of pick.words) {
      if (!list.has(w)) throw new Error(`${pick.pkg} no longer lists "${w}"`);
      if (!section.has(w)) section.set(w, w);
    }
    if (!sources.includes(pick.pkg)) sources.push(pick.pkg);
  }
  const json: LexiconFile = { lang, sources, sections: {} };
  for (const name of SECTIONS) {
    const entries = sections.get(name);
    if (entries?.size) json.sections[name] = [...entries.values()].sort();
  }
  return json;
}

let total = 0;
for (const lang of ['en', 'de'] as const) {
  const json = await build(lang);
  const text = `${JSON.stringify(json)}\n`;
  await writeFile(resolve(out, `${lang}.json`), text);
  total += Buffer.byteLength(text);
  const n = Object.values(json.sections).reduce((a, s) => a + s.length, 0);
  console.log(`assets/lexicons/${lang}.json: ${n} entries, ${Buffer.byteLength(text)} bytes`);
}
console.log(`total ${total} bytes`);
