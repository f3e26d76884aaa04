// Ambiguous aliases ("ICE", "GEO", "Maven", "FALCON", "Clear") are kept only
// with supporting context in the same block: a confident entity mention,
// a contract number or amount (anchors), or contracting words. A negative
// cue near the alias ("ice hockey", "Falcon 9", "Apache Maven") vetoes it,
// whatever else is around: precision before recall.
//
// One sense per discourse: once an alias is confirmed for an entity, its
// other occurrences in the same text are confirmed too, unless a negative
// cue sits next to them.
import type { NormalizedText } from '../text/normalize.ts';
import { isSentenceInitial, tokenAt, tokenize, type Token } from '../text/tokens.ts';
import { resolveOverlaps, type Candidate } from './candidate.ts';
import { compileCues, cuesStartingWith, NEGATIVE_CUES, phraseMatchesAt, POSITIVE_CUES, type CuePhrase } from './context-cues.ts';

export interface ContextBlock {
  index: number;
  offset: number;
  norm: NormalizedText;
  /** Words of the block, tokenised on first use: most blocks hold no ambiguous alias. */
  tokens?: Token[];
  /** Per cue list, per token: length of the first phrase matching there (0 none, -1 not yet tried). */
  cueMemo?: Map<readonly string[], Int8Array>;
}

/** Normalised characters either side searched for support, and for vetoes. */
export const POSITIVE_WINDOW = 250;
export const NEGATIVE_WINDOW = 120;
export const NEGATIVE_CONFIDENCE = 0.1;
export const NO_CONTEXT_CONFIDENCE = 0.35;
export const DISCOURSE_CONFIDENCE = 0.7;
/** By evidence points: an anchor or a first cue word is worth 2, each further one 1. */
const BY_EVIDENCE = [0.35, 0.5, 0.65, 0.75, 0.82, 0.88, 0.9];
/** A capitalised ordinary word opening a sentence ("Clear", "Maven") is capitalised anyway: ask for more. */
const SENTENCE_INITIAL_PENALTY = 0.15;

/** Tokens [from, from+n) match the (possibly multi-word) pattern: n, else 0. */
function phraseAt(tokens: Token[], from: number, phrase: CuePhrase): number {
  return phraseMatchesAt(tokens, from, phrase);
}

interface CueHit {
  from: number;
  to: number;
}

function tokensOf(block: ContextBlock): Token[] {
  return (block.tokens ??= tokenize(block.norm.folded));
}

/**
 * Cue hits in tokens [lo, hi): at each token, the first pattern of the list
 * that matches there. Windows of neighbouring candidates overlap, so each
 * token's answer is memoised per block and list: a token is tried against a
 * list at most once, however many ambiguous aliases surround it.
 */
function findCues(block: ContextBlock, lo: number, hi: number, patterns: readonly string[], skip: (t: Token) => boolean): CueHit[] {
  const tokens = tokensOf(block);
  const memos = (block.cueMemo ??= new Map());
  let memo = memos.get(patterns);
  if (memo === undefined) {
    memo = new Int8Array(tokens.length).fill(-1);
    memos.set(patterns, memo);
  }
  const phrases = compileCues(patterns);
  const hits: CueHit[] = [];
  for (let k = Math.max(0, lo); k < Math.min(hi, tokens.length); k++) {
    const t = tokens[k];
    if (t === undefined || skip(t)) continue;
    let n = memo[k] ?? 0;
    if (n < 0) {
      n = 0;
      for (const i of cuesStartingWith(patterns, t.word)) {
        const p = phrases[i];
        n = p === undefined ? 0 : phraseAt(tokens, k, p);
        if (n > 0) break;
      }
      memo[k] = n;
    }
    if (n > 0) hits.push({ from: k, to: k + n });
  }
  return hits;
}

