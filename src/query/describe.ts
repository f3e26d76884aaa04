// Expands entity ids into the records a reader needs to see them in context:
// a vendor with its parent, subsidiaries and awards; an award with its vendor,
// agency and programs; a program with its awards. Capped, so a popover never
// receives thousands of awards for a large agency.
import type { AwardRecord, IndexRecord } from '../model/types.ts';
import type { IndexReader } from './reader.ts';

export interface Described {
  records: Record<string, IndexRecord>;
  missing: string[];
}

/** Awards listed per vendor or agency; the builder stores award lists government records first, then largest. */
export const AWARD_CAP = 60;

export function awardSize(a: AwardRecord): number {
  return a.values.obligated ?? a.values.current ?? a.values.ceiling ?? 0;
}

/** Government records before reported ones, then the largest first. */
export function compareAwards(a: AwardRecord, b: AwardRecord): number {
  const tier = (x: AwardRecord) => (x.provenance.tier === 'primary' ? 0 : 1);
  return tier(a) - tier(b) || awardSize(b) - awardSize(a);
}

export async function describe(reader: IndexReader, ids: readonly string[]): Promise<Described> {
  const out: Record<string, IndexRecord> = Object.create(null) as Record<string, IndexRecord>;
  const missing: string[] = [];
  const wanted = [...new Set(ids)];
  const roots = await reader.get(wanted);
  const next = new Set<string>();
  const programs = await reader.programs();

  wanted.forEach((id, i) => {
    const r = roots[i];
    if (!r) {
      missing.push(id);
      return;
    }
    out[r.id] = r;
    for (const linked of links(r)) next.add(linked);
    for (const p of programs) {
      const touches =
        p.vendorIds.includes(r.id) || p.agencyIds.includes(r.id) || p.awardIds.includes(r.id);
      if (touches) out[p.id] = p;
    }
  });

  // Second hop: the linked records themselves, and for vendors their subsidiaries' awards.
  const hop = [...next].filter((id) => !(id in out));
  const linked = await reader.get(hop);
  const awardIds = new Set<string>();
  linked.forEach((r) => {
    if (!r) return;
    out[r.id] = r;
    if (r.kind === 'vendor') r.awardIds.slice(0, AWARD_CAP).forEach((a) => awardIds.add(a));
    if (r.kind === 'award') {
      for (const id of [r.vendorId, r.agencyId, r.subAgencyId]) if (id) awardIds.add(id);
    }
  });
  const third = [...awardIds].filter((id) => !(id in out));
  (await reader.get(third)).forEach((r) => {
    if (r) out[r.id] = r;
  });
  return { records: out, missing };
}

/** Ids a record points to that a reader needs alongside it. */
function links(r: IndexRecord): string[] {
  switch (r.kind) {
    case 'vendor':
      return [...(r.parentId ? [r.parentId] : []), ...r.subsidiaryIds, ...r.awardIds.slice(0, AWARD_CAP)];
    case 'agency':
      return [...(r.parentId ? [r.parentId] : []), ...r.awardIds.slice(0, AWARD_CAP)];
    case 'program':
      return [...r.vendorIds, ...r.agencyIds, ...r.awardIds];
    case 'award':
      return [r.vendorId, r.agencyId, r.subAgencyId].filter((x): x is string => !!x);
  }
}
