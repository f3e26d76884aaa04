// Loaded-language detector: lexicon hits found through inflection and
// compound rules, then phrase rules (intensifier + judgement as one span),
// negation, quotations and scare quotes. Runs per paragraph, linear in the
// text: every step walks the paragraph's words once with hash lookups.
import de from '../../assets/lexicons/de.json' with { type: 'json' };
import en from '../../assets/lexicons/en.json' with { type: 'json' };
import type { LoadedSpan } from '../report/types.ts';
import { splitBlocks } from '../text/blocks.ts';
import { type LoadedCategoryId, loadedCategory } from './categories.ts';
import { guessLang } from './lang.ts';
import { type CompiledLexicon, compileLexicon, type LexiconFile } from './lexicon.ts';
import { quoteRegions } from './quotes.ts';
import { findHits, type Hit } from './hits.ts';
import { words, type Word } from './tokens.ts';

export interface DetectOptions {
  /** 'auto' (default) guesses per paragraph. */
  lang?: 'en' | 'de' | 'auto';
  /** Enabled category ids; default all. */
  categories?: ReadonlySet<string>;
  /** Words or phrases the reader has exempted (any case). */
  exempt?: readonly string[];
  /** Spans below this confidence are dropped (default 0.5). */
  minConfidence?: number;
}

const compiled = new Map<'en' | 'de', CompiledLexicon>();
export function lexiconFor(lang: 'en' | 'de'): CompiledLexicon {
  let lex = compiled.get(lang);
  if (!lex) {
    lex = compileLexicon((lang === 'de' ? de : en) as LexiconFile);
    compiled.set(lang, lex);
  }
  return lex;
}

// Words before a short quotation that make it a name or a cited term, not scare quotes.
const NAMING = new Set(['as', 'called', 'named', 'titled', 'entitled', 'term', 'word', 'words', 'phrase', 'als', 'namens', 'begriff', 'wort', 'titel', 'motto', 'slogan']);
const SHORT_QUOTE_WORDS = 3;
const REPEATS = 2;

export function detectLoaded(text: string, opts: DetectOptions = {}): LoadedSpan[] {
  const out: LoadedSpan[] = [];
  const exempt = new Set((opts.exempt ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean));
  const min = opts.minConfidence ?? 0.5;
  // A judgement repeated through a page is usually its topic ("plague" in a plague report):
  // the first occurrences are marked, later ones only when they are confident on their own.
  const seen = new Map<string, number>();
  for (const block of splitBlocks(text)) {
    const ws = words(text, block.start, block.end);
    if (ws.length === 0) continue;
    const lang = opts.lang && opts.lang !== 'auto' ? opts.lang : guessLang(ws.slice(0, 300).map((w) => w.lower));
    const lex = lexiconFor(lang);
    const hits = findHits(text, ws, lex, exempt);
    markQuotes(text, block.start, block.end, ws, hits, lex);
    for (const h of hits) {
      const key = h.key ?? text.slice(h.start, h.end).toLowerCase();
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > REPEATS) {
        h.confidence *= 0.7;
        h.rule += '+repeated';
      }
      if (h.confidence < min) continue;
      if (opts.categories && !opts.categories.has(h.category)) continue;
      out.push(toSpan(text, h, lang));
    }
  }
  return out;
}

function toSpan(text: string, h: Hit, lang: 'en' | 'de'): LoadedSpan {
  const c = loadedCategory(h.category);
  return {
    start: h.start,
    end: h.end,
    text: text.slice(h.start, h.end),
    category: h.category,
    reason: c.reason.en,
    reasonDe: c.reason.de,
    confidence: Math.round(h.confidence * 100) / 100,
    quoted: h.quoted,
    ...(h.negated ? { negated: true } : {}),
    rule: h.rule,
    lang,
  };
}

/**
 * Long quotations mark their hits `quoted`. A short quotation right after an
 * insinuation word joins it ("angeblichen „technischen Überlegenheit“");
 * an unattributed short lower-case quotation is scare quotes by itself (English only:
 * German quotes lower-case adjective phrases from officials routinely).
 * Hits, words and regions are all sorted, so this is one merge pass.
 */
function markQuotes(text: string, from: number, to: number, ws: Word[], hits: Hit[], lex: CompiledLexicon): void {
  const regions = quoteRegions(text, from, to);
  if (regions.length === 0) return;
  const speech = new Set<number>();
  for (const w of ws) if (lex.speech.has(w.lower)) speech.add(w.sentence);
  const byEnd = new Map<number, Hit>();
  for (const h of hits) byEnd.set(h.endWord, h);
  const removed = new Set<Hit>();
  const added: Hit[] = [];
  let wi = 0;
  let hi = 0;
  for (const r of regions) {
    while (wi < ws.length && (ws[wi] as Word).start < r.start) wi++;
    let wj = wi;
    while (wj < ws.length && (ws[wj] as Word).end <= r.end) wj++;
    const first = ws[wi];
    if (wj === wi || !first) continue;
    const closeMark = r.end < to ? r.end + 1 : r.end;
    const short = wj - wi <= SHORT_QUOTE_WORDS && ws[wj - 1]?.sentence === first.sentence;
    const attributed = speech.has(first.sentence);
    while (hi < hits.length && (hits[hi] as Hit).end <= r.start) hi++;
    let touching = false;
    for (let k = hi; k < hits.length && (hits[k] as Hit).start < closeMark; k++) {
      const h = hits[k] as Hit;
      touching = true;
      if (h.start >= r.start && h.end <= r.end) h.quoted = !short || attributed;
    }
    if (!short) continue;
    const prev = ws[wi - 1];
    const prev2 = ws[wi - 2];
    // "angeblichen „X“" or "die angebliche „X“": the marker within one word before the quote.
    let marker = byEnd.get(wi - 1);
    if (!marker || marker.category !== 'insinuation') marker = prev && !prev.capital ? byEnd.get(wi - 2) : undefined;
    if (marker && marker.category === 'insinuation' && !removed.has(marker)) {
      marker.end = closeMark;
      marker.endWord = wj - 1;
      marker.rule = `${marker.rule}+scare-quotes`;
      marker.confidence = Math.min(0.95, marker.confidence + 0.1);
      for (let k = hi; k < hits.length && (hits[k] as Hit).start < closeMark; k++) if (hits[k] !== marker) removed.add(hits[k] as Hit);
      continue;
    }
    if (lex.lang !== 'en' || attributed || touching) continue;
    if (ws.slice(wi, wj).some((w) => w.capital) || (prev && NAMING.has(prev.lower)) || (prev2 && NAMING.has(prev2.lower))) continue;
    added.push({
      start: r.start - 1,
      end: closeMark,
      startWord: wi,
      endWord: wj - 1,
      category: 'insinuation',
      confidence: 0.55,
      rule: 'scare-quotes',
      quoted: false,
      negated: false,
    });
  }
  if (removed.size || added.length) {
    const kept = hits.filter((h) => !removed.has(h)).concat(added).sort((a, b) => a.start - b.start);
    hits.length = 0;
    for (const h of kept) hits.push(h);
  }
}

export type { LoadedCategoryId };
