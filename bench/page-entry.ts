// The benchmark's page script: the content script's own scan pipeline
// (extension/content: read-page, scanner, findings, highlight), with the
// matching done in a dedicated worker, as the extension does it in its
// background worker, off the page's main thread.
import { HighlightLayer } from '../extension/content/highlight.ts';
import { Painter } from '../extension/content/painter.ts';
import { Budget, scanRoots, SLICE_MS } from '../extension/content/scanner.ts';
import type { FindingLists } from '../extension/content/findings.ts';
import type { Analysis } from '../src/report/annotate.ts';

type Reply = { id: number; analysis?: Analysis & { matchMs: number }; ready?: { loadMs: number; aliases: number }; warmed?: number };

let worker: Worker | null = null;
let seq = 0;
/** Who waits for the worker's reply to each request, by id. */
const waiting = new Map<number, (d: Reply) => void>();

function startWorker(url: string): Promise<{ loadMs: number; aliases: number }> {
  worker = new Worker(url);
  worker.onmessage = (e: MessageEvent) => {
    const d = e.data as Reply;
    if (d.ready) ready?.(d.ready);
    waiting.get(d.id)?.(d);
    waiting.delete(d.id);
  };
  let ready: ((r: { loadMs: number; aliases: number }) => void) | undefined;
  return new Promise((ok) => (ready = ok));
}

function ask(message: { text: string } | { warm: string }): Promise<Reply> {
  const id = ++seq;
  return new Promise((ok) => {
    waiting.set(id, ok);
    worker!.postMessage({ id, ...message });
  });
}

const analyse = async (text: string) => (await ask({ text })).analysis!;

/**
 * Warms the matcher worker on a different article (same generator, another
 * seed; its text, prepared by the bench script), as the extension's
 * long-lived background worker is warm after the reader's earlier pages.
 * Nothing is cached between texts: only the JIT warms.
 */
const warm = async (url: string) => (await ask({ warm: url })).warmed ?? 0;

let lastFound: FindingLists | null = null;

/** Wall time of read + match (in the worker) + ranges + highlight registration, with each phase's share. */
async function ours(): Promise<{ totalMs: number; matchMs: number; mentions: number; chars: number; phases: Record<string, number> }> {
  const t0 = performance.now();
  let matchMs = 0;
  let tRead = 0;
  let tMatched = 0;
  const { found, page } = await scanRoots([document.body], {
    read: {},
    analyse: async (text) => {
      if (!tRead) tRead = performance.now(); // the first piece: reading is done
      const a = await analyse(text);
      tMatched = performance.now();
      matchMs += a.matchMs; // every piece's matching time, summed
      return a;
    },
  });
  const tRanges = performance.now();
  lastFound = found;
  // As PageSession.render does: registered in slices within the frame budget.
  const painter = new Painter(new HighlightLayer());
  const budget = new Budget(SLICE_MS);
  await painter.paint(found, () => budget.check());
  await painter.settled();
  const tEnd = performance.now();
  return {
    totalMs: tEnd - t0,
    matchMs,
    mentions: found.mentions.length,
    chars: page.text.length,
    phases: { read: tRead - t0, matchWall: tMatched - tRead /* all pieces, incl. messaging */, ranges: tRanges - tMatched, register: tEnd - tRanges },
  };
}

function floor(): { ms: number; chars: number } {
  const t0 = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  while (w.nextNode()) chars += (w.currentNode as Text).data.length;
  return { ms: performance.now() - t0, chars };
}

// Case folding as a matcher's inner loop would do it: one table read per UTF-16 unit.
const FOLD = new Uint16Array(65536);
const WORD = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  const ch = String.fromCharCode(c);
  FOLD[c] = ch.toLowerCase().charCodeAt(0);
  WORD[c] = /[\p{L}\p{N}]/u.test(ch) ? 1 : 0;
}
const FNV = 2166136261 | 0;
const mix = (h: number, c: number) => Math.imul(h ^ c, 16777619);

