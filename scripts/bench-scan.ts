// `npm run bench`: the content script's scan pipeline on a 200 KB article and
// a 2 MB page in headless Chromium, with the shipped dictionary padded to
// ≥ 20,000 aliases (bench/padded-dictionary.ts says how). Prints, per page:
// our scan+highlight (median), with the matcher's worker cold (fresh) and
// warm (as the background worker is after earlier pages); the floor (a bare
// TreeWalker walk over the same page, warm and on a fresh page) and our ratio
// to it; mark.js 8.11.1 with the same dictionary as one regexp (its first,
// compiling run and its later runs, compared cold with cold and warm with
// warm) and as an array capped at 1,000 terms, with our speed-up over both;
// the longest task while we scan; lower bounds for any scanner, timed on the
// same page; and the dictionary's size and load time. Prints numbers;
// asserts nothing.
import { chromium, type Page } from 'playwright-core';
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileDictionary, serializeDictionary } from '../src/match/index.ts';
import type { AliasEntry } from '../src/model/types.ts';
import { paddedAliases, type SnapshotLike } from '../bench/padded-dictionary.ts';
import { article, bigPage } from '../bench/generate-pages.ts';
import { serveStatic } from '../test/e2e/server.ts';
import { htmlToText } from '../src/cli/input.ts';
import { requireBrowser } from '../test/e2e/browsers.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = process.env.RECEIPTS_BENCH_DIR ?? '/tmp/receipts-bench';
const RUNS = Number(process.env.RECEIPTS_BENCH_RUNS ?? 5);
const MARK_RUNS = Number(process.env.RECEIPTS_BENCH_MARK_RUNS ?? 3);
mkdirSync(OUT, { recursive: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : n < 10 ? 2 : 1)} ms`;

// ---- Dictionary ----
const snapshot = JSON.parse(readFileSync(resolve(ROOT, 'assets/index/snapshot.json'), 'utf8')) as SnapshotLike;
const { aliases, bases } = paddedAliases(snapshot);
let t0 = performance.now();
const compiled = compileDictionary(aliases);
const compileMs = performance.now() - t0;
const serializedJson = JSON.stringify(serializeDictionary(compiled));
writeFileSync(resolve(OUT, 'dict.json'), serializedJson);

// ---- Pages and bundles ----
const names = [...bases.slice(0, 400), ...aliases.filter((a: AliasEntry) => a.kind === 'company').slice(0, 200).map((a) => a.alias)];
const head = '<script src="mark.min.js"></script><script src="bench-page.js"></script>\n</head>';
writeFileSync(resolve(OUT, 'article-200k.html'), article(200_000, names).replace('</head>', head));
writeFileSync(resolve(OUT, 'page-2m.html'), bigPage(2_000_000, names).replace('</head>', head));
// A different article's text (another seed) to warm the matcher on, as the background worker is warm from earlier pages.
writeFileSync(resolve(OUT, 'warmup.txt'), htmlToText(article(200_000, names, 11)));
copyFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), resolve(OUT, 'mark.min.js'));
const common = { bundle: true, minify: true, format: 'iife' as const, target: 'es2022', logLevel: 'warning' as const };
await build({ ...common, entryPoints: [resolve(ROOT, 'bench/page-entry.ts')], outfile: resolve(OUT, 'bench-page.js') });
await build({ ...common, entryPoints: [resolve(ROOT, 'bench/worker-entry.ts')], outfile: resolve(OUT, 'bench-worker.js') });

// mark.js gets the same dictionary: every alias, escaped, as one word-bounded regexp; and the first 1,000 as an array.
const escaped = aliases.map((a) => a.alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const regexpSource = `\\b(?:${escaped.join('|')})\\b`;
const terms1000 = aliases.slice(0, 1000).map((a) => a.alias);
// For the lower bound: the first word of every alias, as a minimal single-word matcher would look up.
const firstWords = [...new Set(aliases.map((a) => a.alias.split(/[^\p{L}\p{N}]+/u).find((w) => w.length > 0) ?? '').filter((w) => w.length > 0))];

interface OursRun { totalMs: number; matchMs: number; mentions: number; chars: number; phases: Record<string, number> }
type Bench = {
  startWorker(url: string): Promise<{ loadMs: number; aliases: number }>;
  warm(url: string): Promise<number>;
  ours(): Promise<OursRun>;
  floor(): { ms: number; chars: number };
  bounds(firstWords: string[]): { readEveryCharMs: number; foldEveryCharMs: number; lookupEveryWordMs: number; rangesMs: number; ranges: number };
  longTasks: { start: number; duration: number; by?: string }[];
  attribute(t: { start: number; duration: number }): { start: number; duration: number; by?: string };
};

const executablePath = requireBrowser('chromium');
// Cross-origin isolated, so performance.now() resolves to microseconds, not the
// 100 µs a plain page gets: the floor is a fraction of a millisecond.
const server = await serveStatic(OUT, { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
// mark.js's array mode recurses once per term; with 1,000 terms it can exhaust V8's default
// ~1 MB stack ("Invalid regular expression: Stack overflow"). A 4 MB limit (the renderer's
// thread has 8 MB) lets it finish; it changes nothing for our code, which does not recurse.
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--stack-size=4000'] });
const dictLoad: number[] = [];

async function fresh(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => 'Mark' in window && '__bench' in window);
}

async function measure(file: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const url = server.url(file);
  const bytes = readFileSync(resolve(OUT, file)).length;
  // The floor on a freshly loaded page (its first walk, as our scans run on fresh pages), then warm.
  const coldFloorRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await fresh(page, url);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    coldFloorRuns.push((await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.floor())).ms);
  }
  const floorRuns: number[] = [];
  let chars = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const f = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.floor());
    if (i >= 2) floorRuns.push(f.ms); // two warm-up walks
    chars = f.chars;
  }
  // Ours, cold: a fresh page and a fresh matcher worker per run (the JIT starts cold).
  // Ours, warm: a fresh page and worker, warmed first on a different article.
  const runOurs = async (warmUp: boolean) => {
    const runs: OursRun[] = [];
    let longest = 0;
    let longCount = 0;
    let longBy = '';
    let bound: ReturnType<Bench['bounds']> | null = null;
    for (let i = 0; i < RUNS; i++) {
      await fresh(page, url);
      const res = await page.evaluate(async ({ w, warmUrl }) => {
        const b = (window as unknown as { __bench: Bench }).__bench;
        const ready = await b.startWorker(w);
        if (warmUrl) await b.warm(warmUrl);
        // Let the page settle (parse, first paint) before the clock starts.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
        const start = performance.now();
        const run = await b.ours();
        // One rendering frame, so painting the highlights is inside the long-task window.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const end = performance.now();
        await new Promise((r) => setTimeout(r, 100)); // long-task entries are delivered asynchronously
        const tasks = b.longTasks.filter((t) => t.start >= start && t.start <= end).map((t) => b.attribute(t));
        const top = [...tasks].sort((p, q) => q.duration - p.duration)[0];
        return { run, loadMs: ready.loadMs, longest: top?.duration ?? 0, by: top?.by ?? '', count: tasks.length };
      }, { w: server.url('bench-worker.js'), warmUrl: warmUp ? server.url('warmup.txt') : '' });
      runs.push(res.run);
      dictLoad.push(res.loadMs);
      if (res.longest > longest) longBy = res.by;
      longest = Math.max(longest, res.longest);
      longCount += res.count;
      if (i === 0) bound = await page.evaluate((words) => (window as unknown as { __bench: Bench }).__bench.bounds(words), firstWords);
    }
    return { runs, longest, longCount, longBy, bound: bound! };
  };
  const cold = await runOurs(false);
  const warm = await runOurs(true);
  const markRun = async (mode: 'regexp' | 'array') => {
    const runs: number[] = [];
    // RECEIPTS_BENCH_SKIP_MARK_ARRAY=1 skips the array mode (minutes), for quick runs while working.
    if (mode === 'array' && process.env.RECEIPTS_BENCH_SKIP_MARK_ARRAY === '1') return { ms: NaN, first: NaN, marks: 0, runs: 0 };
    let marks = 0;
    // mark.js's array mode walks the whole page once per term: minutes on the 2 MB page, so one run there.
    const n = mode === 'array' && bytes > 1_000_000 ? Math.min(MARK_RUNS, Number(process.env.RECEIPTS_BENCH_BIG_ARRAY_RUNS ?? 1)) : MARK_RUNS;
    for (let i = 0; i < n; i++) {
      await fresh(page, url);
      // Passed as a string: tsx would wrap named functions in a helper the page lacks.
      const r = (await page.evaluate(`new Promise((done) => {
        const m = new Mark(document.body);
        const t = performance.now();
        const finish = () => done({ ms: performance.now() - t, marks: document.querySelectorAll('mark').length });
        if (${JSON.stringify(mode)} === 'regexp') m.markRegExp(new RegExp(${JSON.stringify(regexpSource)}, 'gi'), { done: finish });
        else m.mark(${JSON.stringify(terms1000)}, { separateWordSearch: false, diacritics: false, accuracy: 'exactly', done: finish });
      })`)) as { ms: number; marks: number };
      runs.push(r.ms);
      marks = r.marks;
    }
    // The first run compiles mark.js's regexp; later runs in this renderer reuse V8's compiled copy.
    return { ms: median(runs.length > 1 ? runs.slice(1) : runs), first: runs[0]!, marks, runs: n };
  };
  const regexp = await markRun('regexp');
  const array = await markRun('array');
  await page.close();
  const ourRuns = cold.runs;
  const ourMs = median(ourRuns.map((r) => r.totalMs));
  const warmMs = median(warm.runs.map((r) => r.totalMs));
  const floorMs = median(floorRuns);
  const coldFloorMs = median(coldFloorRuns);
  const matchMs = median(ourRuns.map((r) => r.matchMs));
  const pageSide = median(ourRuns.map((r) => r.totalMs - r.matchMs));
  const warmMatch = median(warm.runs.map((r) => r.matchMs));
  const warmPage = median(warm.runs.map((r) => r.totalMs - r.matchMs));
  const x = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const { readEveryCharMs, foldEveryCharMs, lookupEveryWordMs, rangesMs, ranges } = cold.bound;
  const lower = lookupEveryWordMs + rangesMs;
  console.log(`\n${file}: ${(bytes / 1024).toFixed(0)} KB of HTML, ${chars.toLocaleString('en')} characters of text, ${ourRuns[0]!.mentions} highlighted mentions`);
  console.log(`  Receipts scan + highlight, cold worker (median of ${RUNS}): ${ms(ourMs)}  (matching ${ms(matchMs)}; page side ${ms(pageSide)})`);
  console.log(`  Receipts scan + highlight, warm worker (median of ${RUNS}): ${ms(warmMs)}  (matching ${ms(warmMatch)}; page side ${ms(warmPage)})`);
  console.log(`  floor: bare TreeWalker walk, warm (median of ${RUNS}):    ${ms(floorMs)}; first walk on a fresh page: ${ms(coldFloorMs)}`);
  console.log(`  ratio to the floor (target ≤ 3×):                   cold ${x(ourMs, floorMs)}, warm ${x(warmMs, floorMs)}, page side ${x(warmPage, floorMs)}; to the fresh-page floor: warm ${x(warmMs, coldFloorMs)}`);
  console.log(`  mark.js 8.11.1, one regexp of ${aliases.length.toLocaleString('en')} aliases: first run ${ms(regexp.first)}, then ${ms(regexp.ms)} (median of ${Math.max(1, regexp.runs - 1)}; ${regexp.marks} marks)`);
  console.log(`    → Receipts (target ≥ 30× faster): cold vs first run ${x(regexp.first, ourMs)}, warm vs later runs ${x(regexp.ms, warmMs)}`);
  console.log(`  mark.js 8.11.1, array of 1,000 terms (median of ${array.runs}):  ${ms(array.ms)} (${array.marks} marks) → Receipts ${x(array.ms, warmMs)} faster warm, ${x(array.ms, ourMs)} cold`);
  const longLine = (r: typeof cold) => (r.longCount === 0 ? 'none over 50 ms' : `${ms(r.longest)}, ${r.longCount} long task${r.longCount > 1 ? 's' : ''}${r.longBy ? ` (longest in ${r.longBy})` : ''}`);
  console.log(`  longest task during our scan (${RUNS} runs each, target: none over 50 ms): cold ${longLine(cold)}; warm ${longLine(warm)}`);
  const ph = (k: string) => ms(median(warm.runs.map((r) => r.phases[k] ?? 0)));
  console.log(`  phases, warm (median): read ${ph('read')} · match wall ${ph('matchWall')} · ranges ${ph('ranges')} · register ${ph('register')}`);
  console.log(`  lower bounds, timed on this page (work no scanner can skip; median of 9):`);
  console.log(`    read every character once:                    ${ms(readEveryCharMs)} = ${x(readEveryCharMs, floorMs)} the floor`);
  console.log(`    read and case-fold every character:           ${ms(foldEveryCharMs)} = ${x(foldEveryCharMs, floorMs)} the floor`);
  console.log(`    fold, and look every word up in a hash set of the ${firstWords.length.toLocaleString('en')} first words of the aliases`);
  console.log(`      (a matcher with no multi-word names, no inflections, no context): ${ms(lookupEveryWordMs)} = ${x(lookupEveryWordMs, floorMs)} the floor; at best ${x(regexp.ms, lookupEveryWordMs)} faster than mark.js's warm regexp`);
  console.log(`    that, plus one Range per highlighted mention (${ranges}, ${ms(rangesMs)}): ${ms(lower)} = ${x(lower, floorMs)} the floor; at best ${x(regexp.ms, lower)} faster than mark.js's warm regexp`);
}

try {
  console.log(`dictionary: ${aliases.length.toLocaleString('en')} aliases (${snapshot.aliases.length} shipped + ${(aliases.length - snapshot.aliases.length).toLocaleString('en')} padding from ${bases.length.toLocaleString('en')} real vendor names), ${(serializedJson.length / 1024).toFixed(0)} KB serialized; compile ${ms(compileMs)} (Node, at index build time)`);
  await measure('article-200k.html');
  await measure('page-2m.html');
  console.log(`\ndictionary load in the worker (fetch + JSON.parse + decode, median of ${dictLoad.length}): ${ms(median(dictLoad))}`);
} finally {
  await browser.close();
  await server.close();
}
