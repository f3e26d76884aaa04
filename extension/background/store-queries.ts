// Read queries over one index version, beyond the IndexReader basics
// (records by id, award by PIID, programs), which DexieReader implements.
import Dexie from 'dexie';
import type { AwardRecord, IndexRecord, ProgramRecord } from '../../src/model/types.ts';
import type { LiveIndex } from '../../src/sync/delta.ts';
import { normalizePiid } from '../../src/match/index.ts';
import { livePointer, type ReceiptsDB } from './store.ts';

export async function hasRecord(db: ReceiptsDB, version: string, id: string): Promise<boolean> {
  return (await db.records.where('[version+id]').equals([version, id]).count()) > 0;
}

/** Awards of a vendor, optionally only those awarded by `agencyId` (matched as agency or sub-agency). */
export async function awardsByVendor(db: ReceiptsDB, version: string, vendorId: string, agencyId?: string): Promise<AwardRecord[]> {
  const rows = await db.records
    .where('[version+vendorId]')
    .equals([version, vendorId])
    .filter((r) => r.kind === 'award' && (agencyId === undefined || r.agencyId === agencyId || r.subAgencyId === agencyId))
    .toArray();
  return rows.map((r) => r.data as AwardRecord);
}

/**
 * An award by record id (`award:…`), USAspending generated id (`CONT_…`) or
 * PIID (any dashes and case). PIIDs can repeat across agencies: all are returned.
 */
export async function awardsByIdOrPiid(db: ReceiptsDB, version: string, key: string): Promise<AwardRecord[]> {
  const trimmed = key.trim();
  const asId = trimmed.startsWith('award:') ? trimmed : /^CONT_(AWD|IDV)_/.test(trimmed) ? `award:${trimmed}` : undefined;
  if (asId) {
    const row = await db.records.get([version, asId]);
    return row?.kind === 'award' ? [row.data as AwardRecord] : [];
  }
  const rows = await db.records.where('[version+piid]').equals([version, normalizePiid(trimmed)]).toArray();
  return rows.map((r) => r.data as AwardRecord);
}

/** The awards a program record links to (missing ones are skipped). */
export async function awardsByProgram(db: ReceiptsDB, version: string, programId: string): Promise<AwardRecord[]> {
  const program = (await db.records.get([version, programId]))?.data as ProgramRecord | undefined;
  if (program?.kind !== 'program') return [];
  const rows = await db.records.bulkGet(program.awardIds.map((id) => [version, id] as [string, string]));
  return rows.flatMap((r) => (r?.kind === 'award' ? [r.data as AwardRecord] : []));
}

export async function recordsOfVersion(db: ReceiptsDB, version: string): Promise<IndexRecord[]> {
  const rows = await db.records.where('[version+id]').between([version, Dexie.minKey], [version, Dexie.maxKey]).toArray();
  return rows.map((r) => r.data);
}

/** The live index in memory, for applying a delta or an API update. */
export async function loadLiveIndex(db: ReceiptsDB): Promise<LiveIndex & { dictionary: unknown }> {
  const pointer = await livePointer(db);
  if (!pointer) throw new Error('No index is installed.');
  const records = await recordsOfVersion(db, pointer.version);
  const dictionary = (await db.blobs.get([pointer.version, 'dictionary']))?.data;
  return { manifest: pointer.manifest, records, dictionary };
}
