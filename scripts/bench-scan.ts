// `npm run bench`: the content script's scan pipeline on a 200 KB article and
// a 2 MB page in headless Chromium, with the shipped dictionary padded to
// ≥ 20,000 aliases (bench/padded-dictionary.ts says how). Prints, per page:
// our scan+highlight (median), the floor (a bare TreeWalker walk over the
// same page) and our ratio to it, mark.js 8.11.1 with the same dictionary as
// one regexp and as an array capped at 1,000 terms, our speed-up over both,
// and the longest task while we scan. Also the dictionary's size and load
// time. Prints numbers; asserts nothing.
import { chromium, type Page } from 'playwright-core';
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileDictionary, serializeDictionary } from '../src/match/index.ts';
import type { AliasEntry } from '../src/model/types.ts';
import { paddedAliases, type SnapshotLike } from '../bench/padded-dictionary.ts';
import { article, bigPage } from '../bench/generate-pages.ts';
import { serveStatic } from '../test/e2e/server.ts';
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
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

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
copyFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), resolve(OUT, 'mark.min.js'));
const common = { bundle: true, minify: true, format: 'iife' as const, target: 'es2022', logLevel: 'warning' as const };
await build({ ...common, entryPoints: [resolve(ROOT, 'bench/page-entry.ts')], outfile: resolve(OUT, 'bench-page.js') });
await build({ ...common, entryPoints: [resolve(ROOT, 'bench/worker-entry.ts')], outfile: resolve(OUT, 'bench-worker.js') });

// mark.js gets the same dictionary: every alias, escaped, as one word-bounded regexp; and the first 1,000 as an array.
const escaped = aliases.map((a) => a.alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const regexpSource = `\\b(?:${escaped.join('|')})\\b`;
const terms1000 = aliases.slice(0, 1000).map((a) => a.alias);

interface OursRun { totalMs: number; matchMs: number; mentions: number; chars: number; phases: Record<string, number> }
type Bench = {
  startWorker(url: string): Promise<{ loadMs: number; aliases: number }>;
  ours(): Promise<OursRun>;
  floor(): { ms: number; chars: number };
  longTasks: { start: number; duration: number }[];
};

const executablePath = requireBrowser('chromium');
const server = await serveStatic(OUT);
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
  await fresh(page, url);
  const floorRuns: number[] = [];
  let chars = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const f = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.floor());
    if (i >= 2) floorRuns.push(f.ms); // two warm-up walks
    chars = f.chars;
  }
  const ourRuns: OursRun[] = [];
  let longest = 0;
  let longCount = 0;
  for (let i = 0; i < RUNS; i++) {
    await fresh(page, url);
    const res = await page.evaluate(async (w) => {
      const b = (window as unknown as { __bench: Bench }).__bench;
      const ready = await b.startWorker(w);
      // Let the page settle (parse, first paint) before the clock starts.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const start = performance.now();
      const run = await b.ours();
      // One rendering frame, so painting the highlights is inside the long-task window.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const end = performance.now();
      await new Promise((r) => setTimeout(r, 100)); // long-task entries are delivered asynchronously
      const tasks = b.longTasks.filter((t) => t.start >= start && t.start <= end);
      return { run, loadMs: ready.loadMs, longest: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length };
    }, server.url('bench-worker.js'));
    ourRuns.push(res.run);
    dictLoad.push(res.loadMs);
    longest = Math.max(longest, res.longest);
    longCount += res.count;
  }
  const markRun = async (mode: 'regexp' | 'array') => {
    const runs: number[] = [];
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
    return { ms: median(runs), marks, runs: n };
  };
  const regexp = await markRun('regexp');
  const array = await markRun('array');
  await page.close();
  const ourMs = median(ourRuns.map((r) => r.totalMs));
  const floorMs = median(floorRuns);
  const matchMs = median(ourRuns.map((r) => r.matchMs));
  const pageSide = median(ourRuns.map((r) => r.totalMs - r.matchMs));
  console.log(`\n${file}: ${(bytes / 1024).toFixed(0)} KB of HTML, ${chars.toLocaleString('en')} characters of text, ${ourRuns[0]!.mentions} highlighted mentions`);
  console.log(`  Receipts scan + highlight (median of ${RUNS}):   ${ms(ourMs)}  (matching in the worker ${ms(matchMs)}; page side ${ms(pageSide)})`);
  console.log(`  floor: bare TreeWalker walk (median of ${RUNS}):  ${ms(floorMs)}`);
  console.log(`  ratio to the floor:                             ${(ourMs / floorMs).toFixed(1)}× total, ${(pageSide / floorMs).toFixed(1)}× page side`);
  console.log(`  mark.js 8.11.1, one regexp of ${aliases.length.toLocaleString('en')} aliases (median of ${regexp.runs}): ${ms(regexp.ms)} (${regexp.marks} marks) → Receipts ${(regexp.ms / ourMs).toFixed(1)}× faster`);
  console.log(`  mark.js 8.11.1, array of 1,000 terms (median of ${array.runs}):  ${ms(array.ms)} (${array.marks} marks) → Receipts ${(array.ms / ourMs).toFixed(1)}× faster`);
  console.log(`  longest task during our scan (${RUNS} runs):      ${longCount === 0 ? 'none over 50 ms' : `${ms(longest)} (${longCount} long tasks)`}`);
  const ph = (k: string) => ms(median(ourRuns.map((r) => r.phases[k] ?? 0)));
  console.log(`  phases (median): read ${ph('read')} · match wall ${ph('matchWall')} · ranges ${ph('ranges')} · register ${ph('register')}`);
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
