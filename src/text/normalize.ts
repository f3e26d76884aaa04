// Offset-mapped text normalisation. The matcher never searches the original
// text: it searches a normalised copy and maps every hit back through
// `starts`/`ends`, so a highlight always covers the exact characters the
// reader sees (soft hyphens, combining marks and all).
//
// Two parallel strings of equal length are produced:
//  - `cased`:  spacing, quotes, dashes, diacritics and German spellings folded,
//              case kept. Case-sensitive aliases, PIIDs and amounts use it.
//  - `folded`: `cased` lower-cased with '-' read as ' ', so "ICE-Vertrag"
//              and "ICE Vertrag" look alike. The alias automaton scans it.

export interface NormalizedText {
  cased: string;
  folded: string;
  /** For each UTF-16 unit of `cased`, the original [start, end) it came from. */
  starts: Int32Array;
  ends: Int32Array;
}

const IGNORABLE = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const MARK = /\p{M}/u;
const SINGLE_QUOTES = '\u2018\u2019\u201A\u201B\u02BC\u2032\u0060\u00B4\u2039\u203A';
const DOUBLE_QUOTES = '\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2212\uFE63\uFF0D';
const GERMAN: Record<string, string> = {
  'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'Ä': 'Ae', 'Ö': 'Oe', 'Ü': 'Ue', 'ß': 'ss', 'ẞ': 'SS',
};
// Line-break hyphenation inside a block: "Immigra-\ntionOS". A capital after
// the break means a real compound hyphen ("ICE-\nÜberwachung") and is kept.
const LINE_HYPHEN = /(?<=\p{L})[-\u00AD\u2010\u2011][ \t]*\r?\n[ \t]*(?=\p{Ll})/gu;
// Dotted initials "U.S.", "U. S.", "L.L.C." read as "US", "LLC".
const DOTTED_INITIALS = /(?<![\p{L}\p{N}.])\p{Lu}\.(?:[ \u00A0]?\p{Lu}\.)+/gu;

const decomposeCache = new Map<number, string>();

/** Base letters of a non-ASCII code point: marks stripped, compatibility forms (ligatures, fullwidth, math letters) expanded. */
function decompose(cp: number, ch: string): string {
  const hit = decomposeCache.get(cp);
  if (hit !== undefined) return hit;
  // NFKD only for ranges where it is safe: applied everywhere it would turn
  // "™" into "TM" and "²" into "2", gluing them onto the preceding word.
  const compat = (cp >= 0xfb00 && cp <= 0xfb4f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x1d400 && cp <= 0x1d7ff);
  let out = '';
  for (const c of ch.normalize(compat ? 'NFKD' : 'NFD')) if (!MARK.test(c)) out += c;
  decomposeCache.set(cp, out);
  return out;
}

function lower(c: string): string {
  const l = c.toLowerCase();
  return l.length === c.length ? l : c;
}

function isUpperLetter(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Marks original positions that normalisation drops (hyphenation breaks, dots and spaces of initials). */
function droppedPositions(text: string): Uint8Array | null {
  let drop: Uint8Array | null = null;
  // A hyphenation break needs a line break, and initials a dot: skip the
  // (lookbehind, per-position) regexps on blocks that have neither.
  if (text.includes('\n')) for (const m of text.matchAll(LINE_HYPHEN)) {
    drop ??= new Uint8Array(text.length);
    drop.fill(1, m.index, m.index + m[0].length);
  }
  if (text.includes('.')) for (const m of text.matchAll(DOTTED_INITIALS)) {
    drop ??= new Uint8Array(text.length);
    for (let k = 0; k < m[0].length; k++) {
      const c = m[0][k];
      // Dots are absorbed into the letter before them (2) so a match ending
      // in "L.L.C." covers the final dot; spaces are just dropped (1).
      if (c === '.') drop[m.index + k] = 2;
      else if (c === ' ' || c === '\u00A0') drop[m.index + k] = 1;
    }
  }
  return drop;
}

const CHUNK = 8192;

/**
 * UTF-16 units to a string, in chunks (an argument list the size of a huge
 * array overflows the stack). `apply` on the typed array, not a spread: a
 * spread runs the iterator protocol per unit and is several times slower.
 */
function unitsToString(units: Uint16Array, n: number): string {
  // apply accepts any array-like; the cast only satisfies its number[] signature.
  const codes = (a: number, b: number): number[] => units.subarray(a, b) as unknown as number[];
  if (n <= CHUNK) return String.fromCharCode.apply(null, codes(0, n));
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, codes(i, Math.min(n, i + CHUNK))));
  return parts.join('');
}

