// Sync end to end in Chromium: a test build of the extension (trusting a feed
// key generated here, talking to a local USAspending-shaped server) syncs from
// 127.0.0.1 while the server injects every fault the index issue lists. Each
// failure must leave the previous index live and say why on the options page;
// each success must switch to the new version. The run prints the fault matrix.
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Snapshot, VendorRecord } from '../../src/model/types.ts';
import { sha256Hex } from '../../src/sync/feed-verify.ts';
import { launchChromium, type ChromiumSession } from './chromium.ts';
import { sendJson, startFaultServer, type FaultServer } from './fault-server.ts';
import { bundledSnapshot, feedKeys, ICM_ORDER, icmAwardDetail, nextSnapshot, publish, sign, type FeedKeys } from './sync-feed-fixtures.ts';
import { forceQuota, stopExtensionWorker } from './sync-probes.ts';
import { buildWithOverrides } from './test-build.ts';

/** The extension APIs the options page has, as far as these tests use them. */
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: { sync: { get(k: string): Promise<Record<string, { feedUrl?: string } | undefined>> } };
};

let keys: FeedKeys;
let server: FaultServer;
let browser: ChromiumSession;
let options: Page;
let base: Snapshot;
const matrix: { fault: string; result: string; kept: boolean; reason: string }[] = [];

beforeAll(async () => {
  [keys, server, base] = await Promise.all([feedKeys(), startFaultServer(), bundledSnapshot()]);
  const build = await buildWithOverrides({ feedPublicKey: keys.publicKey, usaspendingBase: server.origin, timeoutMs: 3000 });
  browser = await launchChromium(build.chrome);
  options = await browser.ctx.newPage();
  await openOptions();
}, 300_000);

afterAll(async () => {
  if (matrix.length) {
    console.log(['', '| fault | result | previous index kept | reason shown |', '| --- | --- | --- | --- |', ...matrix.map((m) => `| ${m.fault} | ${m.result} | ${m.kept ? 'yes' : 'NO'} | ${m.reason.replace(/\|/g, '/')} |`)].join('\n'));
  }
  await browser?.close();
  await server?.close();
});

async function openOptions(): Promise<void> {
  await options.goto(browser.extensionUrl('extension/ui/options/index.html'));
  await options.locator('[data-field="version"]').waitFor({ timeout: 60_000 });
}

const liveVersion = async () => (await options.locator('[data-field="version"]').textContent()) ?? '';
const status = () => options.locator('[data-field="sync-status"]');

async function setSettings(patch: Record<string, unknown>): Promise<void> {
  // Same message the form sends; the form would also ask for a host permission, a prompt automation cannot answer.
  const r = await options.evaluate((p) => chrome.runtime.sendMessage({ receipts: 1, type: 'setSettings', payload: p }), patch);
  expect(r).toMatchObject({ ok: true });
  await openOptions();
}

async function setFeed(url: string): Promise<void> {
  const input = options.locator('[data-field="feed-url"]');
  await input.fill(url);
  await input.press('Tab'); // commits the change, as a user leaving the field does
  await expect.poll(() => options.evaluate(async () => (await chrome.storage.sync.get('receiptsSync')).receiptsSync?.feedUrl)).toBe(url);
}

/** Clicks "Sync now" and waits for a result recorded after the click; returns the result kind ('ok' or a failure kind). */
async function syncNow(): Promise<string> {
  const before = (await status().getAttribute('data-at')) ?? '';
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => status().getAttribute('data-at'), { timeout: 60_000 }).not.toBe(before);
  await expect.poll(() => status().getAttribute('data-running')).toBe('false');
  return (await status().getAttribute('data-result')) ?? '';
}

