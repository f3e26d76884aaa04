// Measures the loaded-language detector against human labels. Prints numbers,
// never asserts: the labelled sets are outside the project and never ship.
//
//   npm run eval:loaded -- --ptc <ptc.jsonl> --babe <babe.jsonl> [--de <ours.jsonl>] [--misses]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { detectLoaded } from '../src/loaded/detector.ts';
import {
  addPartial, addPhrases, addTokens, type Counts, countsPrf, type PartialSums, partialPrf, type PhraseCounts, phrasePrf, type Prf,
  type Range, resolveSample, type Sample, wordRanges,
} from '../src/loaded/score.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const showMisses = process.argv.includes('--misses');
// --min <confidence>: the detector's threshold (default: the product's 0.5).
const minConfidence = arg('min') ? Number(arg('min')) : undefined;
const opts = (lang: 'en' | 'de') => ({ lang, ...(minConfidence !== undefined ? { minConfidence } : {}) });

function lines<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

const fmt = (x: number): string => x.toFixed(3);
const show = (p: Prf): string => `P ${fmt(p.precision)}  R ${fmt(p.recall)}  F1 ${fmt(p.f1)}`;

function tally(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
function top(map: Map<string, number>, n = Number(arg("top") ?? 40)): string {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k}:${v}`).join(', ');
}

// Our categories against PTC's techniques. PTC files name-calling, doubt,
// exaggeration and fear appeals under techniques of their own, so the
// Loaded_Language figure scores the spans that judge by word choice: emotive
// words, intensifier phrases ("utterly disgraceful") and hyperbole. The
// all-categories line is printed too.
const PTC_LOADED = (s: { category: string; rule?: string }): boolean =>
  s.category === 'emotive' || s.category === 'hyperbole' || (s.rule ?? '').startsWith('phrase:degree');
const PTC_OTHER: Record<string, string[]> = {
  pejorative: ['Name_Calling,Labeling'],
  insinuation: ['Doubt'],
  hyperbole: ['Exaggeration,Minimisation'],
  appeal: ['Appeal_to_fear-prejudice', 'Flag-Waving'],
};

const ptcFile = arg('ptc');
if (ptcFile) {
  interface Ptc { id: string; text: string; spans: { technique: string; start: number; end: number }[] }
  const docs = lines<Ptc>(ptcFile);
  const sums: PartialSums = { p: 0, r: 0, predicted: 0, gold: 0 };
  const tokens: Counts = { tp: 0, fp: 0, fn: 0 };
  const byCat = new Map<string, PartialSums>();
  const fps = new Map<string, number>();
  const misses = new Map<string, number>();
  const all: PartialSums = { p: 0, r: 0, predicted: 0, gold: 0 };
  const other = new Map<string, PartialSums>();
  let chars = 0;
  let ms = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const found = detectLoaded(d.text, opts('en'));
    ms += performance.now() - t0;
    chars += d.text.length;
    const gold = d.spans.filter((s) => s.technique === 'Loaded_Language');
    const spans = found.filter(PTC_LOADED);
    addPartial(sums, spans, gold);
    addPartial(all, found, gold);
    for (const [cat, techniques] of Object.entries(PTC_OTHER)) {
      const o = other.get(cat) ?? { p: 0, r: 0, predicted: 0, gold: 0 };
      addPartial(o, found.filter((s) => s.category === cat), d.spans.filter((s) => techniques.includes(s.technique)));
      other.set(cat, o);
    }
    addTokens(tokens, wordRanges(d.text), spans, gold);
    for (const s of found) {
      const c = byCat.get(s.category) ?? { p: 0, r: 0, predicted: 0, gold: 0 };
      addPartial(c, [s], gold);
      byCat.set(s.category, c);
      if (PTC_LOADED(s) && !gold.some((g) => g.start < s.end && s.start < g.end)) tally(fps, s.text.toLowerCase());
    }
    for (const g of gold) if (!spans.some((s) => g.start < s.end && s.start < g.end)) tally(misses, d.text.slice(g.start, g.end).toLowerCase());
  }
  console.log(`PTC Loaded_Language (${docs.length} articles, ${sums.gold} gold spans, ${sums.predicted} predicted as emotive, hyperbole or intensifier phrase)`);
  console.log(`  span (partial overlap): ${show(partialPrf(sums))}`);
  console.log(`  token:                  ${show(countsPrf(tokens))}`);
  console.log(`  all categories, span:   ${show(partialPrf(all))} (${all.predicted} predicted)`);
  for (const [cat, o] of other) console.log(`  ${cat} vs ${PTC_OTHER[cat]?.join('+')} (${o.gold} gold): ${show(partialPrf(o))}`);
  console.log('  precision against Loaded_Language by category:');
  for (const [cat, c] of [...byCat].sort()) console.log(`  ${cat.padEnd(12)} ${String(c.predicted).padStart(5)} spans, precision ${fmt(c.predicted ? c.p / c.predicted : 0)}`);
  console.log(`  throughput: ${((chars / 1024) / (ms / 1000)).toFixed(0)} KB/s over ${(chars / 1024).toFixed(0)} KB`);
  if (showMisses) {
    console.log(`  false positives: ${top(fps)}`);
    console.log(`  misses: ${top(misses)}`);
  }
}

const babeFile = arg('babe');
if (babeFile) {
  interface Babe { text: string; biased_words: string[] }
  const rows = lines<Babe>(babeFile);
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  const fps = new Map<string, number>();
  const misses = new Map<string, number>();
  for (const r of rows) {
    const gold = new Set(r.biased_words.flatMap((w) => w.toLowerCase().match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu) ?? []));
    const pred = new Set(
      detectLoaded(r.text, opts('en')).flatMap((s) => s.text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu) ?? []),
    );
    for (const w of pred) if (gold.has(w)) c.tp++; else { c.fp++; tally(fps, w); }
    for (const w of gold) if (!pred.has(w)) { c.fn++; tally(misses, w); }
  }
  console.log(`BABE biased words (${rows.length} sentences)`);
  console.log(`  word: ${show(countsPrf(c))}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  if (showMisses) {
    console.log(`  false positives: ${top(fps)}`);
    console.log(`  misses: ${top(misses)}`);
  }
}

