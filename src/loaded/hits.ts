// Word-level rules: lexicon lookup through inflection, compounds and
// multi-word entries; then phrase rules that join an intensifier with the
// judgement it strengthens; then negation. One pass over the words each.
import type { LoadedCategoryId } from './categories.ts';
import { type CompiledLexicon, type Entry, GAP } from './lexicon.ts';
import { englishForms, type Form, germanForms, type Word } from './tokens.ts';

export interface Hit {
  start: number;
  end: number;
  startWord: number;
  endWord: number;
  category: LoadedCategoryId;
  confidence: number;
  rule: string;
  quoted: boolean;
  negated: boolean;
  /** What repeats count by: the lexicon term, so "lies" and "lying" are one topic. */
  key?: string;
}

interface WordInfo {
  entry: Entry | null;
  rule: string;
  superlative: boolean;
  attributive: boolean;
  degree: boolean;
  charged: boolean;
}

const SUPERLATIVE_DEGREE = new Set(['most']);

function formsOf(lex: CompiledLexicon, w: string): Form[] {
  const forms = lex.lang === 'de' ? germanForms(w) : englishForms(w);
  const dash = w.lastIndexOf('-');
  // "ICE-Skandal", "Tech-Riesen": the last part carries the meaning.
  if (dash > 0 && dash < w.length - 3) forms.push(...(lex.lang === 'de' ? germanForms(w.slice(dash + 1)) : englishForms(w.slice(dash + 1))));
  return forms;
}

function lookup(lex: CompiledLexicon, w: Word): WordInfo {
  const info: WordInfo = { entry: null, rule: '', superlative: false, attributive: false, degree: false, charged: false };
  if (lex.neutral.has(w.lower)) return info;
  const forms = formsOf(lex, w.lower);
  for (const f of forms) {
    if (!info.degree && lex.degree.has(f.base)) info.degree = true;
    if (!info.charged && lex.charged.has(f.base)) info.charged = true;
    const e = info.entry ? undefined : lex.single.get(f.base);
    if (e) {
      info.entry = e;
      info.rule = f.base === w.lower ? `lexicon:${e.section}` : `lexicon:${e.section}+inflection`;
      info.superlative = f.superlative;
      info.attributive = f.attributive;
    }
  }
  if (info.entry) return info;
  for (let k = Math.min(w.lower.length, 16); k >= 4; k--) {
    const e = lex.prefixes.get(w.lower.slice(0, k));
    if (e) return { ...info, entry: e, rule: `prefix:${e.section}` };
  }
  if (lex.lang === 'de') {
    // Compound: the longest lexicon word that ends this one ("Datenskandal", "hochgefährlich").
    for (const f of forms) {
      if (f.base.length < 9) continue;
      for (let k = 3; k <= f.base.length - 6; k++) {
        const e = lex.heads.get(f.base.slice(k));
        if (e && f.base.slice(k - 2, k) !== 'un') {
          return { ...info, entry: { ...e, confidence: e.confidence * 0.9 }, rule: `compound:${e.section}`, attributive: f.attributive };
        }
      }
    }
  }
  return info;
}

function matchMulti(ws: Word[], i: number, rest: (string | null)[]): number {
  let j = i;
  const sentence = (ws[i] as Word).sentence;
  for (let p = 0; p < rest.length; p++) {
    const part = rest[p];
    if (part === null) {
      const next = rest[p + 1];
      if (next === undefined || next === null) return -1;
      let found = -1;
      for (let k = j + 1; k <= j + 1 + GAP && k < ws.length; k++) {
        const w = ws[k] as Word;
        if (w.sentence !== sentence) break;
        if (w.lower === next) {
          found = k;
          break;
        }
      }
      if (found < 0) return -1;
      j = found;
      p++;
    } else {
      const w = ws[j + 1];
      if (!w || w.lower !== part) return -1;
      j++;
    }
  }
  return j;
}

function isNegation(lex: CompiledLexicon, w: Word | undefined): boolean {
  return !!w && (lex.negation.has(w.lower) || w.lower.endsWith("n't"));
}

/** Likely part of a name ("Savage Garden", "Brilliant Earth") in English: capitalised mid-sentence next to another capital. */
function likelyName(ws: Word[], i: number): boolean {
  const w = ws[i] as Word;
  if (!w.capital) return false;
  const prev = ws[i - 1];
  const next = ws[i + 1];
  const sentenceStart = !prev || prev.sentence !== w.sentence;
  return (!sentenceStart && !!prev?.capital) || (!!next?.capital && next.sentence === w.sentence && !sentenceStart);
}

