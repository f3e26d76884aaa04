// The reader's switches applied to what was found: kinds turned off and
// loaded-language categories turned off are not shown, and exempt words are
// never flagged as loaded. Filtering happens at display time, so flipping a
// switch needs no rescan.
import type { UserSettings } from '../settings.ts';
import type { FindingLists } from './findings.ts';

export function visibleLists(all: FindingLists, s: UserSettings): FindingLists {
  const exempt = new Set(s.exemptWords.map((w) => w.trim().toLowerCase()));
  return {
    mentions: all.mentions.filter((f) => s.entityKinds[f.item.kind] !== false),
    loaded: all.loaded.filter(
      (f) => s.loadedCategories[f.item.category] !== false && !exempt.has(f.item.text.trim().toLowerCase()),
    ),
    claims: all.claims,
  };
}
