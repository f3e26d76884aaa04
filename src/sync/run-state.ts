// Survives a worker killed mid-sync. A marker is written before any network
// or storage work and cleared after the result is recorded; a marker found at
// the next start therefore means the last sync never finished. The store's
// pointer switch is atomic, so the old index is live in that case.
import type { SyncResult } from './types.ts';

export interface SyncMarker {
  startedAt: string;
  source: string;
}

export interface SyncStatusRecord {
  /** When the result was recorded. */
  at: string;
  startedAt: string;
  source: string;
  result: SyncResult;
}

export interface SyncStateStorage {
  getMarker(): Promise<SyncMarker | undefined>;
  setMarker(marker: SyncMarker | undefined): Promise<void>;
  recordResult(status: SyncStatusRecord): Promise<void>;
}

/** Call once when the worker starts, before any new sync. */
export async function recoverInterrupted(storage: SyncStateStorage, now: () => Date): Promise<SyncStatusRecord | undefined> {
  const marker = await storage.getMarker();
  if (!marker) return undefined;
  const status: SyncStatusRecord = {
    at: now().toISOString(),
    startedAt: marker.startedAt,
    source: marker.source,
    result: {
      ok: false,
      kind: 'interrupted',
      reason: `The sync started at ${marker.startedAt} did not finish (the browser closed or stopped the extension). The previous index is still in use; it will be retried.`,
    },
  };
  await storage.recordResult(status);
  await storage.setMarker(undefined);
  return status;
}

/** Runs `work` between marker writes and records its result. `work` must not throw (sources return SyncResult). */
export async function runGuarded(
  storage: SyncStateStorage,
  now: () => Date,
  source: string,
  work: () => Promise<SyncResult>,
): Promise<SyncStatusRecord> {
  const startedAt = now().toISOString();
  // On a full disk even these small writes can fail; the sync still runs (and
  // fails cleanly), and its result still reaches the caller.
  await storage.setMarker({ startedAt, source }).catch(() => undefined);
  let result: SyncResult;
  try {
    result = await work();
  } catch (err) {
    result = { ok: false, kind: 'network', reason: `Sync failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  const status: SyncStatusRecord = { at: now().toISOString(), startedAt, source, result };
  await storage.recordResult(status).catch(() => undefined);
  await storage.setMarker(undefined).catch(() => undefined);
  return status;
}