export function findHits(text: string, ws: Word[], lex: CompiledLexicon, exempt: ReadonlySet<string>): Hit[] {
  const infos = ws.map((w) => lookup(lex, w));
  const hits: Hit[] = [];
  const taken = new Uint8Array(ws.length);
  const isExempt = (h: Hit, term: string): boolean =>
    exempt.size > 0 && (exempt.has(term) || exempt.has(text.slice(h.start, h.end).toLowerCase()));

  for (let i = 0; i < ws.length; i++) {
    if (taken[i]) continue;
    const w = ws[i] as Word;
    // Multi-word entries first: "lashed out", "räumte … ein", "so called".
    const multis = lex.multi.get(w.lower);
    let done = false;
    for (const m of multis ?? []) {
      const j = matchMulti(ws, i, m.rest);
      if (j < 0) continue;
      const h = mk(ws, i, j, m, `phrase:${m.section}`);
      if (!isExempt(h, m.term)) hits.push(h);
      for (let k = i; k <= j; k++) taken[k] = 1;
      done = true;
      break;
    }
    if (done) continue;

    // Intensifier phrase: up to two degree words, then a judgement or a charged noun.
    if (infos[i]?.degree) {
      let k = i + 1;
      if (infos[k]?.degree && !infos[k]?.entry && !infos[k]?.charged) k++;
      const head = infos[k];
      const hw = ws[k];
      const nounOk = lex.lang !== 'de' || !head?.charged || head.entry || hw?.capital;
      if (head && hw && hw.sentence === w.sentence && (head.entry || head.charged) && nounOk && !taken[k]) {
        const superl = SUPERLATIVE_DEGREE.has(w.lower);
        const category: LoadedCategoryId = superl ? 'hyperbole' : head.entry ? head.entry.category : 'intensifier';
        const base = head.entry ? head.entry.confidence : 0.6;
        const h = mk(ws, i, k, { category, confidence: Math.min(0.95, Math.max(base, 0.6) + 0.15) } as Entry, `phrase:degree+${head.entry ? head.entry.section : 'charged'}`);
        if (!isExempt(h, hw.lower)) hits.push(h);
        for (let x = i; x <= k; x++) taken[x] = 1;
        continue;
      }
    }

    // A strong degree word and the adjective it governs: "utterly unfit", "völlig überzogen".
    const nw = ws[i + 1];
    if (lex.strong.has(w.lower) && nw && nw.sentence === w.sentence && !nw.capital && !lex.function.has(nw.lower) && !/\d/.test(nw.lower) && !taken[i + 1]) {
      const h = mk(ws, i, i + 1, { category: 'intensifier', confidence: 0.6 }, 'phrase:degree+word');
      if (!isExempt(h, w.lower)) hits.push(h);
      taken[i] = taken[i + 1] = 1;
      continue;
    }

    const info = infos[i] as WordInfo;
    if (!info.entry) continue;
    if (lex.lang === 'en' && likelyName(ws, i)) continue;
    let j = i;
    // An evaluative adjective takes the charged noun it qualifies: "schädliche Konzentration".
    const next = ws[i + 1];
    const nextInfo = infos[i + 1];
    if (
      next && nextInfo?.charged && !nextInfo.entry && next.sentence === w.sentence &&
      (info.entry.section === 'emotive' || info.entry.section === 'hyperbole') &&
      (lex.lang !== 'de' || (info.attributive && next.capital))
    ) j = i + 1;
    let category = info.entry.category;
    if (info.superlative && (category === 'emotive' || category === 'pejorative')) category = 'hyperbole';
    const h = mk(ws, i, j, { ...info.entry, category }, j > i ? `${info.rule}+noun` : info.rule);
    h.key = info.entry.term;
    if (info.superlative) h.rule += '+superlative';
    if (!isExempt(h, info.entry.term) && !exempt.has(w.lower)) hits.push(h);
    for (let x = i; x <= j; x++) taken[x] = 1;
  }

  // Negation within three words before, in the same sentence.
  const kept: Hit[] = [];
  for (const h of hits) {
    const s = ws[h.startWord] as Word;
    let neg = false;
    for (let k = h.startWord - 1; k >= Math.max(0, h.startWord - 3); k--) {
      const p = ws[k] as Word;
      if (p.sentence !== s.sentence) break;
      if (isNegation(lex, p)) neg = true;
    }
    if (neg) {
      // "nicht eindeutig", "not unprecedented": the claim is withdrawn, nothing to mark.
      if (h.category === 'intensifier' || h.category === 'hyperbole') continue;
      h.negated = true;
      h.confidence *= 0.6;
      h.rule += '+negated';
    }
    kept.push(h);
  }
  return kept;
}

function mk(ws: Word[], i: number, j: number, e: Pick<Entry, 'category' | 'confidence'>, rule: string): Hit {
  return {
    start: (ws[i] as Word).start,
    end: (ws[j] as Word).end,
    startWord: i,
    endWord: j,
    category: e.category,
    confidence: e.confidence,
    rule,
    quoted: false,
    negated: false,
  };
}
