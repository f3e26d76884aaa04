// The benchmark's page script: the content script's own scan pipeline
// (extension/content: read-page, scanner, findings, highlight), with the
// matching done in a dedicated worker, as the extension does it in its
// background worker, off the page's main thread.
import { HighlightLayer } from '../extension/content/highlight.ts';
import { Painter } from '../extension/content/painter.ts';
import { Budget, scanRoots, SLICE_MS } from '../extension/content/scanner.ts';
import type { Analysis } from '../src/report/annotate.ts';

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, (a: Analysis & { matchMs: number }) => void>();

function startWorker(url: string): Promise<{ loadMs: number; aliases: number }> {
  worker = new Worker(url);
  worker.onmessage = (e: MessageEvent) => {
    const d = e.data as { id: number; analysis?: Analysis & { matchMs: number }; ready?: { loadMs: number; aliases: number } };
    if (d.analysis) waiting.get(d.id)?.(d.analysis);
    waiting.delete(d.id);
    if (d.ready) ready?.(d.ready);
  };
  let ready: ((r: { loadMs: number; aliases: number }) => void) | undefined;
  return new Promise((ok) => (ready = ok));
}

function analyse(text: string): Promise<Analysis & { matchMs: number }> {
  const id = ++seq;
  return new Promise((ok) => {
    waiting.set(id, ok);
    worker!.postMessage({ id, text });
  });
}

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

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

(window as unknown as { __bench: unknown }).__bench = { startWorker, ours, floor, longTasks };