const quoteList = (items: string[]): string => {
  const q = items.map((s) => `"${s}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1] ?? ''}`;
};

function uniq(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const k = s.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function describeAlias(c: Candidate, text: string): string {
  const written = text.slice(c.start, c.end);
  return /^[A-Z0-9]{2,6}$/.test(c.reason.alias ?? '')
    ? `"${written}" is an acronym that is also an ordinary word`
    : `"${written}" is also an ordinary word or another product's name`;
}

/**
 * An ambiguous name confirmed by context elsewhere on the same page, outside
 * the text being analysed: a live page rescans only what changed, and a
 * paragraph added to a live blog should read "ICE" as the earlier posts did.
 */
export interface DiscourseSeed {
  id: string;
  /** The dictionary alias as written (the mention's `reason.alias`). */
  alias: string;
  /** The words that confirmed it there. */
  context: string[];
}

/** One key per name and entity, for sets and maps of seeds. */
export const seedKey = (s: { id: string; alias: string }): string => `${s.id}\u0000${s.alias}`;

export function disambiguate(text: string, blocks: ContextBlock[], candidates: Candidate[], threshold: number, seeds: readonly DiscourseSeed[] = []): void {
  const anchors = resolveOverlaps(candidates.filter((c) => !c.needsContext && c.confidence >= threshold));
  // Anchors by block, in order: a candidate only ever looks at its own block's.
  const anchorsOf = new Map<number, Candidate[]>();
  for (const a of anchors) {
    const list = anchorsOf.get(a.block);
    if (list === undefined) anchorsOf.set(a.block, [a]);
    else list.push(a);
  }
  for (const c of candidates) {
    if (!c.needsContext) continue;
    const block = blocks[c.block];
    if (block === undefined) continue;
    const { norm } = block;
    const tokens = tokensOf(block);
    // Original text of tokens [from, to): what the reader sees, not the folded form.
    const span = (h: CueHit): string =>
      text.slice(block.offset + (norm.starts[tokens[h.from]?.start ?? 0] ?? 0), block.offset + (norm.ends[(tokens[h.to - 1]?.end ?? 1) - 1] ?? 0));
    const first = tokenAt(tokens, c.nStart);
    let last = first;
    while ((tokens[last + 1]?.start ?? Infinity) < c.nEnd) last++;
    const inside = (t: Token): boolean => t.start < c.nEnd && t.end > c.nStart;

    // Vetoes.
    // Own keys only: an alias spelled "constructor" must not find Object.prototype's member.
    const neg = c.aliasKey !== undefined && Object.hasOwn(NEGATIVE_CUES, c.aliasKey) ? NEGATIVE_CUES[c.aliasKey] : undefined;
    const vetoes: CueHit[] = [];
    const next = tokens[last + 1];
    if (next !== undefined && /^\d{1,2}$/.test(next.word) && next.start - c.nEnd <= 1) vetoes.push({ from: last + 1, to: last + 2 });
    if (neg !== undefined) {
      for (const p of compileCues(neg.before)) {
        const n = p.length;
        if (phraseAt(tokens, first - n, p) > 0) vetoes.push({ from: first - n, to: first });
      }
      const compound = norm.cased[c.nEnd] === '-';
      for (const p of compound ? [] : compileCues(neg.beforeStandalone ?? [])) {
        if (phraseAt(tokens, first - 1, p) > 0) vetoes.push({ from: first - 1, to: first });
      }
      vetoes.push(...findCues(block, last + 1, last + 3, neg.after, inside));
      const lo = tokenAt(tokens, c.nStart - NEGATIVE_WINDOW);
      const hi = tokenAt(tokens, c.nEnd + NEGATIVE_WINDOW);
      vetoes.push(...findCues(block, lo, hi, neg.window, inside));
    }
    if (vetoes.length > 0) {
      const words = uniq(vetoes.map((v) => span(v)));
      c.negative = true;
      c.confidence = NEGATIVE_CONFIDENCE;
      c.reason = { ...c.reason, rule: 'alias-negative', context: words, explanation: `${describeAlias(c, text)}; not matched because ${quoteList(words)} nearby ${words.length > 1 ? 'suggest' : 'suggests'} another meaning.` };
      continue;
    }

    // Support.
    const near = (anchorsOf.get(c.block) ?? [])
      .filter((a) => a.end <= c.start || a.start >= c.end)
      .map((a) => ({ a, gap: a.nStart >= c.nEnd ? a.nStart - c.nEnd : c.nStart - a.nEnd }))
      .filter((x) => x.gap <= POSITIVE_WINDOW)
      .sort((x, y) => x.gap - y.gap);
    const anchorTexts = uniq(near.map((x) => text.slice(x.a.start, x.a.end))).slice(0, 3);
    const inAnchor = (t: Token): boolean => inside(t) || near.some((x) => t.start < x.a.nEnd && t.end > x.a.nStart);
    const lo = tokenAt(tokens, c.nStart - POSITIVE_WINDOW);
    const hi = tokenAt(tokens, c.nEnd + POSITIVE_WINDOW);
    const cueWords = uniq(findCues(block, lo, hi, POSITIVE_CUES, inAnchor).map(span)).slice(0, 3);

    const points = (anchorTexts.length > 0 ? 2 + anchorTexts.length - 1 : 0) + (cueWords.length > 0 ? 2 + cueWords.length - 1 : 0);
    let confidence = BY_EVIDENCE[Math.min(points, BY_EVIDENCE.length - 1)] ?? 0;
    const acronym = /^[A-Z0-9]{2,6}$/.test(c.reason.alias ?? '');
    if (!acronym && points > 0 && isSentenceInitial(norm.cased, c.nStart)) confidence -= SENTENCE_INITIAL_PENALTY;
    const context = [...anchorTexts, ...cueWords];
    c.confidence = Math.round(confidence * 100) / 100;
    c.reason =
      context.length > 0
        ? { ...c.reason, rule: 'alias+context', context, explanation: `${describeAlias(c, text)}; matched because ${quoteList(context)} ${context.length > 1 ? 'appear' : 'appears'} nearby.` }
        : { ...c.reason, rule: 'alias', context: [], explanation: `${describeAlias(c, text)}; no supporting context nearby, so not matched.` };
  }
  applyDiscourse(text, candidates, threshold, seeds);
}

/**
 * One sense per discourse: an ambiguous candidate left below the threshold is
 * confirmed when the same alias is confirmed by context elsewhere in this
 * text, or else elsewhere on the page (`seeds`, for a text that is only part
 * of a page). In-text evidence is named first: it is what the reader sees here.
 */
function applyDiscourse(text: string, candidates: Candidate[], threshold: number, seeds: readonly DiscourseSeed[]): void {
  const inText = new Map<string, string[]>();
  for (const c of candidates) {
    const key = `${c.id ?? ''}\u0000${c.aliasKey ?? ''}`;
    if (c.needsContext && !c.negative && c.confidence >= threshold && !inText.has(key)) inText.set(key, c.reason.context ?? []);
  }
  const onPage = new Map<string, string[]>();
  for (const s of seeds) if (!onPage.has(seedKey(s))) onPage.set(seedKey(s), s.context);
  for (const c of candidates) {
    if (!c.needsContext || c.negative || c.confidence >= threshold) continue;
    const here = inText.get(`${c.id ?? ''}\u0000${c.aliasKey ?? ''}`);
    const context = here ?? (c.id === null ? undefined : onPage.get(seedKey({ id: c.id, alias: c.reason.alias ?? '' })));
    if (context === undefined) continue;
    c.confidence = Math.max(c.confidence, DISCOURSE_CONFIDENCE);
    c.reason = {
      ...c.reason,
      rule: 'alias+discourse',
      context,
      explanation: `${describeAlias(c, text)}; matched because the same name is confirmed elsewhere ${here ? 'in this text' : 'on this page'} by ${quoteList(context)}.`,
    };
  }
}
