// Sentences and paragraphs, in one linear pass. A claim is read within its
// sentence, and "the contract" in a sentence that names none is resolved
// through its paragraph, then the article (see resolve.ts).
import { splitBlocks } from '../text/blocks.ts';

export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (block) the sentence belongs to. */
  paragraph: number;
}

// Words after which a full stop does not end a sentence (EN + DE). Lower case.
const ABBREV = new Set([
  'mio', 'mrd', 'tsd', 'mill', 'inc', 'corp', 'co', 'ltd', 'llc', 'no', 'nr', 'dr', 'mr', 'mrs', 'ms', 'st', 'vs', 'bzw', 'ca',
  'z', 'b', 'u', 's', 'a', 'd', 'h', 'e', 'v', 'usw', 'etc', 'ggf', 'inkl', 'evtl', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'dez', 'gov', 'p', 'abs', 'art', 'vgl', 'sog',
]);

// End punctuation, optional closing quotes or brackets, then space and a
// sentence-opening character. Bounded: linear over the text.
const END = /[.!?…]+["'“”»«)\]]?\s+(?=["'„“«»(\[]?[\p{Lu}\p{N}])/gu;

function endsSentence(text: string, at: number): boolean {
  // `at` is the index of the first end-punctuation character.
  if (text[at] !== '.') return true;
  let i = at;
  while (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) i--;
  const word = text.slice(i, at);
  if (ABBREV.has(word.toLowerCase())) return false;
  // "17. April", "2. Quartal": a German ordinal, not a sentence end. A year ("2025.") ends one.
  if (/^\d{1,2}$/.test(word)) return false;
  // "U.S. Army": a dotted initialism.
  if (/^\p{Lu}$/u.test(word) && text[i - 1] === '.') return false;
  return true;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  splitBlocks(text).forEach((b, paragraph) => {
    const block = text.slice(b.start, b.end);
    let from = 0;
    for (const m of block.matchAll(END)) {
      if (!endsSentence(block, m.index)) continue;
      const punctEnd = m.index + m[0].replace(/\s+$/u, '').length;
      out.push({ start: b.start + from, end: b.start + punctEnd, paragraph });
      from = m.index + m[0].length;
    }
    if (from < block.length) out.push({ start: b.start + from, end: b.end, paragraph });
  });
  return out;
}
