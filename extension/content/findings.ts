// What the content script has found on the page, each item with a live DOM
// Range. Lists stay in reading order. A rescan of changed subtrees removes
// the findings inside them and inserts the new ones in place, so the rest of
// the page keeps its highlights untouched.
import type { Claim, LoadedSpan, Mention } from '../../src/report/types.ts';
import { compareRanges, composedContains } from './dom-order.ts';

export interface Found<T> {
  item: T;
  range: Range;
}

export type ListName = 'mentions' | 'loaded' | 'claims';

export interface FindingLists {
  mentions: Found<Mention>[];
  loaded: Found<LoadedSpan>[];
  claims: Found<Claim>[];
}

export function emptyLists(): FindingLists {
  return { mentions: [], loaded: [], claims: [] };
}

function gone(r: Range): boolean {
  // A range whose text was removed collapses onto the removal point.
  return r.collapsed || !r.startContainer.isConnected;
}

export class Findings {
  lists: FindingLists = emptyLists();

  replaceAll(next: FindingLists) {
    this.lists = next;
  }

  /** Drops findings inside any of `roots` (and any whose text left the page); inserts `added` in reading order. */
  merge(roots: readonly Node[], added: FindingLists) {
    const inside = (f: Found<unknown>) => gone(f.range) || roots.some((root) => composedContains(root, f.range.startContainer));
    for (const name of ['mentions', 'loaded', 'claims'] as const) {
      const kept = (this.lists[name] as Found<unknown>[]).filter((f) => !inside(f));
      for (const f of added[name] as Found<unknown>[]) insertSorted(kept, f);
      (this.lists as Record<ListName, Found<unknown>[]>)[name] = kept;
    }
  }

  clear() {
    this.lists = emptyLists();
  }
}

function insertSorted<T>(list: Found<T>[], f: Found<T>) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareRanges(list[mid]!.range, f.range) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, f);
}
