// Programs come only from curated files. Their award PIIDs are linked to the
// awards in the index; curated modifications (e.g. a reported change to an
// award) are attached to that award as ModificationRecords with their own,
// usually `reported`, provenance. A program with no award record stays a
// record and says so (`noAwardRecord`), so the UI can tell the reader.
import type { AwardRecord, ModificationRecord, ProgramRecord } from '../model/types.ts';
import type { ResolvedProgram } from './curated.ts';
import { modificationId } from './ids.ts';

export function buildPrograms(
  programs: Map<string, ResolvedProgram>,
  awards: AwardRecord[],
  vendorIdByKey: (key: string) => string | undefined,
  warnings: string[],
): ProgramRecord[] {
  const byPiid = new Map<string, AwardRecord[]>();
  for (const a of awards) {
    if (!a.piid) continue;
    const list = byPiid.get(a.piid);
    if (list) list.push(a);
    else byPiid.set(a.piid, [a]);
  }
  const out: ProgramRecord[] = [];
  for (const p of [...programs.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const awardIds = new Set<string>();
    const modificationIds = new Set<string>();
    for (const piid of p.awardPiids) {
      const found = byPiid.get(piid) ?? [];
      if (found.length === 0) warnings.push(`program ${p.id}: no award with PIID ${piid} in the index`);
      for (const a of found) awardIds.add(a.id);
    }
    for (const m of p.modifications) {
      const targets = byPiid.get(m.piid) ?? [];
      if (targets.length === 0) {
        warnings.push(`program ${p.id}: modification ${m.number} names PIID ${m.piid}, which is not in the index`);
        continue;
      }
      for (const a of targets) {
        awardIds.add(a.id);
        const id = modificationId(a.id, m.number);
        modificationIds.add(id);
        attach(a, id, m);
      }
    }
    const vendorIds = p.vendorKeys.map((k) => {
      const id = vendorIdByKey(k);
      if (!id) warnings.push(`program ${p.id}: vendor key ${k} is not a curated vendor`);
      return id;
    });
    const rec: ProgramRecord = {
      id: p.id,
      kind: 'program',
      name: p.name,
      aliases: [...new Set([...p.aliases, ...p.ambiguousAliases])].sort(),
      description: p.description,
      vendorIds: [...new Set(vendorIds.filter((v): v is string => !!v))].sort(),
      agencyIds: [...new Set(p.agencyIds)].sort(),
      awardIds: [...awardIds].sort(),
      modificationIds: [...modificationIds].sort(),
      provenance: { tier: p.tier, sources: p.sources },
    };
    if (awardIds.size === 0) rec.noAwardRecord = true;
    out.push(rec);
  }
  return out;
}

type CuratedMod = ResolvedProgram['modifications'][number];

function attach(award: AwardRecord, id: string, m: CuratedMod): void {
  const existing = award.modifications.find((x) => x.id === id);
  if (existing) {
    // The government record stays; our note and the reporting are added to it.
    existing.note = existing.note ? `${existing.note} ${m.note}` : m.note;
    return;
  }
  const rec: ModificationRecord = {
    id,
    number: m.number,
    date: m.date,
    description: m.description,
    note: m.note,
    competition: m.competition,
    provenance: { tier: m.tier, sources: m.sources, asOf: m.date },
  };
  if (m.reportedValue !== undefined) {
    rec.note = `${m.note} Reported value: $${m.reportedValue.toLocaleString('en-US')} (reported, not a government record).`;
  }
  award.modifications.push(rec);
  award.modifications.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.id < b.id ? -1 : 1));
}
