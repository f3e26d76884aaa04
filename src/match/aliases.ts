// Alias hits in one block: walk the trie from every word start, then check
// the right edge. A hit must end at a word boundary, or be followed by an
// inflection that still names the entity ("Palantirs", "Palantir's",
// "Heimatschutzministeriums"); otherwise it is the middle of another word
// ("ICED", "Palantirvertrag") and is dropped. Company hits absorb a trailing
// legal suffix ("Palantir Technologies Inc.").
import type { MentionKind } from '../model/types.ts';
import { isWordChar, toOriginal, type NormalizedText } from '../text/normalize.ts';
import { childOf, walkTablesOf } from './automaton.ts';
import type { Candidate } from './candidate.ts';
import { casedForm, type CompiledDictionary } from './dictionary.ts';

export interface BlockText {
  index: number;
  /** Offset of the block in the whole text. */
  offset: number;
  norm: NormalizedText;
}

export const KIND_LABEL: Record<MentionKind, string> = {
  company: 'company',
  agency: 'agency',
  program: 'program',
  contract_id: 'contract number',
  amount: 'amount',
};

/** Confidence of an unambiguous alias hit; short case-insensitive aliases are likelier to be coincidence. */
export const ALIAS_CONFIDENCE = 0.95;
export const SHORT_ALIAS_CONFIDENCE = 0.8;
/** Placeholder until disambiguation scores an ambiguous alias. */
export const UNSCORED_AMBIGUOUS = 0.35;

const LEGAL_SUFFIX = /^,? (?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|LLP|LP|PLC|plc|GmbH|AG|SE|NV|SA)(?![\p{L}\p{N}])\.?/u;

const wordAt = (s: string, i: number): boolean => i < s.length && isWordChar(s.charCodeAt(i));
const isLower = (c: string | undefined): boolean => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * End of the hit [start, end) including an inflection suffix, or -1 when the
 * hit runs into a longer word. `strictCase`: suffix letters must be lower
 * case ("ICEs" but not "ICES", a different acronym).
 */
function rightEdge(norm: NormalizedText, start: number, end: number, strictCase: boolean): number {
  const f = norm.folded;
  const lastIsWord = isWordChar(f.charCodeAt(end - 1));
  if (!lastIsWord || !wordAt(f, end)) {
    // Already a boundary; still absorb a possessive so the highlight covers "Palantir's".
    if (lastIsWord && f.startsWith("'s", end) && !wordAt(f, end + 2)) return end + 2;
    return end;
  }
  const suffixes = end - start >= 6 && /\p{L}/u.test(f[end - 1] ?? '') ? ['s', 'es', 'ns', 'n', 'en'] : ['s'];
  for (const sfx of suffixes) {
    if (!f.startsWith(sfx, end) || wordAt(f, end + sfx.length)) continue;
    if (strictCase && ![...norm.cased.slice(end, end + sfx.length)].every(isLower)) continue;
    return end + sfx.length;
  }
  return -1;
}

/** Case-sensitive aliases must agree letter by letter with the case-kept text. */
function caseAgrees(cased: string, start: number, form: string): boolean {
  for (let k = 0; k < form.length; k++) {
    const a = form[k] ?? '';
    if (a !== a.toLowerCase() || a !== a.toUpperCase()) {
      if (cased[start + k] !== a) return false;
    }
  }
  return true;
}

export function findAliasCandidates(block: BlockText, dict: CompiledDictionary): Candidate[] {
  const { norm } = block;
  const f = norm.folded;
  const out: Candidate[] = [];
  const trie = dict.trie;
  const { terminals, rootAscii } = walkTablesOf(trie);
  const onHit = (i: number, end: number, t: number): void => {
    const first = dict.trie.termFirst[t] ?? 0;
    const last = dict.trie.termFirst[t + 1] ?? 0;
    for (let a = first; a < last; a++) {
      const entry = dict.entries[a];
      if (entry === undefined) continue;
      if (entry.caseSensitive && !caseAgrees(norm.cased, i, casedForm(dict, a))) continue;
      let stop = rightEdge(norm, i, end, entry.caseSensitive);
      if (stop < 0) continue;
      let suffix = '';
      if (entry.kind === 'company' && stop === end) {
        const legal = LEGAL_SUFFIX.exec(norm.cased.slice(end, end + 16));
        if (legal !== null) {
          stop = end + legal[0].length;
          suffix = legal[0].replace(/^,? /, '');
        }
      }
      const [s, e] = toOriginal(norm, i, stop);
      const key = f.slice(i, end);
      const shortLoose = !entry.caseSensitive && key.length <= 4;
      const label = KIND_LABEL[entry.kind];
      out.push({
        nStart: i,
        nEnd: stop,
        start: block.offset + s,
        end: block.offset + e,
        block: block.index,
        kind: entry.kind,
        id: entry.entityId,
        confidence: entry.needsContext ? UNSCORED_AMBIGUOUS : shortLoose ? SHORT_ALIAS_CONFIDENCE : ALIAS_CONFIDENCE,
        reason: {
          rule: 'alias',
          alias: entry.alias,
          explanation: suffix
            ? `Matched the ${label} name "${entry.alias}" followed by the legal suffix "${suffix}".`
            : stop > end
              ? `Matched an inflected form (possessive or genitive) of the ${label} name "${entry.alias}".`
              : `Matched the ${label} name "${entry.alias}".`,
        },
        needsContext: entry.needsContext,
        aliasKey: key,
      });
    }
  };
  // Walk the trie from each word start (automaton.ts says why no failure links).
  let prevWord = false;
  for (let i = 0; i < f.length; i++) {
    const word = isWordChar(f.charCodeAt(i));
    const start = word && !prevWord;
    prevWord = word;
    if (!start) continue;
    let state = 0;
    for (let j = i; j < f.length; j++) {
      const c = f.charCodeAt(j);
      state = state === 0 && c < 128 ? (rootAscii[c] ?? -1) : childOf(trie, state, c);
      if (state < 0) break;
      const t = terminals[state] ?? -1;
      if (t >= 0) onHit(i, j + 1, t);
    }
  }
  return out;
}
