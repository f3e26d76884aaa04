// The compiled alias dictionary: the trie plus the alias table it outputs
// into, and its compact JSON form (typed arrays as base64; the alias table
// column-wise, entity ids de-duplicated). Loading decodes arrays; it never
// re-normalises or rebuilds.
import type { AliasEntry, MentionKind } from '../model/types.ts';
import { normalizeKey, normalizeText } from '../text/normalize.ts';
import { buildTrie, type Trie } from './automaton.ts';
import { decodeBase64, decodeUint16, decodeUint32, encodeBase64 } from './base64.ts';

export interface CompiledDictionary {
  trie: Trie;
  /** Alias table in output order: the terminal k outputs entries termFirst[k]..termFirst[k+1]-1. */
  entries: AliasEntry[];
  /** Case-preserved normalised alias, computed on first use (case-sensitive aliases only). */
  casedCache: Map<number, string>;
}

/**
 * JSON form. Derivable arrays are stored as counts (children per state,
 * aliases per terminal) and rebuilt by a prefix sum on load: a linear decode,
 * not a rebuild, at a quarter of the size of storing offsets.
 */
export interface SerializedDictionary {
  format: 'receipts-alias-trie/2';
  /** One UTF-16 unit per state: the edge label into it (JSON escapes the rare control char). */
  labels: string;
  /** Uint8 per state: number of children; 255 means "next value of `wideCounts`". */
  childCounts: string;
  /** Uint32, ascending: terminal states. */
  termStates: string;
  /** Uint8 per terminal: number of aliases it outputs; 255 means "next value of `wideCounts`". */
  termCounts: string;
  wideCounts: number[];
  aliases: string[];
  entityIds: string[];
  /** Per alias, index into entityIds: Uint16 when there are fewer than 65536 entities, else Uint32. */
  entityOf: string;
  entityWidth: 16 | 32;
  /** Uint8 per alias: bits 0-2 kind, bit 3 caseSensitive, bit 4 needsContext. */
  flags: string;
}

const KINDS: readonly MentionKind[] = ['company', 'agency', 'program', 'contract_id', 'amount'];

export function compileDictionary(aliases: AliasEntry[]): CompiledDictionary {
  const byKey = new Map<string, AliasEntry[]>();
  for (const a of aliases) {
    const key = normalizeKey(a.alias);
    if (key === '') continue;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [a]);
    else if (!list.some((b) => b.entityId === a.entityId && b.alias === a.alias && b.caseSensitive === a.caseSensitive)) list.push(a);
  }
  const keys = [...byKey.keys()].sort();
  const groups = keys.map((k) => byKey.get(k) ?? []);
  const { trie, keyTerminal } = buildTrie(keys, groups.map((g) => g.length));
  const entries: AliasEntry[] = new Array<AliasEntry>(trie.termFirst[trie.termStates.length] ?? 0);
  groups.forEach((g, k) => {
    const base = trie.termFirst[keyTerminal[k] ?? 0] ?? 0;
    g.forEach((e, j) => (entries[base + j] = e));
  });
  return { trie, entries, casedCache: new Map() };
}

/** Counts as Uint8 with an escape for the rare count >= 255. */
function packCounts(n: number, count: (i: number) => number, wide: number[]): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = count(i);
    if (c >= 255) {
      out[i] = 255;
      wide.push(c);
    } else out[i] = c;
  }
  return out;
}

/** Prefix sums of packed counts: offsets[i] = base + sum of counts before i; length n + 1. */
function unpackOffsets(packed: Uint8Array, wide: number[], base: number, cursor: { i: number }): Uint32Array {
  const out = new Uint32Array(packed.length + 1);
  let acc = base;
  for (let i = 0; i < packed.length; i++) {
    out[i] = acc;
    const c = packed[i] ?? 0;
    acc += c === 255 ? (wide[cursor.i++] ?? 0) : c;
  }
  out[packed.length] = acc;
  return out;
}

