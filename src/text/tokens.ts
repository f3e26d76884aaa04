// Words of a normalised block, for context cues. Offsets are normalised
// offsets; `word` is the folded spelling ("behoerde", "vertrag").
import { isWordChar } from './normalize.ts';

export interface Token {
  start: number;
  end: number;
  word: string;
}

// In ASCII text, word characters are exactly these (isWordChar's ASCII branch).
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[0-9A-Za-z]+/g;

export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  if (ASCII_ONLY.test(folded)) {
    // Native regexp scan: no per-character calls.
    for (const m of folded.matchAll(ASCII_WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
    return tokens;
  }
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const w = i < folded.length && isWordChar(folded.charCodeAt(i));
    if (w && start < 0) start = i;
    else if (!w && start >= 0) {
      tokens.push({ start, end: i, word: folded.slice(start, i) });
      start = -1;
    }
  }
  return tokens;
}

/** Index of the first token whose end is after `pos` (binary search). */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.end ?? 0) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `pos` opens a sentence: only spaces and opening quotes/brackets since the last . ! ? : or the block start. */
export function isSentenceInitial(cased: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = cased[i];
    if (c === ' ' || c === '"' || c === "'" || c === '(' || c === '[') continue;
    return c === '.' || c === '!' || c === '?' || c === ':';
  }
  return true;
}
