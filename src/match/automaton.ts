// The alias automaton: a trie over folded UTF-16 code units, laid out
// breadth-first in typed arrays. Aliases only ever start at a word start, so
// the matcher walks the trie from each word start instead of following
// Aho–Corasick failure links: no failure table to store, and the work per
// word is bounded by the longest alias prefix present, not by dictionary size.
//
// Layout (LOUDS-like, no explicit edge targets): states are numbered in BFS
// order, so the children of state s are the consecutive states
// firstChild[s] .. firstChild[s+1]-1, sorted by label, and labels[c] is the
// code unit on the edge into c. State 0 is the root.

export interface Trie {
  labels: Uint16Array;
  /** Length stateCount + 1. */
  firstChild: Uint32Array;
  /** Terminal states, ascending. The k-th terminal's outputs are aliases termFirst[k] .. termFirst[k+1]-1. */
  termStates: Uint32Array;
  termFirst: Uint32Array;
}

export interface BuiltTrie {
  trie: Trie;
  /** For each input key (by index), the ordinal of its terminal state. */
  keyTerminal: Uint32Array;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Build from unique keys sorted by code unit (the default JS sort). Sorted
 * input means each new key shares a prefix with the previous key's path and
 * then only appends: construction is linear, with no per-node maps.
 * `outputs[k]` is the number of aliases stored under key k.
 */
export function buildTrie(keys: readonly string[], outputs: ArrayLike<number>): BuiltTrie {
  let total = 1;
  for (const k of keys) total += k.length;
  const label = new Uint16Array(total);
  const head = new Int32Array(total).fill(-1);
  const tail = new Int32Array(total).fill(-1);
  const next = new Int32Array(total).fill(-1);
  const term = new Int32Array(total).fill(-1);
  let count = 1;
  const path: number[] = [0];
  let prev = '';
  keys.forEach((key, ki) => {
    if (key === '' || (ki > 0 && key <= prev)) throw new Error(`trie keys must be non-empty, unique and sorted (at ${ki})`);
    const lcp = commonPrefix(prev, key);
    for (let d = lcp; d < key.length; d++) {
      const parent = path[d] ?? 0;
      const node = count++;
      label[node] = key.charCodeAt(d);
      const t = tail[parent] ?? -1;
      if (t < 0) head[parent] = node;
      else next[t] = node;
      tail[parent] = node;
      path[d + 1] = node;
    }
    term[path[key.length] ?? 0] = ki;
    prev = key;
  });

  // Breadth-first renumbering.
  const labels = new Uint16Array(count);
  const firstChild = new Uint32Array(count + 1);
  const order = new Int32Array(count);
  let assigned = 1;
  let terminals = 0;
  for (let s = 0; s < count; s++) {
    const old = order[s] ?? 0;
    firstChild[s] = assigned;
    for (let c = head[old] ?? -1; c >= 0; c = next[c] ?? -1) {
      order[assigned] = c;
      labels[assigned] = label[c] ?? 0;
      assigned++;
    }
    if ((term[old] ?? -1) >= 0) terminals++;
  }
  firstChild[count] = count;

  const termStates = new Uint32Array(terminals);
  const termFirst = new Uint32Array(terminals + 1);
  const keyTerminal = new Uint32Array(keys.length);
  let t = 0;
  let out = 0;
  for (let s = 0; s < count; s++) {
    const k = term[order[s] ?? 0] ?? -1;
    if (k < 0) continue;
    termStates[t] = s;
    termFirst[t] = out;
    keyTerminal[k] = t;
    out += outputs[k] ?? 0;
    t++;
  }
  termFirst[terminals] = out;
  return { trie: { labels, firstChild, termStates, termFirst }, keyTerminal };
}

/** Child of `state` labelled `c`, or -1. */
export function childOf(trie: Trie, state: number, c: number): number {
  let lo = trie.firstChild[state] ?? 0;
  let hi = (trie.firstChild[state + 1] ?? 0) - 1;
  const labels = trie.labels;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const l = labels[mid] ?? 0;
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Terminal ordinal of `state`, or -1. */
export function terminalOf(trie: Trie, state: number): number {
  const ts = trie.termStates;
  let lo = 0;
  let hi = ts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ts[mid] ?? 0;
    if (v === state) return mid;
    if (v < state) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Walk from `from` and report every key that is a prefix of s[from..]:
 * `onHit(end, terminal)` with `end` exclusive.
 */
export function walkFrom(trie: Trie, s: string, from: number, onHit: (end: number, terminal: number) => void): void {
  let state = 0;
  for (let i = from; i < s.length; i++) {
    state = childOf(trie, state, s.charCodeAt(i));
    if (state < 0) return;
    const t = terminalOf(trie, state);
    if (t >= 0) onHit(i + 1, t);
  }
}

export interface WalkTables {
  /** Per state, its terminal ordinal or -1. */
  terminals: Int32Array;
  /** The root's child for each ASCII code unit, or -1: every walk starts there. */
  rootAscii: Int32Array;
}

const walkTables = new WeakMap<Trie, WalkTables>();

/**
 * Lookup tables for a fast walk: one array read per step to know whether a
 * state is terminal, instead of a binary search over the terminals, and none
 * for the first step from the root. Built on first use (4 bytes per state)
 * and kept with the trie.
 */
export function walkTablesOf(trie: Trie): WalkTables {
  let t = walkTables.get(trie);
  if (t === undefined) {
    const terminals = new Int32Array(trie.labels.length).fill(-1);
    const ts = trie.termStates;
    for (let k = 0; k < ts.length; k++) terminals[ts[k] ?? 0] = k;
    const rootAscii = new Int32Array(128);
    for (let c = 0; c < 128; c++) rootAscii[c] = trie.labels.length > 0 ? childOf(trie, 0, c) : -1;
    t = { terminals, rootAscii };
    walkTables.set(trie, t);
  }
  return t;
}

export function stateCount(trie: Trie): number {
  return trie.labels.length;
}