export function serializeDictionary(d: CompiledDictionary): SerializedDictionary {
  const entityIds: string[] = [];
  const entityIndex = new Map<string, number>();
  const idx = d.entries.map((e) => {
    let i = entityIndex.get(e.entityId);
    if (i === undefined) {
      i = entityIds.length;
      entityIds.push(e.entityId);
      entityIndex.set(e.entityId, i);
    }
    return i;
  });
  const entityWidth = entityIds.length < 0x10000 ? 16 : 32;
  const flags = Uint8Array.from(d.entries, (e) => Math.max(0, KINDS.indexOf(e.kind)) | (e.caseSensitive ? 8 : 0) | (e.needsContext ? 16 : 0));
  const { labels, firstChild, termStates, termFirst } = d.trie;
  const wideCounts: number[] = [];
  const childCounts = packCounts(labels.length, (i) => (firstChild[i + 1] ?? 0) - (firstChild[i] ?? 0), wideCounts);
  const termCounts = packCounts(termStates.length, (i) => (termFirst[i + 1] ?? 0) - (termFirst[i] ?? 0), wideCounts);
  const chunks: string[] = [];
  for (let i = 0; i < labels.length; i += 8192) chunks.push(String.fromCharCode(...labels.subarray(i, i + 8192)));
  return {
    format: 'receipts-alias-trie/2',
    labels: chunks.join(''),
    childCounts: encodeBase64(childCounts),
    termStates: encodeBase64(termStates),
    termCounts: encodeBase64(termCounts),
    wideCounts,
    aliases: d.entries.map((e) => e.alias),
    entityIds,
    entityOf: encodeBase64(entityWidth === 16 ? Uint16Array.from(idx) : Uint32Array.from(idx)),
    entityWidth,
    flags: encodeBase64(flags),
  };
}

export function loadDictionary(s: SerializedDictionary): CompiledDictionary {
  if (s.format !== 'receipts-alias-trie/2') throw new Error(`unknown dictionary format ${String(s.format)}`);
  const labels = new Uint16Array(s.labels.length);
  for (let i = 0; i < labels.length; i++) labels[i] = s.labels.charCodeAt(i);
  const cursor = { i: 0 };
  // Children of state 0 start at state 1 (BFS order).
  const firstChild = unpackOffsets(decodeBase64(s.childCounts), s.wideCounts, 1, cursor);
  if (firstChild[labels.length] !== labels.length) throw new Error('corrupt dictionary: child counts do not add up');
  const termStates = decodeUint32(s.termStates);
  const termFirst = unpackOffsets(decodeBase64(s.termCounts), s.wideCounts, 0, cursor);
  if (termFirst[termStates.length] !== s.aliases.length) throw new Error('corrupt dictionary: alias count mismatch');
  const entityOf = s.entityWidth === 16 ? decodeUint16(s.entityOf) : decodeUint32(s.entityOf);
  const flags = decodeBase64(s.flags);
  const entries = s.aliases.map((alias, i): AliasEntry => {
    const f = flags[i] ?? 0;
    return {
      alias,
      entityId: s.entityIds[entityOf[i] ?? 0] ?? '',
      kind: KINDS[f & 7] ?? 'company',
      caseSensitive: (f & 8) !== 0,
      needsContext: (f & 16) !== 0,
    };
  });
  return { trie: { labels, firstChild, termStates, termFirst }, entries, casedCache: new Map() };
}

/** The alias as normalised with case kept, for comparing case-sensitive hits. */
export function casedForm(d: CompiledDictionary, index: number): string {
  let v = d.casedCache.get(index);
  if (v === undefined) {
    // Trim by the folded form so both have the key's length ("-" is a space only when folded).
    const n = normalizeText(d.entries[index]?.alias ?? '');
    const lead = n.folded.length - n.folded.trimStart().length;
    v = n.cased.slice(lead, lead + n.folded.trim().length);
    d.casedCache.set(index, v);
  }
  return v;
}