/** Runs one failing sync and checks that nothing changed but the reason. */
async function expectFault(fault: string, kind: string, reason: RegExp): Promise<void> {
  const before = await liveVersion();
  const result = await syncNow();
  const text = (await status().textContent()) ?? '';
  await options.reload();
  await options.locator('[data-field="version"]').waitFor();
  const after = await liveVersion();
  matrix.push({ fault, result, kept: after === before, reason: text.replace(/^.*?failed \(\w+\): /, '').replace(/ The previous index is still in use\..*$/, '') });
  expect(result).toBe(kind);
  expect(text).toMatch(reason);
  expect(text).toContain('The previous index is still in use');
  expect(after).toBe(before);
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

async function serveFeed(dir: string, snap: unknown, version: string, opts: { signer?: CryptoKey; body?: (b: Buffer) => void } = {}) {
  const pub = await publish(snap, version, 'snapshot.json', opts.signer ?? keys.key.privateKey);
  server.route(`/${dir}/manifest.json`, (_q, res) => sendJson(res, pub.manifest));
  server.route(`/${dir}/snapshot.json`, (_q, res) => sendJson(res, pub.body.toString()));
  return pub;
}

test('network error: the feed host does not answer', async () => {
  await setFeed(`http://127.0.0.1:${await closedPort()}/manifest.json`);
  await expectFault('network error', 'network', /Could not reach 127\.0\.0\.1/);
});

test('HTTP error: the feed answers 500', async () => {
  server.route('/http/manifest.json', (_q, res) => sendJson(res, { error: 'down' }, 500));
  await setFeed(`${server.origin}/http/manifest.json`);
  await expectFault('HTTP 500', 'http', /answered HTTP 500/);
});

test('timeout: the feed never answers', async () => {
  server.route('/timeout/manifest.json', () => undefined); // holds the request open
  await setFeed(`${server.origin}/timeout/manifest.json`);
  await expectFault('timeout', 'timeout', /did not answer within 3 s/);
});

test('truncated body: the connection drops halfway through the snapshot', async () => {
  const next = await nextSnapshot(base, 'truncated');
  const pub = await serveFeed('truncated', next, next.manifest.version);
  server.route('/truncated/snapshot.json', (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(pub.body.length) });
    res.write(pub.body.subarray(0, pub.body.length >> 1), () => res.destroy());
  });
  await setFeed(`${server.origin}/truncated/manifest.json`);
  await expectFault('truncated body', 'truncated', /broke off|truncated/);
});

test('wrong hash: the snapshot is not the one the manifest signed', async () => {
  const next = await nextSnapshot(base, 'hash');
  const pub = await serveFeed('hash', next, next.manifest.version);
  const tampered = Buffer.from(pub.body);
  tampered[tampered.length - 2] = tampered[tampered.length - 2] === 0x30 ? 0x31 : 0x30; // same size, other bytes
  server.route('/hash/snapshot.json', (_q, res) => sendJson(res, tampered.toString()));
  await setFeed(`${server.origin}/hash/manifest.json`);
  await expectFault('wrong SHA-256', 'hash', /SHA-256|hash/i);
});

test('wrong signature: the manifest is signed by another key', async () => {
  const next = await nextSnapshot(base, 'sig');
  await serveFeed('sig', next, next.manifest.version, { signer: keys.other.privateKey });
  await setFeed(`${server.origin}/sig/manifest.json`);
  await expectFault('wrong signature', 'signature', /signature/i);
});

test('wrong schema: a signed, hash-correct payload that is not a snapshot', async () => {
  await serveFeed('schema', { manifest: { format: 1, version: 'bad-shape-1' }, records: 'none' }, 'bad-shape-1');
  await setFeed(`${server.origin}/schema/manifest.json`);
  await expectFault('wrong schema', 'schema', /not in the expected format/);
});

test('full quota: the new version cannot be written', async () => {
  const next = await nextSnapshot(base, 'quota');
  await serveFeed('quota', next, next.manifest.version);
  await setFeed(`${server.origin}/quota/manifest.json`);
  const restore = await forceQuota(browser);
  try {
    await expectFault('storage quota full', 'quota', /ran out of storage space/);
  } finally {
    await restore();
  }
});

test('a full snapshot from the feed installs and becomes live', async () => {
  const next = await nextSnapshot(base, 'full');
  await serveFeed('good', next, next.manifest.version);
  await setFeed(`${server.origin}/good/manifest.json`);
  expect(await syncNow()).toBe('ok');
  await expect.poll(liveVersion).toBe(next.manifest.version);
  expect(await status().textContent()).toContain(`index ${next.manifest.version} installed`);
  base = next;
});