/** An open-addressing set of folded word hashes (never 0), 2^16 slots. */
function wordTable(words: readonly string[]): Int32Array {
  const t = new Int32Array(1 << 16);
  for (const w of words) {
    let h = FNV;
    for (let i = 0; i < w.length; i++) h = mix(h, FOLD[w.charCodeAt(i)]!);
    h |= 1;
    let at = h & 0xffff;
    while (t[at] !== 0 && t[at] !== h) at = (at + 1) & 0xffff;
    t[at] = h;
  }
  return t;
}

/**
 * Work no matcher can skip, timed on this page (median of 9): walk the text
 * nodes and read each character once; the same, folding each character's
 * case through a table (any case-insensitive matcher does at least this);
 * folding and looking every word up in a hash set of the dictionary's first
 * words (the least a dictionary matcher does: no multi-word names, no
 * inflections, no context, no results); and one DOM Range per mention we
 * highlighted (any scanner that highlights every mention, rather than only
 * those near the viewport, makes these).
 */
function bounds(firstWords: string[]): { readEveryCharMs: number; foldEveryCharMs: number; lookupEveryWordMs: number; rangesMs: number; ranges: number } {
  const table = wordTable(firstWords);
  const found = lastFound?.mentions ?? [];
  const med = (f: () => number) => {
    const xs: number[] = [];
    let sink = 0;
    for (let i = 0; i < 11; i++) {
      const t0 = performance.now();
      sink += f();
      if (i >= 2) xs.push(performance.now() - t0);
    }
    (globalThis as { __sink?: number }).__sink = sink; // keeps the loops from being optimised away
    xs.sort((a, b) => a - b);
    return xs[xs.length >> 1]!;
  };
  const readEveryCharMs = med(() => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let h = 0;
    while (w.nextNode()) {
      const d = (w.currentNode as Text).data;
      for (let i = 0; i < d.length; i++) h = (h + d.charCodeAt(i)) | 0;
    }
    return h;
  });
  const foldEveryCharMs = med(() => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let h = 0;
    while (w.nextNode()) {
      const d = (w.currentNode as Text).data;
      for (let i = 0; i < d.length; i++) h = (Math.imul(h, 31) + FOLD[d.charCodeAt(i)]!) | 0;
    }
    return h;
  });
  const lookupEveryWordMs = med(() => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let hits = 0;
    const probe = (h: number) => {
      h |= 1;
      let at = h & 0xffff;
      for (let v = table[at]!; v !== 0; v = table[at]!) {
        if (v === h) return 1;
        at = (at + 1) & 0xffff;
      }
      return 0;
    };
    while (w.nextNode()) {
      const d = (w.currentNode as Text).data;
      let h = FNV;
      let inWord = false;
      for (let i = 0; i < d.length; i++) {
        const c = d.charCodeAt(i);
        if (WORD[c] === 1) {
          h = mix(h, FOLD[c]!);
          inWord = true;
        } else if (inWord) {
          hits += probe(h);
          h = FNV;
          inWord = false;
        }
      }
      if (inWord) hits += probe(h);
    }
    return hits;
  });
  const rangesMs = med(() => {
    let n = 0;
    for (const f of found) {
      const r = document.createRange();
      r.setStart(f.range.startContainer, f.range.startOffset);
      r.setEnd(f.range.endContainer, f.range.endOffset);
      n += r.endOffset;
    }
    return n;
  });
  return { readEveryCharMs, foldEveryCharMs, lookupEveryWordMs, rangesMs, ranges: found.length };
}

const longTasks: { start: number; duration: number; by?: string }[] = [];
// Long animation frames say which callback a long task ran in (and whether
// that callback's own work or, inside it, a garbage-collection pause took the time).
const frames: { start: number; by: string }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { scripts?: { invoker: string; duration: number }[] })[]) {
      const top = [...(e.scripts ?? [])].sort((a, b) => b.duration - a.duration)[0];
      if (top) frames.push({ start: e.startTime, by: `${top.invoker} ${Math.round(top.duration)} ms` });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
} catch {
  // Long animation frames are Chromium 123+: without them, long tasks go unattributed.
}
const attribute = (t: { start: number; duration: number; by?: string }) => {
  t.by ??= frames.find((f) => f.start <= t.start + 1 && t.start < f.start + t.duration + 50)?.by;
  return t;
};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

(window as unknown as { __bench: unknown }).__bench = { startWorker, warm, ours, floor, bounds, longTasks, attribute };
