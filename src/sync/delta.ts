// Applies a delta to the live index in memory and yields a whole new
// snapshot; the store then writes it beside the old version and switches the
// pointer, exactly as for a full download. Pure: no storage, no network.
import type { AliasEntry, IndexRecord, RecordKind, Snapshot, SnapshotCounts, SnapshotManifest, Tier } from '../model/types.ts';
import type { SnapshotDelta } from './validate.ts';
import { SyncError } from './types.ts';

export function countRecords(records: readonly IndexRecord[]): SnapshotCounts {
  const byKind: Record<RecordKind, number> = { vendor: 0, agency: 0, program: 0, award: 0 };
  const byTier: Record<Tier, number> = { primary: 0, reported: 0 };
  for (const r of records) {
    byKind[r.kind]++;
    byTier[r.provenance.tier]++;
  }
  return { byKind, byTier };
}

export function newestAsOf(records: readonly IndexRecord[]): string | undefined {
  let m: string | undefined;
  for (const r of records) if (r.provenance.asOf && (!m || r.provenance.asOf > m)) m = r.provenance.asOf;
  return m;
}

export interface LiveIndex {
  manifest: SnapshotManifest;
  records: IndexRecord[];
  aliases?: AliasEntry[];
}

/**
 * `sha256` is the signed hash the feed gives for the full snapshot of `delta.to`;
 * it is carried into the manifest so the index names the same version either way.
 */
export function applyDelta(live: LiveIndex, delta: SnapshotDelta & { aliases?: AliasEntry[] }, created: string, sha256: string): Snapshot {
  if (delta.from !== live.manifest.version) {
    throw new SyncError('schema', `The delta updates index ${delta.from}, but ${live.manifest.version} is installed.`);
  }
  const byId = new Map(live.records.map((r) => [r.id, r] as const));
  for (const id of delta.remove) byId.delete(id);
  for (const r of delta.upsert) byId.set(r.id, r);
  const records = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const dataAsOf = newestAsOf(records);
  const manifest: SnapshotManifest = {
    ...live.manifest,
    version: delta.to,
    created,
    counts: countRecords(records),
    sha256,
    ...(dataAsOf ? { dataAsOf } : {}),
  };
  return { manifest, records, aliases: delta.aliases ?? live.aliases ?? [], dictionary: delta.dictionary };
}
