// Scoring against human labels, shared by `npm run eval:loaded` and the unit
// tests on our own labelled samples. Pure functions over offsets.

export interface Range {
  start: number;
  end: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(precision: number, recall: number): Prf {
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Sums for the SemEval-2020 task 11 partial-overlap measure; add documents up, then call `partialPrf`. */
export interface PartialSums {
  p: number;
  r: number;
  predicted: number;
  gold: number;
}

export function addPartial(sums: PartialSums, pred: readonly Range[], gold: readonly Range[]): void {
  for (const s of pred) for (const t of gold) sums.p += overlap(s, t) / (s.end - s.start);
  for (const t of gold) for (const s of pred) sums.r += overlap(s, t) / (t.end - t.start);
  sums.predicted += pred.length;
  sums.gold += gold.length;
}

export function partialPrf(s: PartialSums): Prf {
  return prf(s.predicted ? s.p / s.predicted : 0, s.gold ? s.r / s.gold : 0);
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/** Word ranges of a text, for token-level scoring. */
export function wordRanges(text: string): Range[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function countsPrf(c: Counts): Prf {
  return prf(c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0, c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0);
}

/** Token-level: a word is positive when any span overlaps it. */
export function addTokens(c: Counts, tokens: readonly Range[], pred: readonly Range[], gold: readonly Range[]): void {
  for (const t of tokens) {
    const p = pred.some((s) => overlap(s, t) > 0);
    const g = gold.some((s) => overlap(s, t) > 0);
    if (p && g) c.tp++;
    else if (p) c.fp++;
    else if (g) c.fn++;
  }
}

/** Phrase-level, as for our labelled samples: a gold phrase is found when any prediction overlaps it, a prediction is right when it overlaps any gold phrase. */
export interface PhraseCounts {
  right: number;
  predicted: number;
  found: number;
  gold: number;
}

export function addPhrases(c: PhraseCounts, pred: readonly Range[], gold: readonly Range[]): void {
  c.predicted += pred.length;
  c.gold += gold.length;
  for (const s of pred) if (gold.some((t) => overlap(s, t) > 0)) c.right++;
  for (const t of gold) if (pred.some((s) => overlap(s, t) > 0)) c.found++;
}

export function phrasePrf(c: PhraseCounts): Prf {
  return prf(c.predicted ? c.right / c.predicted : 1, c.gold ? c.found / c.gold : 1);
}

/** One labelled sample of our own (test/fixtures/loaded/*.jsonl). Spans name their text; `nth` picks a later occurrence. */
export interface Sample {
  id: string;
  lang: 'en' | 'de';
  text: string;
  spans: { text: string; category: string; nth?: number }[];
}

export interface LabelledRange extends Range {
  text: string;
  category: string;
}

export function resolveSample(s: Sample): LabelledRange[] {
  return s.spans.map((sp) => {
    let at = -1;
    for (let n = 0; n <= (sp.nth ?? 0); n++) at = s.text.indexOf(sp.text, at + 1);
    if (at < 0) throw new Error(`${s.id}: "${sp.text}" not in text`);
    return { start: at, end: at + sp.text.length, text: sp.text, category: sp.category };
  });
}
