// Words of one block with their offsets in the page text, and the base forms
// a lexicon lookup tries. Inflection is handled by rule instead of by listing
// every form, so "skandalösen" finds "skandalös" and "slammed" finds "slam".

export interface Word {
  start: number;
  end: number;
  /** Lower-cased surface form. */
  lower: string;
  /** First letter is upper case (German nouns, names, sentence starts). */
  capital: boolean;
  /** Sentence number inside the block; a gap rule never crosses one. */
  sentence: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?;:]/;

export function words(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  let sentence = 0;
  let last = 0;
  for (const m of slice.matchAll(WORD)) {
    const start = m.index;
    // A period between two words ends a sentence unless it follows a single letter ("U.S.", "z. B.").
    if (out.length && SENTENCE_END.test(slice.slice(last, start))) {
      const prev = out[out.length - 1];
      if (!prev || prev.end - prev.start > 1 || !/^\.\s/.test(slice.slice(last, start))) sentence++;
    }
    const s = m[0];
    const first = s[0] ?? '';
    out.push({
      start: from + start,
      end: from + start + s.length,
      lower: s.toLowerCase().replace(/’/g, "'"),
      capital: first !== first.toLowerCase(),
      sentence,
    });
    last = start + s.length;
  }
  return out;
}

export interface Form {
  base: string;
  /** The ending marked a superlative (-est, -st-): a hit becomes hyperbole. */
  superlative: boolean;
  /** The ending was an attributive adjective ending (German -e/-en/...). */
  attributive: boolean;
}

const DE_ENDINGS = ['em', 'en', 'er', 'es', 'e', 'n', 's'];

/** Candidate base forms of a German word, the word itself first. */
export function germanForms(w: string): Form[] {
  const out: Form[] = [{ base: w, superlative: false, attributive: false }];
  for (const e of DE_ENDINGS) {
    if (w.length - e.length < 3 || !w.endsWith(e)) continue;
    const base = w.slice(0, -e.length);
    out.push({ base, superlative: false, attributive: e.length <= 2 && e !== 's' && e !== 'n' });
    // Comparative and superlative: "schlimmer", "schlimmsten", "dreisteste".
    const sup = /^(.{3,}?)e?st$/.exec(base);
    if (sup?.[1]) out.push({ base: sup[1], superlative: true, attributive: true });
    if (base.endsWith('er') && base.length > 5) out.push({ base: base.slice(0, -2), superlative: false, attributive: true });
  }
  return out;
}

function undouble(s: string): string | null {
  const n = s.length;
  return n > 3 && s[n - 1] === s[n - 2] && !'aeiouls'.includes(s[n - 1] ?? '') ? s.slice(0, -1) : null;
}

/** Candidate base forms of an English word, the word itself first. */
export function englishForms(w: string): Form[] {
  const out: Form[] = [{ base: w, superlative: false, attributive: false }];
  const add = (base: string | null, superlative = false): void => {
    if (base && base.length >= 3) out.push({ base, superlative, attributive: false });
  };
  if (w.endsWith("'s")) add(w.slice(0, -2));
  if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
  else if (w.endsWith('es')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
  } else if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  for (const suf of ['ed', 'ing', 'er']) {
    if (!w.endsWith(suf)) continue;
    const stem = w.slice(0, -suf.length);
    add(stem);
    add(`${stem}e`);
    add(undouble(stem));
    if (stem.endsWith('i')) add(`${stem.slice(0, -1)}y`);
  }
  if (w.endsWith('est')) {
    const stem = w.slice(0, -3);
    add(stem, true);
    add(`${stem}e`, true);
    add(undouble(stem), true);
    if (stem.endsWith('i')) add(`${stem.slice(0, -1)}y`, true);
  }
  if (w.endsWith('ly')) {
    const stem = w.slice(0, -2);
    add(stem);
    if (stem.endsWith('i')) add(`${stem.slice(0, -1)}y`);
    if (stem.endsWith('al')) add(stem.slice(0, -2));
    if (w.endsWith('ably') || w.endsWith('ibly')) add(`${w.slice(0, -1)}e`);
  }
  return out;
}
