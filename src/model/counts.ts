// Manifest figures derived from a record list. Shared by the builder (Node)
// and sync (the browser), so this module imports nothing platform-bound.
import type { IndexRecord, RecordKind, SnapshotCounts, Tier } from './types.ts';

export function countRecords(records: readonly IndexRecord[]): SnapshotCounts {
  const byKind: Record<RecordKind, number> = { vendor: 0, agency: 0, program: 0, award: 0 };
  const byTier: Record<Tier, number> = { primary: 0, reported: 0 };
  for (const r of records) {
    byKind[r.kind]++;
    byTier[r.provenance.tier]++;
  }
  return { byKind, byTier };
}

/** The newest `provenance.asOf` in the records: the manifest's `dataAsOf`. */
export function newestAsOf(records: readonly IndexRecord[]): string | undefined {
  let m: string | undefined;
  for (const r of records) if (r.provenance.asOf && (!m || r.provenance.asOf > m)) m = r.provenance.asOf;
  return m;
}