// Scratch buffers, reused across calls (normalisation runs once per block,
// thousands of times per page): only the final strings and the trimmed
// offset maps are allocated per call.
let scratchCased = new Uint16Array(0);
let scratchFolded = new Uint16Array(0);
let scratchStarts = new Int32Array(0);
let scratchEnds = new Int32Array(0);
/** Output units: 12 bytes each, so at most ~1.5 MB of scratch. */
const SCRATCH_LIMIT = 1 << 17;

const SPACE_CODE = 0x20;

// The arrays normalizeText is writing, for emit/emitString.
let outCased = scratchCased;
let outFolded = scratchFolded;
let outStarts = scratchStarts;
let outEnds = scratchEnds;

/** Appends one output unit at `n`; returns the new length. */
function emit(n: number, c: number, f: number, s: number, e: number): number {
  outCased[n] = c;
  outFolded[n] = f;
  outStarts[n] = s;
  outEnds[n] = e;
  return n + 1;
}

function emitString(n: number, str: string, s: number, e: number): number {
  for (let k = 0; k < str.length; k++) {
    const c = str.charCodeAt(k);
    const l = lower(str[k] ?? '');
    n = emit(n, c, l.length === 1 ? l.charCodeAt(0) : c, s, e);
  }
  return n;
}

/**
 * The two offset maps in one allocation: thousands of small typed arrays per
 * page each carry an off-heap buffer, and their count, not their size, is
 * what the garbage collector pays for.
 */
function offsetMaps(starts: Int32Array, ends: Int32Array, n: number): { starts: Int32Array; ends: Int32Array } {
  const maps = new Int32Array(2 * n);
  maps.set(starts.subarray(0, n));
  maps.set(ends.subarray(0, n), n);
  return { starts: maps.subarray(0, n), ends: maps.subarray(n) };
}

// The common case, plain printable ASCII in which nothing collapses or drops,
// normalises to itself (folded: lower case, '-' as ' '): native string calls
// and a copy of an identity map instead of a loop over every character.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const COLLAPSES = /[ -]{2}/;
let identity = new Int32Array(0);

