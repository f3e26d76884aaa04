import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { installSnapshot, livePointer, loadBlob, ReceiptsDB } from '../../extension/background/store.ts';
import { loadLiveIndex } from '../../extension/background/store-queries.ts';
import { syncFromFeed, type FeedSyncDeps } from '../../src/sync/feed.ts';
import { bytesToBase64, sha256Hex, signedPayload } from '../../src/sync/feed-verify.ts';
import { recoverInterrupted, runGuarded, type SyncMarker, type SyncStatusRecord } from '../../src/sync/run-state.ts';
import type { SyncFailureKind } from '../../src/sync/types.ts';
import { award, records, snapshot } from './sync-fixtures.ts';

const MANIFEST_URL = 'https://feed.example.org/receipts/manifest.json';
let keys: CryptoKeyPair;
let pub: string;
let otherKeys: CryptoKeyPair;

beforeAll(async () => {
  keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  otherKeys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  pub = bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey)));
});

async function sign(version: string, sha: string, size: number, key = keys.privateKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, signedPayload(version, sha, size) as Uint8Array<ArrayBuffer>)));
}

type Route = () => Response | Promise<Response>;
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

/** A feed publishing `next` (and optionally a delta from the live version), with hooks to break it. */
async function feed(next: ReturnType<typeof snapshot>, opts: { delta?: unknown; signer?: CryptoKey; version?: string; mutate?: (m: Record<string, unknown>) => void } = {}) {
  const body = enc(next);
  const sha = await sha256Hex(body);
  const version = opts.version ?? next.manifest.version;
  const manifest: Record<string, unknown> = {
    format: 1, version, created: '2026-02-01T00:00:00Z', size: body.length, sha256: sha,
    signature: await sign(version, sha, body.length, opts.signer), url: 'snapshot.json',
  };
  const routes = new Map<string, Route>([['https://feed.example.org/receipts/snapshot.json', () => new Response(body)]]);
  if (opts.delta) {
    const d = enc(opts.delta);
    const dsha = await sha256Hex(d);
    manifest.delta = { from: 'v1', url: 'https://feed.example.org/receipts/delta.json', size: d.length, sha256: dsha, signature: await sign(next.manifest.version, dsha, d.length) };
    routes.set('https://feed.example.org/receipts/delta.json', () => new Response(d));
  }
  opts.mutate?.(manifest);
  routes.set(MANIFEST_URL, () => new Response(enc(manifest)));
  const requested: string[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    requested.push(url);
    const r = routes.get(url);
    if (!r) return new Response('not found', { status: 404 });
    // Like real fetch: an abort rejects a pending request.
    return new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      Promise.resolve(r()).then(resolve, reject);
    });
  }) as typeof fetch;
  return { routes, fetchFn, requested, manifest, body };
}

const dbs: ReceiptsDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function liveDb() {
  const db = new ReceiptsDB(`feed-${Math.random()}`);
  dbs.push(db);
  await installSnapshot(db, snapshot('v1'));
  return db;
}

function deps(db: ReceiptsDB, fetchFn: typeof fetch, extra: Partial<FeedSyncDeps> = {}): FeedSyncDeps {
  return {
    fetch: fetchFn, now: () => new Date('2026-02-02T00:00:00Z'), sleep: async () => undefined,
    manifestUrl: MANIFEST_URL, publicKey: pub, liveVersion: 'v1',
    loadLive: () => loadLiveIndex(db), install: async (s) => void (await installSnapshot(db, s)), ...extra,
  };
}

async function expectOldLive(db: ReceiptsDB) {
  expect((await livePointer(db))?.version).toBe('v1');
  expect(await loadBlob(db, 'v1', 'dictionary')).toEqual({ tag: 'v1' });
  expect((await loadLiveIndex(db)).records.length).toBe(6);
}

