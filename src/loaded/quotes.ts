// Quotation regions of a block. Long quotations are someone else's words
// (marked `quoted`); one to three words in quotes are a term the author holds
// at a distance, which is how scare quotes work.

export interface QuoteRegion {
  /** Offsets of the text inside the marks. */
  start: number;
  end: number;
}

const CLOSERS: Record<string, string> = {
  '"': '"',
  '\u201E': '\u201C\u201D', // „ … “ (German), „ … ” (Polish-style, seen in German pages too)
  '\u201C': '\u201D', // “ … ”
  '\u00BB': '\u00AB', // » … « (German)
  '\u00AB': '\u00BB', // « … » (French, Swiss)
  '\u201A': '\u2018', // ‚ … ‘
};

/** Linear scan; an unclosed quote runs to the block end (multi-paragraph quotations open each paragraph). */
export function quoteRegions(text: string, from: number, to: number): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let closer: string | null = null;
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    if (closer !== null) {
      if (closer.includes(c)) {
        out.push({ start: open, end: i });
        closer = null;
      }
      continue;
    }
    const close = CLOSERS[c];
    if (close) {
      closer = close;
      open = i + 1;
    } else if (c === '\u2018' && i + 1 < to && /\p{L}/u.test(text[i + 1] ?? '') && !/\p{L}/u.test(text[i - 1] ?? '')) {
      // ‘term’ as scare quotes; a ’ inside a word stays an apostrophe.
      closer = '\u2019';
      open = i + 1;
    }
  }
  if (closer !== null && to - open > 0) out.push({ start: open, end: to });
  return out;
}
