// The pipeline: blocks -> normalise -> candidates (aliases, contract ids,
// amounts) -> disambiguate ambiguous aliases -> threshold -> overlaps.
import type { Mention } from '../report/types.ts';
import { splitBlocks } from '../text/blocks.ts';
import { normalizeText } from '../text/normalize.ts';
import { findAliasCandidates } from './aliases.ts';
import { findAmountCandidates } from './amount.ts';
import { resolveOverlaps, type Candidate } from './candidate.ts';
import type { CompiledDictionary } from './dictionary.ts';
import { disambiguate, seedKey, type ContextBlock, type DiscourseSeed } from './disambiguate.ts';
import { findPiidCandidates, type PiidResolver } from './piid.ts';

export interface FindOptions {
  /** Mentions below this confidence are dropped. Default 0.6. */
  threshold?: number;
  /** Resolves a normalised PIID (or USAspending id) to an award id in the index. */
  piidResolver?: PiidResolver;
  /** Ambiguous names confirmed elsewhere on the page, outside `text` (disambiguate.ts). */
  discourse?: readonly DiscourseSeed[];
}

export const DEFAULT_THRESHOLD = 0.6;

export function findMentions(text: string, dict: CompiledDictionary, opts: FindOptions = {}): Mention[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const blocks: ContextBlock[] = [];
  const candidates: Candidate[] = [];
  for (const b of splitBlocks(text)) {
    const norm = normalizeText(text.slice(b.start, b.end));
    const block: ContextBlock = { index: blocks.length, offset: b.start, norm };
    blocks.push(block);
    candidates.push(...findAliasCandidates(block, dict), ...findPiidCandidates(block, opts.piidResolver), ...findAmountCandidates(block));
  }
  disambiguate(text, blocks, candidates, threshold, opts.discourse);
  return resolveOverlaps(candidates.filter((c) => c.confidence >= threshold && c.end > c.start)).map((c) => {
    const m: Mention = {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      kind: c.kind,
      id: c.id,
      confidence: c.confidence,
      reason: c.reason,
    };
    if (c.amount !== undefined) m.amount = c.amount;
    return m;
  });
}

/**
 * The seeds a later, partial analysis of the same page should inherit: the
 * ambiguous names these mentions confirm by their own context (not those
 * confirmed only by discourse, so a seed never outlives its evidence).
 */
export function discourseSeeds(mentions: readonly Mention[]): DiscourseSeed[] {
  const seen = new Set<string>();
  const out: DiscourseSeed[] = [];
  for (const m of mentions) {
    const alias = m.reason.alias;
    if (m.reason.rule !== 'alias+context' || m.id === null || alias === undefined) continue;
    const seed = { id: m.id, alias, context: m.reason.context ?? [] };
    if (seen.has(seedKey(seed))) continue;
    seen.add(seedKey(seed));
    out.push(seed);
  }
  return out;
}
