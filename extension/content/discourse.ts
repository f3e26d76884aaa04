// One sense per discourse across rescans. The matcher reads an ambiguous name
// ("ICE") as the agency when context confirms it anywhere in the text it is
// given; a live page is rescanned in pieces, so each piece would otherwise
// forget what the rest of the page established. Two remedies:
//  - a partial rescan is told which names the rest of the page confirms
//    (seeds from findings outside the rescanned roots: inside ones may have
//    lost their evidence in the very change being rescanned);
//  - when a piece confirms a name the page had not confirmed before (a
//    late iframe, a new live-blog post that finally says "Immigration and
//    Customs Enforcement"), the page is rescanned whole once, so earlier
//    paragraphs are read again with that evidence. Once per name, so a page
//    that keeps changing cannot make us rescan it whole again and again.
import { discourseSeeds, seedKey, type DiscourseSeed } from '../../src/match/index.ts';
import { composedContains } from './dom-order.ts';
import type { FindingLists } from './findings.ts';

export function seedsOutside(lists: FindingLists, roots: readonly Node[]): DiscourseSeed[] {
  const outside = lists.mentions.filter((f) => !roots.some((r) => composedContains(r, f.range.startContainer)));
  return discourseSeeds(outside.map((f) => f.item));
}

export class DiscourseWatch {
  private readonly escalated = new Set<string>();

  /** True when `found` confirms a name `before` did not and the page has not been rescanned whole for it yet. */
  newlyConfirmed(before: FindingLists, found: FindingLists): boolean {
    const known = new Set(discourseSeeds(before.mentions.map((f) => f.item)).map(seedKey));
    let any = false;
    for (const s of discourseSeeds(found.mentions.map((f) => f.item))) {
      const k = seedKey(s);
      if (known.has(k) || this.escalated.has(k)) continue;
      this.escalated.add(k);
      any = true;
    }
    return any;
  }
}
