import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { DexieReader, installSnapshot, livePointer, loadBlob, ReceiptsDB, SCHEMA_V1, versionsWithRows } from '../../extension/background/store.ts';
import { awardsByIdOrPiid, awardsByProgram, awardsByVendor, hasRecord, loadLiveIndex } from '../../extension/background/store-queries.ts';
import { toSyncResult } from '../../src/sync/types.ts';
import { records, snapshot } from './sync-fixtures.ts';

let n = 0;
const dbs: Dexie[] = [];
function freshName() {
  return `store-test-${n++}-${Math.random()}`;
}
function open(name = freshName()) {
  const db = new ReceiptsDB(name);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** Makes every bulkPut into `records` after the first `okCalls` fail like a full disk. */
function failBulkPutAfter(db: ReceiptsDB, okCalls: number, error: () => Error) {
  let calls = 0;
  const orig = db.records.bulkPut.bind(db.records);
  db.records.bulkPut = ((...args: Parameters<typeof orig>) => (calls++ < okCalls ? orig(...args) : Promise.reject(error()))) as typeof orig;
}

async function expectLive(db: ReceiptsDB, version: string) {
  const p = await livePointer(db);
  expect(p?.version).toBe(version);
  const reader = new DexieReader(db, p!);
  const [rec] = await reader.get(['award:CONT_AWD_70CMSD18C00000001_7012_-NONE-_-NONE-']);
  expect(rec && rec.kind === 'award' && rec.description).toBe(`falcon ${version}`);
  expect(await loadBlob(db, version, 'dictionary')).toEqual({ tag: version });
}

describe('schema migration', () => {
  test('a v1 database with an index opens under the current schema with data and pointer intact', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const snap = snapshot('old1');
    await v1.table('records').bulkPut(snap.records.map((r) => ({ version: 'old1', id: r.id, kind: r.kind, ...(r.kind === 'award' && r.piid ? { piid: r.piid } : {}), data: r })));
    await v1.table('blobs').put({ version: 'old1', name: 'dictionary', data: snap.dictionary });
    await v1.table('meta').put({ key: 'live', value: { version: 'old1', manifest: snap.manifest, installedAt: 'x' } });
    v1.close();

    const db = open(name);
    await db.open();
    expect(db.verno).toBe(2);
    await expectLive(db, 'old1');
    // The v2 index was filled by the upgrade for rows written under v1.
    const awards = await awardsByVendor(db, 'old1', 'vendor:uei:FSY4LVSBGWB7', 'agency:7012');
    expect(awards.map((a) => a.id)).toEqual(['award:CONT_AWD_70CMSD18C00000001_7012_-NONE-_-NONE-']);
    await db.syncLog.add({ at: 'now', startedAt: 'now', source: 'feed', result: { ok: true } });
    expect(await db.syncLog.count()).toBe(1);
  });
});

describe('installSnapshot', () => {
  test('switches to the new version and collects the old one only after the switch', async () => {
    const db = open();
    await installSnapshot(db, snapshot('v1'));
    await installSnapshot(db, snapshot('v2'));
    await expectLive(db, 'v2');
    expect(await versionsWithRows(db)).toEqual(['v2']);
  });

  test('installing the live version again is a no-op', async () => {
    const db = open();
    const first = await installSnapshot(db, snapshot('v1'), new Date('2026-01-01'));
    const again = await installSnapshot(db, snapshot('v1'), new Date('2026-02-01'));
    expect(again).toEqual(first);
    await expectLive(db, 'v1');
  });

  test('a write that fails midway on an uncloneable value leaves the old version live and readable', async () => {
    const db = open();
    await installSnapshot(db, snapshot('v1'));
    const bad = snapshot('v2');
    (bad.records[3] as unknown as Record<string, unknown>).oops = () => 1; // DataCloneError in IndexedDB
    await expect(installSnapshot(db, bad)).rejects.toThrow();
    await expectLive(db, 'v1');
    expect(await versionsWithRows(db)).toEqual(['v1']);
  });

  test('a crash between chunks (rows of the new version left behind) is cleaned up by the next install', async () => {
    const db = open();
    await installSnapshot(db, snapshot('v1'));
    // Simulate a worker killed mid-write: rows and the staging marker, no blob, no switch.
    await db.meta.put({ key: 'staging', value: ['dead'] });
    await db.records.put({ version: 'dead', id: 'x', kind: 'vendor', data: records()[0]! });
    await expectLive(db, 'v1');
    await installSnapshot(db, snapshot('v3'));
    expect(await versionsWithRows(db)).toEqual(['v3']);
  });

  test('quota exceeded: reported as kind quota with a clear reason; the old index stays live', async () => {
    const db = open();
    await installSnapshot(db, snapshot('v1'));
    const big = snapshot('v2', [...records('v2'), ...Array.from({ length: 1200 }, (_, i) => ({ ...records('v2')[1]!, id: `agency:x${i}` }))]);
    failBulkPutAfter(db, 1, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const err = await installSnapshot(db, big).catch((e: unknown) => e);
    const result = toSyncResult(err);
    expect(result.kind).toBe('quota');
    expect(result.reason).toMatch(/storage space.*previous index is still in use/);
    await expectLive(db, 'v1');
    expect(await versionsWithRows(db)).toEqual(['v1']);
  });

  test('a Dexie-wrapped quota error is recognised too', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError'));
    expect(toSyncResult(wrapped).kind).toBe('quota');
    expect(toSyncResult(new Dexie.QuotaExceededError('full')).kind).toBe('quota');
  });
});

describe('queries', () => {
  test('by id, vendor plus agency, PIID or award id, program', async () => {
    const db = open();
    await installSnapshot(db, snapshot('q1'));
    expect(await hasRecord(db, 'q1', 'agency:7012')).toBe(true);
    expect(await hasRecord(db, 'q1', 'agency:9999')).toBe(false);
    expect((await awardsByVendor(db, 'q1', 'vendor:uei:FSY4LVSBGWB7')).length).toBe(1);
    expect((await awardsByVendor(db, 'q1', 'vendor:uei:FSY4LVSBGWB7', 'agency:7000')).length).toBe(1);
    expect(await awardsByVendor(db, 'q1', 'vendor:uei:FSY4LVSBGWB7', 'agency:1500')).toEqual([]);
    expect((await awardsByIdOrPiid(db, 'q1', '70cmsd18-c-00000001')).map((a) => a.id)).toEqual(['award:CONT_AWD_70CMSD18C00000001_7012_-NONE-_-NONE-']);
    expect((await awardsByIdOrPiid(db, 'q1', 'CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-')).length).toBe(1);
    expect((await awardsByIdOrPiid(db, 'q1', 'award:CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-')).length).toBe(1);
    expect(await awardsByIdOrPiid(db, 'q1', 'agency:7012')).toEqual([]);
    expect((await awardsByProgram(db, 'q1', 'program:falcon')).length).toBe(1);
    expect(await awardsByProgram(db, 'q1', 'program:none')).toEqual([]);
    const live = await loadLiveIndex(db);
    expect(live.records.length).toBe(6);
    expect(live.dictionary).toEqual({ tag: 'q1' });
  });
});