describe('good feed', () => {
  test('a full snapshot installs and switches', async () => {
    const db = await liveDb();
    const f = await feed(snapshot('v2'));
    expect(await syncFromFeed(deps(db, f.fetchFn))).toEqual({ ok: true, version: 'v2', changed: 6 });
    expect((await livePointer(db))?.version).toBe('v2');
  });

  test('the same version is not downloaded again', async () => {
    const db = await liveDb();
    const f = await feed(snapshot('v1'));
    expect(await syncFromFeed(deps(db, f.fetchFn))).toEqual({ ok: true, version: 'v1', changed: 0 });
    expect(f.requested).toEqual([MANIFEST_URL]);
  });

  test('a signed delta applies to the live version', async () => {
    const db = await liveDb();
    const added = award('CONT_AWD_NEW1_7012_-NONE-_-NONE-', { description: 'new' });
    const delta = { from: 'v1', to: 'v2', upsert: [added], remove: ['program:falcon'], dictionary: { tag: 'v2' } };
    const f = await feed(snapshot('v2'), { delta });
    expect(await syncFromFeed(deps(db, f.fetchFn))).toEqual({ ok: true, version: 'v2', changed: 2 });
    expect(f.requested).not.toContain('https://feed.example.org/receipts/snapshot.json');
    const live = await loadLiveIndex(db);
    expect(live.manifest.version).toBe('v2');
    expect(live.records.map((r) => r.id)).toContain(added.id);
    expect(live.records.map((r) => r.id)).not.toContain('program:falcon');
    expect(live.manifest.counts.byKind.program).toBe(0);
    expect(await loadBlob(db, 'v2', 'dictionary')).toEqual({ tag: 'v2' });
  });

  test('a broken delta falls back to the full snapshot', async () => {
    const db = await liveDb();
    const f = await feed(snapshot('v2'), { delta: { from: 'v1', to: 'v2', upsert: 'nope', remove: [], dictionary: {} } });
    expect(await syncFromFeed(deps(db, f.fetchFn))).toMatchObject({ ok: true, version: 'v2' });
  });
});

