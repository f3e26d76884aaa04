// A possible mention before disambiguation and overlap resolution.
import type { MentionKind } from '../model/types.ts';
import type { MatchReason, ParsedAmount } from '../report/types.ts';

export interface Candidate {
  /** Offsets in the block's normalised text. */
  nStart: number;
  nEnd: number;
  /** Offsets in the whole input text (UTF-16, end exclusive). */
  start: number;
  end: number;
  block: number;
  kind: MentionKind;
  id: string | null;
  confidence: number;
  reason: MatchReason;
  amount?: ParsedAmount;
  /** Alias candidates only: the alias needs supporting context. */
  needsContext: boolean;
  /** Alias candidates only: the folded alias key, for cue tables and one-sense-per-discourse. */
  aliasKey?: string;
  /** Set when a negative cue was found near it; such a candidate is never revived. */
  negative?: boolean;
}

/** Greedy overlap resolution: longer spans first, then more confident, then earlier. Returns survivors sorted by start. */
export function resolveOverlaps<T extends { start: number; end: number; confidence: number }>(items: T[]): T[] {
  const ranked = [...items].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start,
  );
  // Which characters kept spans already cover: a span is kept when none of
  // its characters is covered. Two integer ranges overlap exactly when they
  // share a character, so this is the pairwise test, in O(total span length)
  // rather than O(n²) comparisons.
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of items) {
    if (c.end <= c.start) continue;
    lo = Math.min(lo, c.start);
    hi = Math.max(hi, c.end);
  }
  const covered = new Uint8Array(hi > lo ? hi - lo : 0);
  const kept: T[] = [];
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let p = c.start - lo; p < c.end - lo; p++) {
      if (covered[p] === 1) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    covered.fill(1, c.start - lo, c.end - lo);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
