// Applies a delta to the live index in memory and yields a whole new
// snapshot; the store then writes it beside the old version and switches the
// pointer, exactly as for a full download. Pure: no storage, no network.
import { countRecords, newestAsOf } from '../model/counts.ts';
import type { AliasEntry, IndexRecord, Snapshot, SnapshotManifest } from '../model/types.ts';
import type { SnapshotDelta } from './validate.ts';
import { SyncError } from './types.ts';

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
