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
  // Kept spans are non-empty and disjoint, so sorted by start they are sorted
  // by end too: the only kept span that can overlap [start, end) is the first
  // one ending after `start`, found by binary search. O(n log n), not O(n²).
  const kept: T[] = [];
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((kept[mid]?.end ?? 0) <= c.start) lo = mid + 1;
      else hi = mid;
    }
    const after = kept[lo];
    if (after === undefined || after.start >= c.end) kept.splice(lo, 0, c);
  }
  return kept;
}