describe('fault matrix: the previous index stays live', () => {
  const cases: [string, SyncFailureKind, (f: Awaited<ReturnType<typeof feed>>) => void, RegExp, Partial<FeedSyncDeps>?][] = [
    ['network error', 'network', (f) => f.routes.set(MANIFEST_URL, () => Promise.reject(new TypeError('Failed to fetch'))), /Could not reach feed\.example\.org/],
    ['HTTP 500', 'http', (f) => f.routes.set(MANIFEST_URL, () => new Response('boom', { status: 500 })), /HTTP 500/],
    ['HTTP 404 on the snapshot', 'http', (f) => f.routes.delete('https://feed.example.org/receipts/snapshot.json'), /HTTP 404/],
    ['timeout', 'timeout', (f) => f.routes.set('https://feed.example.org/receipts/snapshot.json', () => new Promise(() => undefined)), /did not answer within/, { limits: { timeoutMs: 50 } }],
    ['truncated body', 'truncated', (f) => f.routes.set('https://feed.example.org/receipts/snapshot.json', () => new Response(f.body.slice(0, 100))), /truncated: 100 of \d+ bytes/],
    ['wrong hash', 'hash', (f) => f.routes.set('https://feed.example.org/receipts/snapshot.json', () => new Response(f.body.map((b, i) => (i === 20 ? b ^ 1 : b)))), /does not match its signed SHA-256/],
    ['oversized body', 'hash', (f) => f.routes.set('https://feed.example.org/receipts/snapshot.json', () => new Response(new Uint8Array([...f.body, 32]))), /not the \d+ bytes/],
    ['manifest not JSON', 'schema', (f) => f.routes.set(MANIFEST_URL, () => new Response('<html>')), /feed manifest is not in the expected format/],
  ];
  test.each(cases)('%s', async (_name, kind, breakIt, reason, extra) => {
    const db = await liveDb();
    const f = await feed(snapshot('v2'));
    breakIt(f);
    const result = await syncFromFeed(deps(db, f.fetchFn, extra));
    expect(result).toMatchObject({ ok: false, kind });
    expect(result.ok ? '' : result.reason).toMatch(reason);
    await expectOldLive(db);
  });

  test('wrong signature (another key)', async () => {
    const db = await liveDb();
    const f = await feed(snapshot('v2'), { signer: otherKeys.privateKey });
    const result = await syncFromFeed(deps(db, f.fetchFn));
    expect(result).toMatchObject({ ok: false, kind: 'signature', reason: expect.stringMatching(/not signed by the Receipts feed key/) });
    expect(f.requested).toEqual([MANIFEST_URL]); // nothing big is fetched before the signature checks out
    await expectOldLive(db);
  });

  test('a snapshot URL on another host is refused before any request goes there', async () => {
    const db = await liveDb();
    const f = await feed(snapshot('v2'), { mutate: (m) => (m.url = 'https://elsewhere.example.net/snapshot.json') });
    const result = await syncFromFeed(deps(db, f.fetchFn));
    expect(result).toMatchObject({ ok: false, kind: 'schema', reason: expect.stringMatching(/not to its own host/) });
    expect(f.requested).toEqual([MANIFEST_URL]);
    await expectOldLive(db);
  });

  test('signature valid but manifest fields altered', async () => {
    const db = await liveDb();
    const f = await feed(snapshot('v2'), { mutate: (m) => (m.size = Number(m.size) + 1) });
    expect(await syncFromFeed(deps(db, f.fetchFn))).toMatchObject({ ok: false, kind: 'signature' });
    await expectOldLive(db);
  });

  test.each<[string, (s: ReturnType<typeof snapshot>) => unknown, RegExp]>([
    ['unknown kind', (s) => ({ ...s, records: [{ ...s.records[0], kind: 'person' }] }), /unknown kind/],
    ['__proto__ id', (s) => ({ ...s, records: [{ ...s.records[0], id: '__proto__' }] }), /reserved id/],
    ['constructor id', (s) => ({ ...s, records: [{ ...s.records[0], id: 'constructor' }] }), /reserved id/],
    ['bad tier', (s) => ({ ...s, records: [{ ...s.records[0], provenance: { tier: 'rumour', sources: [] } }] }), /provenance/],
    ['no dictionary', (s) => ({ ...s, dictionary: undefined }), /dictionary/],
    ['format 2', (s) => ({ ...s, manifest: { ...s.manifest, format: 2 } }), /format/],
    ['records not an array', (s) => ({ ...s, records: {} }), /records/],
    ['award without modifications', (s) => ({ ...s, records: [{ ...s.records[4], modifications: undefined }] }), /modifications/],
    ['version differs from the feed', (s) => ({ ...s, manifest: { ...s.manifest, version: 'v9' } }), /feed announced v2/],
  ])('wrong schema: %s', async (_name, corrupt, reason) => {
    const db = await liveDb();
    const f = await feed(corrupt(snapshot('v2')) as ReturnType<typeof snapshot>, { version: 'v2' });
    const result = await syncFromFeed(deps(db, f.fetchFn));
    expect(result).toMatchObject({ ok: false, kind: 'schema', reason: expect.stringMatching(reason) });
    await expectOldLive(db);
  });

  test('quota exceeded while installing', async () => {
    const db = await liveDb();
    const f = await feed(snapshot('v2'));
    const install = async () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    const result = await syncFromFeed(deps(db, f.fetchFn, { install }));
    expect(result).toMatchObject({ ok: false, kind: 'quota', reason: expect.stringMatching(/storage space/) });
    await expectOldLive(db);
  });

  test('a full disk that also refuses the bookkeeping writes still returns the result', async () => {
    const refuse = async () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const storage = { getMarker: async () => undefined, setMarker: refuse, recordResult: refuse };
    const status = await runGuarded(storage, () => new Date('2026-02-02T00:00:00Z'), 'feed', async () => ({ ok: false, kind: 'quota', reason: 'no space' }));
    expect(status.result).toEqual({ ok: false, kind: 'quota', reason: 'no space' });
  });

  test('killed mid-sync: the next start records the run as interrupted', async () => {
    const db = await liveDb();
    let marker: SyncMarker | undefined;
    const log: SyncStatusRecord[] = [];
    const storage = { getMarker: async () => marker, setMarker: async (m: SyncMarker | undefined) => void (marker = m), recordResult: async (s: SyncStatusRecord) => void log.push(s) };
    const now = () => new Date('2026-02-02T00:00:00Z');
    // The "worker" dies during install: the marker is written, nothing after it runs.
    const f = await feed(snapshot('v2'));
    const dying = runGuarded(storage, now, 'feed', () => syncFromFeed(deps(db, f.fetchFn, { install: () => new Promise(() => undefined) })));
    await new Promise((r) => setTimeout(r, 50));
    void dying;
    expect(marker).toEqual({ startedAt: '2026-02-02T00:00:00.000Z', source: 'feed' });
    const recovered = await recoverInterrupted(storage, now);
    expect(recovered?.result).toMatchObject({ ok: false, kind: 'interrupted', reason: expect.stringMatching(/did not finish.*previous index is still in use/) });
    expect(marker).toBeUndefined();
    expect(log).toHaveLength(1);
    await expectOldLive(db);
  });
});
