// Loads our curated JSON files (curated-types.ts) and resolves each entity's
// source keys to full sources right away, so several files can be merged
// without their source keys colliding.
import type { Source, Tier } from '../model/types.ts';
import type { CuratedAgency, CuratedFile, CuratedProgram, CuratedSource, CuratedVendor } from './curated-types.ts';

export interface Cited {
  sources: Source[];
  tier: Tier;
}

export type ResolvedAgency = CuratedAgency & Cited;
export type ResolvedVendor = CuratedVendor & Cited;
export type ResolvedProgram = CuratedProgram & Cited & {
  modifications: (CuratedProgram['modifications'][number] & Cited)[];
};

export interface CuratedSet {
  agencies: Map<string, ResolvedAgency>;
  vendors: Map<string, ResolvedVendor>;
  programs: Map<string, ResolvedProgram>;
  sources: Source[];
}

export function emptyCurated(): CuratedSet {
  return { agencies: new Map(), vendors: new Map(), programs: new Map(), sources: [] };
}

function arr<T>(v: T[] | undefined): T[] {
  return Array.isArray(v) ? v : [];
}

/** Adds one parsed curated file; returns problems worth reporting (unknown source keys, duplicates). */
/** Ids a record may not have: a synced snapshot with them is refused (src/sync/validate.ts), so the builder refuses them too. */
const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Record ids are `<kind>:<key>`, and validate.ts caps ids at 300 characters. */
const unusableKey = (k: string): boolean => RESERVED_IDS.has(k) || k.length > 200;

export function addCuratedFile(set: CuratedSet, file: string, data: Partial<CuratedFile>): string[] {
  const problems: string[] = [];
  const table: Record<string, CuratedSource> = data.sources && typeof data.sources === 'object' ? data.sources : {};
  for (const s of Object.values(table)) set.sources.push({ url: s.url, title: s.title, retrieved: s.retrieved });
  const cite = (what: string, keys: string[] | undefined): Cited => {
    const sources: Source[] = [];
    let tier: Tier = 'reported';
    for (const k of arr(keys)) {
      // Own keys only: "constructor" or "__proto__" must be an unknown key, not Object's members.
      const s = Object.hasOwn(table, k) ? table[k] : undefined;
      if (!s) {
        problems.push(`${file}: ${what} cites unknown source key "${k}"`);
        continue;
      }
      sources.push({ url: s.url, title: s.title, retrieved: s.retrieved });
      if (s.tier === 'primary') tier = 'primary';
    }
    return { sources, tier };
  };
  for (const a of arr(data.agencies)) {
    if (!a?.id || !a.name || unusableKey(a.id)) {
      problems.push(`${file}: agency without a usable id or name skipped${a?.id ? ` ("${a.id.slice(0, 60)}")` : ''}`);
      continue;
    }
    if (set.agencies.has(a.id)) problems.push(`${file}: agency ${a.id} defined twice; the later definition wins`);
    set.agencies.set(a.id, { ...a, acronyms: arr(a.acronyms), ambiguousAcronyms: arr(a.ambiguousAcronyms), aliases: arr(a.aliases), ...cite(a.id, a.sourceKeys) });
  }
  for (const v of arr(data.vendors)) {
    if (!v?.key || !v.name || unusableKey(v.key)) {
      problems.push(`${file}: vendor without a usable key or name skipped${v?.key ? ` ("${v.key.slice(0, 60)}")` : ''}`);
      continue;
    }
    if (set.vendors.has(v.key)) problems.push(`${file}: vendor ${v.key} defined twice; the later definition wins`);
    set.vendors.set(v.key, {
      ...v,
      duns: arr(v.duns),
      aliases: arr(v.aliases),
      weakAliases: arr(v.weakAliases),
      ambiguousAliases: arr(v.ambiguousAliases),
      previousNames: arr(v.previousNames),
      recipientNames: arr(v.recipientNames),
      ...cite(v.key, v.sourceKeys),
    });
  }
  for (const p of arr(data.programs)) {
    if (!p?.id || !p.name || unusableKey(p.id)) {
      problems.push(`${file}: program without a usable id or name skipped${p?.id ? ` ("${p.id.slice(0, 60)}")` : ''}`);
      continue;
    }
    if (set.programs.has(p.id)) problems.push(`${file}: program ${p.id} defined twice; the later definition wins`);
    set.programs.set(p.id, {
      ...p,
      aliases: arr(p.aliases),
      ambiguousAliases: arr(p.ambiguousAliases),
      vendorKeys: arr(p.vendorKeys),
      agencyIds: arr(p.agencyIds),
      awardPiids: arr(p.awardPiids),
      description: p.description ?? { en: '', de: '' },
      modifications: arr(p.modifications).map((m) => ({ ...m, ...cite(`${p.id} modification ${m.number}`, m.sourceKeys) })),
      ...cite(p.id, p.sourceKeys),
    });
  }
  return problems;
}