function plainAscii(text: string): NormalizedText {
  const n = text.length;
  if (identity.length < n + 1) {
    identity = new Int32Array(Math.min(SCRATCH_LIMIT, Math.max(n + 1, identity.length * 2, 4096)));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return { cased: text, folded: text.toLowerCase().replace(/-/g, ' '), ...offsetMaps(identity, identity.subarray(1), n) };
}

export function normalizeText(text: string): NormalizedText {
  const plain = text.length < SCRATCH_LIMIT && PRINTABLE_ASCII.test(text) && !COLLAPSES.test(text);
  const drop = droppedPositions(text);
  if (plain && drop === null) return plainAscii(text);
  // At most three output units per input unit (the "ffi" ligature), so preallocate.
  const cap = text.length * 3 + 4;
  // A block beyond the scratch limit gets its own arrays, as before: keeping
  // buffers for a one-off 2 MB block alive would cost tens of MB.
  const reuse = cap <= SCRATCH_LIMIT;
  if (reuse && scratchCased.length < cap) {
    const size = Math.min(SCRATCH_LIMIT, Math.max(cap, scratchCased.length * 2, 4096));
    scratchCased = new Uint16Array(size);
    scratchFolded = new Uint16Array(size);
    scratchStarts = new Int32Array(size);
    scratchEnds = new Int32Array(size);
  }
  const cased = (outCased = reuse ? scratchCased : new Uint16Array(cap));
  const folded = (outFolded = reuse ? scratchFolded : new Uint16Array(cap));
  const starts = (outStarts = reuse ? scratchStarts : new Int32Array(cap));
  const ends = (outEnds = reuse ? scratchEnds : new Int32Array(cap));
  // Output length. emit/emitString take and return it: no closure over a
  // shared counter in a loop that runs once per character of the page.
  let n = 0;

  for (let i = 0; i < text.length; ) {
    const at = i;
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    if (drop !== null) {
      const dropped = drop[at] ?? 0;
      if (dropped !== 0) {
        if (dropped === 2 && n > 0 && ends[n - 1] === at) ends[n - 1] = i;
        continue;
      }
    }
    if (cp < 0x80) {
      // ASCII, the bulk of most pages: written inline, no helper calls.
      let c = cp;
      let f = cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
      if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x2d) {
        if (n > 0 && folded[n - 1] === SPACE_CODE) continue;
        c = cp === 0x2d ? cp : SPACE_CODE;
        f = SPACE_CODE;
      }
      cased[n] = c;
      folded[n] = f;
      starts[n] = at;
      ends[n] = i;
      n++;
      continue;
    }
    const ch = text.slice(at, i);
    if (IGNORABLE.test(ch)) continue;
    // Spaces and dashes collapse into one folded space: "Einwanderungs- und" = "Einwanderungs und".
    if (SPACE.test(ch)) {
      if (n === 0 || folded[n - 1] !== SPACE_CODE) n = emit(n, SPACE_CODE, SPACE_CODE, at, i);
      continue;
    }
    if (MARK.test(ch)) {
      // A combining mark belongs to the letter before it: widen that letter's
      // span so highlights never cut a grapheme. A diaeresis on a/o/u is the
      // decomposed German umlaut and gets the same "e" as the precomposed one.
      if (n > 0 && ends[n - 1] === at) {
        const prev = String.fromCharCode(cased[n - 1] ?? 0);
        if (cp === 0x0308 && /^[aouAOU]$/.test(prev)) {
          const e = isUpperLetter(prev) && isUpperLetter(text[i]) ? 0x45 : 0x65;
          n = emit(n, e, 0x65, starts[n - 1] ?? at, i);
        } else ends[n - 1] = i;
      }
      continue;
    }
    if (SINGLE_QUOTES.includes(ch)) { n = emit(n, 0x27, 0x27, at, i); continue; }
    if (DOUBLE_QUOTES.includes(ch)) { n = emit(n, 0x22, 0x22, at, i); continue; }
    if (DASHES.includes(ch)) {
      if (n === 0 || folded[n - 1] !== SPACE_CODE) n = emit(n, 0x2d, SPACE_CODE, at, i);
      continue;
    }
    const german = GERMAN[ch];
    if (german !== undefined) {
      // "ÜBERWACHUNG" -> "UEBERWACHUNG", "Überwachung" -> "Ueberwachung".
      n = emitString(n, ch !== 'ß' && ch !== 'ẞ' && isUpperLetter(ch) && isUpperLetter(text[i]) ? german.toUpperCase() : german, at, i);
    } else n = emitString(n, decompose(cp, ch), at, i);
  }
  return {
    cased: unitsToString(cased, n),
    folded: unitsToString(folded, n),
    ...offsetMaps(starts, ends, n),
  };
}

/** Original [start, end) of the normalised range [a, b). */
export function toOriginal(n: NormalizedText, a: number, b: number): [number, number] {
  return [n.starts[a] ?? 0, n.ends[b - 1] ?? 0];
}

/** The key an alias is stored under: the folded form, trimmed. */
export function normalizeKey(s: string): string {
  return normalizeText(s).folded.trim();
}

/** Letters and digits: what words are made of. Fast path for ASCII. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let v = wordCache[c];
  if (v === 0) {
    v = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2;
    wordCache[c] = v;
  }
  return v === 1;
}

// 0 = unknown, 1 = word char, 2 = not: the Unicode regex is slow per character.
const wordCache = new Uint8Array(0x10000);
