// The alias dictionary the matcher compiles. Curated names, aliases and
// acronyms come first; a name derived from data is only added when no curated
// entity already claims it. Weak aliases (a bare ticker) are never emitted.
import type { AgencyRecord, AliasEntry, MentionKind, ProgramRecord, VendorRecord } from '../model/types.ts';
import { agencyByCode } from './agency-table.ts';
import type { CuratedSet } from './curated.ts';

/** All-caps and at most five letters ("ICE", "DHS", "GEO"): case matters. */
export function isShortAcronym(alias: string): boolean {
  const letters = alias.replace(/[^A-Za-z]/g, '');
  return letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && !/[a-z]/.test(alias);
}

class AliasSet {
  private readonly entries = new Map<string, AliasEntry>();
  /** Lower-cased alias → entity ids that claim it through curated data. */
  private readonly claimed = new Map<string, Set<string>>();

  add(alias: string, entityId: string, kind: MentionKind, opts: { needsContext?: boolean; caseSensitive?: boolean; curated: boolean }): void {
    const text = alias.replace(/\s+/g, ' ').trim();
    if (text.length < 2) return;
    const lower = text.toLowerCase();
    const owners = this.claimed.get(lower);
    if (!opts.curated && owners && !owners.has(entityId)) return;
    if (opts.curated) this.claimed.set(lower, new Set([...(owners ?? []), entityId]));
    const key = `${text}\u0000${entityId}`;
    const prev = this.entries.get(key);
    const caseSensitive = (opts.caseSensitive ?? isShortAcronym(text)) || (prev?.caseSensitive ?? false);
    const needsContext = (opts.needsContext ?? false) || (prev?.needsContext ?? false);
    this.entries.set(key, { alias: text, entityId, kind, caseSensitive, needsContext });
  }

  list(): AliasEntry[] {
    return [...this.entries.values()].sort((a, b) =>
      a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0,
    );
  }
}

export function buildAliases(
  curated: CuratedSet,
  vendors: VendorRecord[],
  agencies: AgencyRecord[],
  programs: ProgramRecord[],
  vendorIdByKey: (key: string) => string | undefined,
): AliasEntry[] {
  const set = new AliasSet();
  // Curated entries first, so they claim their aliases before derived ones.
  for (const v of curated.vendors.values()) {
    const id = vendorIdByKey(v.key);
    if (!id) continue;
    const ambiguous = new Set(v.ambiguousAliases);
    const weak = new Set(v.weakAliases);
    for (const a of [v.name, ...v.aliases, ...v.previousNames, ...v.ambiguousAliases]) {
      if (weak.has(a)) continue;
      set.add(a, id, 'company', { needsContext: ambiguous.has(a), curated: true });
    }
  }
  for (const a of curated.agencies.values()) {
    const ambiguous = new Set(a.ambiguousAcronyms);
    set.add(a.name, a.id, 'agency', { curated: true });
    for (const x of a.aliases) set.add(x, a.id, 'agency', { curated: true });
    for (const x of [...a.acronyms, ...a.ambiguousAcronyms]) {
      set.add(x, a.id, 'agency', { caseSensitive: true, needsContext: ambiguous.has(x), curated: true });
    }
  }
  for (const p of curated.programs.values()) {
    const ambiguous = new Set(p.ambiguousAliases);
    for (const x of [p.name, ...p.aliases, ...p.ambiguousAliases]) {
      set.add(x, p.id, 'program', { needsContext: ambiguous.has(x), curated: true });
    }
  }
  // Derived entries: vendors' mixed-case reported names, our agency table.
  for (const v of vendors) {
    for (const a of v.aliases) set.add(a, v.id, 'company', { curated: false });
  }
  for (const a of agencies) {
    if (curated.agencies.has(a.id)) continue;
    // ALL-CAPS names as recorded in contract rows are not matched (same rule as vendors).
    for (const x of [a.name, ...a.aliases]) if (/[a-z]/.test(x)) set.add(x, a.id, 'agency', { curated: false });
    const ambiguous = new Set(a.code ? (agencyByCode(a.code)?.ambiguousAcronyms ?? []) : []);
    for (const x of a.acronyms) {
      set.add(x, a.id, 'agency', { caseSensitive: true, needsContext: ambiguous.has(x), curated: false });
    }
  }
  for (const p of programs) {
    if (curated.programs.has(p.id)) continue;
    for (const x of [p.name, ...p.aliases]) set.add(x, p.id, 'program', { curated: false });
  }
  return set.list();
}
