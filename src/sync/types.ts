// Outcome types shared by every sync source. DOM-free and browser-free: the
// background wires them to storage, the options page shows `reason` verbatim.

export type SyncFailureKind =
  | 'network'
  | 'http'
  | 'timeout'
  | 'truncated'
  | 'hash'
  | 'signature'
  | 'schema'
  | 'quota'
  | 'interrupted';

export type SyncResult =
  | { ok: true; version: string; changed: number }
  | { ok: false; reason: string; kind: SyncFailureKind };

/** Thrown inside sync code; `toSyncResult` turns it (or any error) into a failed SyncResult. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    reason: string,
  ) {
    super(reason);
    this.name = 'SyncError';
  }
}

/** Dexie wraps IndexedDB's DOMException; both carry the name 'QuotaExceededError' somewhere in the chain. */
export function isQuotaError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const o = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (o.name === 'QuotaExceededError') return true;
    e = o.inner ?? o.cause;
  }
  return false;
}

export function toSyncResult(err: unknown): SyncResult & { ok: false } {
  if (err instanceof SyncError) return { ok: false, kind: err.kind, reason: err.message };
  if (isQuotaError(err)) {
    return {
      ok: false,
      kind: 'quota',
      reason: 'The browser ran out of storage space for the new index; the previous index is still in use. Free some disk space and sync again.',
    };
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { ok: false, kind: 'network', reason: `Sync failed: ${msg}` };
}

/** Everything a sync needs from its environment, injected so tests control time and the network. */
export interface SyncEnv {
  fetch: typeof fetch;
  now: () => Date;
  /** Waits `ms`; tests pass a recorder that returns at once. */
  sleep: (ms: number) => Promise<void>;
}
