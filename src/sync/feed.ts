// The signed snapshot feed: fetch a small manifest, check its Ed25519
// signature, then fetch the delta (when it starts from the live version) or
// the full snapshot, check size and SHA-256, validate, and hand the result to
// `install`. Nothing is written until every check has passed.
import type { Snapshot } from '../model/types.ts';
import { applyDelta, type LiveIndex } from './delta.ts';
import { downloadBytes } from './download.ts';
import { checkSha256, verifyFeedSignature } from './feed-verify.ts';
import { SyncError, toSyncResult, type SyncEnv, type SyncResult } from './types.ts';
import { parseJson, validateDelta, validateFeedManifest, validateSnapshot, type FeedManifest } from './validate.ts';

export interface FeedLimits {
  manifestMaxBytes: number;
  snapshotMaxBytes: number;
  timeoutMs: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  manifestMaxBytes: 64 * 1024,
  snapshotMaxBytes: 256 * 1024 * 1024,
  timeoutMs: 120_000,
};

export interface FeedSyncDeps extends SyncEnv {
  manifestUrl: string;
  /** Base64 raw Ed25519 public key (see feed-key.ts). */
  publicKey: string;
  liveVersion: string | undefined;
  /** Reads the live index; called only when a delta applies. */
  loadLive: () => Promise<LiveIndex>;
  /** Writes the snapshot beside the live one and switches to it; throws on failure (e.g. quota). */
  install: (snapshot: Snapshot) => Promise<void>;
  limits?: Partial<FeedLimits>;
}

/** A delta carries its own signature over `${version}\n${delta sha256}\n${delta size}`; unsigned deltas are skipped. */
type SignedDelta = NonNullable<FeedManifest['delta']> & { signature?: unknown };

/**
 * The snapshot and delta URLs are not covered by the signature (their bytes
 * are, through the signed hash), so a tampered manifest could still send the
 * browser to another host. They must therefore live on the manifest's own origin.
 */
function resolve(url: string, base: string): string {
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    throw new SyncError('schema', `The feed names an unusable URL "${url.slice(0, 200)}".`);
  }
  if (u.origin !== new URL(base).origin) {
    throw new SyncError('schema', `The feed points to ${u.origin}, not to its own host ${new URL(base).origin}; nothing was downloaded from there.`);
  }
  return u.href;
}

async function fetchFeedManifest(deps: FeedSyncDeps, limits: FeedLimits): Promise<FeedManifest> {
  const bytes = await downloadBytes(deps, deps.manifestUrl, { maxBytes: limits.manifestMaxBytes, timeoutMs: limits.timeoutMs });
  const feed = validateFeedManifest(parseJson(bytes, 'feed manifest'));
  await verifyFeedSignature(deps.publicKey, feed.signature, feed.version, feed.sha256, feed.size);
  return feed;
}

async function viaDelta(deps: FeedSyncDeps, feed: FeedManifest, limits: FeedLimits): Promise<{ snapshot: Snapshot; changed: number } | undefined> {
  const d = feed.delta as SignedDelta | undefined;
  if (!d || d.from !== deps.liveVersion || typeof d.signature !== 'string') return undefined;
  if (d.size > limits.snapshotMaxBytes) return undefined;
  await verifyFeedSignature(deps.publicKey, d.signature, feed.version, d.sha256, d.size);
  const bytes = await downloadBytes(deps, resolve(d.url, deps.manifestUrl), {
    maxBytes: limits.snapshotMaxBytes,
    timeoutMs: limits.timeoutMs,
    expectedSize: d.size,
  });
  await checkSha256(bytes, d.sha256, 'index delta');
  const delta = validateDelta(parseJson(bytes, 'index delta'));
  if (delta.to !== feed.version) throw new SyncError('schema', `The delta leads to ${delta.to}, the feed announces ${feed.version}.`);
  const snapshot = applyDelta(await deps.loadLive(), delta, feed.created, feed.sha256);
  return { snapshot, changed: delta.upsert.length + delta.remove.length };
}

async function viaFull(deps: FeedSyncDeps, feed: FeedManifest, limits: FeedLimits): Promise<Snapshot> {
  if (feed.size > limits.snapshotMaxBytes) {
    throw new SyncError('http', `The index snapshot (${feed.size} bytes) is larger than the ${limits.snapshotMaxBytes}-byte limit.`);
  }
  const bytes = await downloadBytes(deps, resolve(feed.url, deps.manifestUrl), {
    maxBytes: limits.snapshotMaxBytes,
    timeoutMs: limits.timeoutMs,
    expectedSize: feed.size,
  });
  await checkSha256(bytes, feed.sha256, 'index snapshot');
  return validateSnapshot(parseJson(bytes, 'index snapshot'), feed.version);
}

export async function syncFromFeed(deps: FeedSyncDeps): Promise<SyncResult> {
  const limits = { ...DEFAULT_FEED_LIMITS, ...deps.limits };
  try {
    const feed = await fetchFeedManifest(deps, limits);
    if (feed.version === deps.liveVersion) return { ok: true, version: feed.version, changed: 0 };
    let next: { snapshot: Snapshot; changed: number } | undefined;
    try {
      next = await viaDelta(deps, feed, limits);
    } catch {
      // A broken delta is not fatal: the full snapshot is the authority.
      next = undefined;
    }
    if (!next) {
      const full = await viaFull(deps, feed, limits);
      next = { snapshot: full, changed: full.records.length };
    }
    const { snapshot, changed } = next;
    await deps.install(snapshot);
    return { ok: true, version: snapshot.manifest.version, changed };
  } catch (err) {
    return toSyncResult(err);
  }
}