test('a signed delta from the live version is used instead of the full snapshot', async () => {
  const next = await nextSnapshot(base, 'delta');
  const changed = next.records.filter((r, i) => r !== base.records[i]);
  const delta = Buffer.from(JSON.stringify({ from: base.manifest.version, to: next.manifest.version, upsert: changed, remove: [], dictionary: next.dictionary }));
  const pub = await serveFeed('delta', next, next.manifest.version);
  const dsha = await sha256Hex(delta);
  pub.manifest.delta = { from: base.manifest.version, url: 'delta.json', size: delta.length, sha256: dsha, signature: await sign(keys.key.privateKey, next.manifest.version, dsha, delta.length) };
  server.route('/delta/delta.json', (_q, res) => sendJson(res, delta.toString()));
  await setFeed(`${server.origin}/delta/manifest.json`);
  expect(await syncNow()).toBe('ok');
  await expect.poll(liveVersion).toBe(next.manifest.version);
  const paths = server.log.map((l) => l.path);
  expect(paths).toContain('/delta/delta.json');
  expect(paths).not.toContain('/delta/snapshot.json');
  base = next;
});

test('USAspending: incremental by last_modified_date, Retry-After honoured, only indexed vendors and agencies sent', async () => {
  const SEARCH = '/api/v2/search/spending_by_award/';
  let calls = 0;
  server.route(SEARCH, (_q, res, body) => {
    if (++calls === 1) return sendJson(res, { detail: 'throttled' }, 429, { 'retry-after': '1' });
    const hit = (JSON.parse(body) as { filters: { recipient_search_text: string[] } }).filters.recipient_search_text.includes('FSY4LVSBGWB7');
    sendJson(res, { limit: 100, results: hit ? [{ 'Award ID': '70CTD022FR0000170', generated_internal_id: ICM_ORDER }] : [], page_metadata: { page: 1, hasNext: false } });
  });
  server.route(`/api/v2/awards/${ICM_ORDER}/`, (_q, res) => sendJson(res, icmAwardDetail()));
  await setSettings({ source: 'usaspending' });
  const before = await liveVersion();
  const logFrom = server.log.length;
  expect(await syncNow()).toBe('ok');
  await expect.poll(liveVersion).not.toBe(before);

  const searches = server.log.slice(logFrom).filter((l) => l.path === SEARCH);
  expect(searches.length).toBeGreaterThan(2);
  expect(searches[1]!.body).toBe(searches[0]!.body); // the throttled request was retried as it was
  const vendorTerms = new Set(base.records.filter((r): r is VendorRecord => r.kind === 'vendor').flatMap((v) => [v.identifiers.uei, v.name]));
  for (const s of searches) {
    const b = JSON.parse(s.body) as { filters: { recipient_search_text: string[]; time_period: { date_type: string }[] }; limit: number };
    expect(b.limit).toBeLessThanOrEqual(100);
    expect(b.filters.time_period[0]!.date_type).toBe('last_modified_date');
    for (const t of b.filters.recipient_search_text) expect(vendorTerms.has(t)).toBe(true);
  }
  expect(server.log.slice(logFrom).some((l) => l.path === `/api/v2/awards/${ICM_ORDER}/`)).toBe(true);
});

test('USAspending HTTP error keeps the index', async () => {
  server.route('/api/v2/search/spending_by_award/', (_q, res) => sendJson(res, { detail: 'error' }, 500));
  await expectFault('USAspending HTTP 500', 'http', /USAspending answered HTTP 500/);
});

test('worker killed mid-sync: the next start records it and the previous index stays live', async () => {
  const next = await nextSnapshot(base, 'killed');
  const pub = await serveFeed('killed', next, next.manifest.version);
  server.route('/killed/snapshot.json', (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(pub.body.length) });
    res.write(pub.body.subarray(0, 4096)); // then stall, as a slow network does
  });
  await setSettings({ source: 'feed', feedUrl: `${server.origin}/killed/manifest.json` });
  const before = await liveVersion();
  void options.getByRole('button', { name: 'Sync now' }).click();
  await server.seen('/killed/snapshot.json');
  await stopExtensionWorker(options);
  await openOptions(); // wakes a fresh worker, which finds the unfinished run
  await expect.poll(() => status().getAttribute('data-result'), { timeout: 30_000 }).toBe('interrupted');
  const text = (await status().textContent()) ?? '';
  matrix.push({ fault: 'worker killed mid-sync', result: 'interrupted', kept: (await liveVersion()) === before, reason: text.replace(/^.*?failed \(\w+\): /, '').replace(/ The previous index is still in use\..*$/, '') });
  expect(text).toContain('did not finish');
  expect(await liveVersion()).toBe(before);
});
