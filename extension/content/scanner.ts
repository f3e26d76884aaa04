// The scan pipeline shared by the content script and the benchmark: read the
// given roots (in slices that fit a frame budget, so the page never sees a
// long task from us), have the text analysed, and turn every finding into a
// live DOM Range, again in budgeted slices.
import type { Analysis } from '../../src/report/annotate.ts';
import { discourseSeeds, seedKey, type DiscourseSeed } from '../../src/match/index.ts';
import type { Claim, LoadedSpan, Mention } from '../../src/report/types.ts';
import { emptyLists, type FindingLists, type Found } from './findings.ts';
import { BLOCK_BREAK, rangeMaker, readPageSteps, type PageText, type ReadOptions } from './read-page.ts';

/** Work per slice before giving the event loop back (well under the 50 ms long-task line). */
export const SLICE_MS = 8;

export interface ScanOptions {
  read: ReadOptions;
  analyse(text: string, discourse?: DiscourseSeed[]): Promise<Analysis>;
  /** Names the rest of the page confirms, when the roots are only part of it (discourse.ts). */
  discourse?: DiscourseSeed[];
  signal?: AbortSignal;
  sliceMs?: number;
}

type SchedulerLike = { yield?: () => Promise<void> };

/** Yields to the event loop: scheduler.yield where it exists, else a message-channel task (no 4 ms clamp). */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export class Budget {
  private t0 = performance.now();
  constructor(private readonly ms: number, private readonly signal?: AbortSignal) {}
  async check(): Promise<void> {
    if (performance.now() - this.t0 < this.ms) return;
    await nextTask();
    if (this.signal?.aborted) throw this.signal.reason ?? new DOMException('aborted', 'AbortError');
    this.t0 = performance.now();
  }
}

/** Reads `roots` in order into one page text, blocks apart, yielding between slices. */
export async function readRoots(roots: readonly Node[], read: ReadOptions, budget: Budget): Promise<PageText> {
  const page: PageText = { text: '', segments: [] };
  const parts: string[] = [];
  let length = 0;
  for (const root of roots) {
    const steps = readPageSteps(root, read);
    let r = steps.next();
    while (!r.done) {
      await budget.check();
      r = steps.next();
    }
    const part = r.value;
    if (part.text.length === 0) continue;
    if (length > 0) {
      parts.push(BLOCK_BREAK);
      length += BLOCK_BREAK.length;
    }
    for (const s of part.segments) page.segments.push({ node: s.node, start: s.start + length, end: s.end + length });
    parts.push(part.text);
    length += part.text.length;
  }
  page.text = parts.join('');
  return page;
}

/** Mentions we show: those that resolve to a record, and amounts (explained by their parse). */
export function isShownMention(m: Mention): boolean {
  return m.id !== null || m.kind === 'amount';
}

export interface ScanResult {
  page: PageText;
  found: FindingLists;
  version: string | null;
}

/**
 * Text longer than this is analysed in pieces cut at block breaks, so no one
 * answer is big enough to take a long task to receive. A news article fits in
 * one piece, so its analysis (context rules, one sense per discourse) sees
 * the whole text; on a huge page the rules see 100,000 characters at a time.
 */
export const CHUNK_CHARS = 100_000;

export function chunksOf(text: string, max = CHUNK_CHARS): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      let cut = text.lastIndexOf(BLOCK_BREAK, end);
      if (cut <= start) cut = text.indexOf(BLOCK_BREAK, end);
      end = cut < 0 ? text.length : cut;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

async function analyseInChunks(text: string, o: ScanOptions): Promise<Analysis & { version?: string }> {
  const chunks = chunksOf(text);
  if (chunks.length === 1) return o.analyse(text, o.discourse);
  const all: Analysis & { version?: string } = { mentions: [], loaded: [], claims: [] };
  const shift = <T extends { start: number; end: number }>(items: readonly T[] | undefined, by: number, into: T[]) => {
    for (const it of items ?? []) into.push({ ...it, start: it.start + by, end: it.end + by });
  };
  // Each piece inherits what the rest of the page and the earlier pieces confirmed (one seed per name).
  const seeds = new Map<string, DiscourseSeed>();
  const addSeeds = (list: readonly DiscourseSeed[]) => {
    for (const s of list) if (!seeds.has(seedKey(s))) seeds.set(seedKey(s), s);
  };
  addSeeds(o.discourse ?? []);
  for (const c of chunks) {
    const a = (await o.analyse(text.slice(c.start, c.end), seeds.size > 0 ? [...seeds.values()] : undefined)) as Analysis & { version?: string };
    addSeeds(discourseSeeds(a.mentions));
    shift(a.mentions, c.start, all.mentions);
    shift(a.loaded, c.start, all.loaded);
    shift(a.claims, c.start, all.claims);
    if (a.version) all.version = a.version;
  }
  return all;
}

export async function scanRoots(roots: readonly Node[], o: ScanOptions): Promise<ScanResult> {
  const budget = new Budget(o.sliceMs ?? SLICE_MS, o.signal);
  const page = await readRoots(roots, o.read, budget);
  const found = emptyLists();
  if (page.text.trim().length === 0) return { page, found, version: null };
  const analysis = await analyseInChunks(page.text, o);
  if (o.signal?.aborted) throw o.signal.reason ?? new DOMException('aborted', 'AbortError');
  const toRanges = async <T extends { start: number; end: number }>(items: readonly T[], keep: (t: T) => boolean, out: Found<T>[]) => {
    const rangeFor = rangeMaker(page);
    for (const item of items) {
      if (!keep(item)) continue;
      const range = rangeFor(item.start, item.end);
      if (range) out.push({ item, range });
      await budget.check();
    }
  };
  await toRanges<Mention>(analysis.mentions, isShownMention, found.mentions);
  await toRanges<LoadedSpan>(analysis.loaded ?? [], () => true, found.loaded);
  await toRanges<Claim>(analysis.claims ?? [], () => true, found.claims);
  return { page, found, version: analysis.version ?? null };
}