const deFile = arg('de');
if (deFile) {
  const samples = lines<Sample>(deFile);
  const c: PhraseCounts = { right: 0, predicted: 0, found: 0, gold: 0 };
  let sameCat = 0;
  let found = 0;
  const fps: string[] = [];
  const missed: string[] = [];
  for (const s of samples) {
    const gold = resolveSample(s);
    // Our labels mark the author's voice; quotations are checked by the unit tests instead.
    const pred = detectLoaded(s.text, opts(s.lang)).filter((p) => !p.quoted);
    addPhrases(c, pred, gold);
    for (const g of gold) {
      const hit = pred.find((p) => p.start < g.end && g.start < p.end);
      if (hit) {
        found++;
        if (hit.category === g.category) sameCat++;
      } else missed.push(`${s.id}: ${g.text}`);
    }
    for (const p of pred) if (!gold.some((g: Range) => p.start < g.end && g.start < p.end)) fps.push(`${s.id}: ${p.text} [${p.category}]`);
  }
  const r = phrasePrf(c);
  console.log(`Our samples ${deFile} (${samples.length} paragraphs, ${c.gold} gold phrases, ${c.predicted} predicted)`);
  console.log(`  phrase: P ${fmt(r.precision)}  R ${fmt(r.recall)}  F1 ${fmt(r.f1)}; category agrees on ${sameCat}/${found} found`);
  if (showMisses) {
    console.log(`  false positives: ${fps.join(' | ')}`);
    console.log(`  misses: ${missed.join(' | ')}`);
  }
}

if (!ptcFile && !babeFile && !deFile) {
  console.error('usage: npm run eval:loaded -- --ptc <file.jsonl> --babe <file.jsonl> [--de <file.jsonl>] [--misses]');
  process.exitCode = 2;
}
