// What the reader points at, in the findings on screen: the caret position
// under the pointer (caret.ts), confirmed against the range's boxes because
// the caret snaps to the nearest character even in a margin.
import { caretAt } from './caret.ts';
import { composedContains } from './dom-order.ts';
import type { FindingLists } from './findings.ts';
import type { Nearby } from './overlay.tsx';
import { blockOf } from './painter.ts';

export type PointHit = { index: number } | { nearby: Nearby; anchor: DOMRect };

/** What is under the point: a mention (by index), or loaded language / claims where no mention is. */
export function findingAtPoint(shown: FindingLists, x: number, y: number): PointHit | null {
  const caret = caretAt(x, y);
  if (!caret) return null;
  const hit = (r: Range) => {
    try {
      if (!r.isPointInRange(caret.node, caret.offset)) return false;
    } catch {
      return false; // another document
    }
    for (const b of r.getClientRects()) if (x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1) return true;
    return false;
  };
  const { mentions, loaded, claims } = shown;
  const index = mentions.findIndex((f) => hit(f.range));
  if (index >= 0) return { index };
  const l = loaded.filter((f) => hit(f.range));
  const c = claims.filter((f) => hit(f.range));
  const first = l[0] ?? c[0];
  if (!first) return null;
  return { nearby: { loaded: l.map((f) => f.item), claims: c.map((f) => f.item) }, anchor: first.range.getBoundingClientRect() };
}

/** Loaded language and claims in the same block (paragraph) as mention i, for the popover. */
export function relatedTo(shown: FindingLists, i: number): Nearby {
  const r = shown.mentions[i]?.range;
  const block = r ? blockOf(r.startContainer) : null;
  const near = <T>(list: { item: T; range: Range }[]) =>
    block ? list.filter((f) => composedContains(block, f.range.startContainer)).map((f) => f.item) : [];
  return { loaded: near(shown.loaded), claims: near(shown.claims) };
}
