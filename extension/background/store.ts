// The contract index in IndexedDB. Every row carries its index version; the
// live version is one pointer row in `meta`. A new version is written beside
// the old one and switched by a single put, so a reader never sees half an
// index and a crash mid-write leaves the old version live.
import Dexie, { type Table } from 'dexie';
import type { IndexRecord, ProgramRecord, Snapshot, SnapshotManifest } from '../../src/model/types.ts';
import { normalizePiid } from '../../src/match/index.ts';
import type { IndexReader } from '../../src/query/reader.ts';

interface MetaRow {
  key: string;
  value: unknown;
}
export interface RecordRow {
  version: string;
  id: string;
  kind: IndexRecord['kind'];
  piid?: string;
  /** Awards only (schema v2): who and which agency, for "awards of vendor X at agency Y". */
  vendorId?: string;
  agencyId?: string;
  subAgencyId?: string;
  data: IndexRecord;
}
interface BlobRow {
  version: string;
  name: string;
  data: unknown;
}
export interface SyncLogRow {
  seq?: number;
  at: string;
  startedAt: string;
  source: string;
  result: unknown;
}

export interface LivePointer {
  version: string;
  manifest: SnapshotManifest;
  installedAt: string;
}

/**
 * Schemas by version. Never edit a shipped entry: add a new version with the
 * full store list and, where rows need new fields, an upgrade function.
 * Dexie runs every upgrade between the installed and the current version.
 */
export const SCHEMA_V1 = {
  meta: 'key',
  records: '[version+id], [version+piid], [version+kind]',
  blobs: '[version+name]',
} as const;
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  records: '[version+id], [version+piid], [version+kind], [version+vendorId]',
  syncLog: '++seq, at',
} as const;

/** The denormalised lookup fields of a record row; shared by install and the v2 upgrade. */
export function rowKeys(r: IndexRecord): Pick<RecordRow, 'piid' | 'vendorId' | 'agencyId' | 'subAgencyId'> {
  if (r.kind !== 'award') return {};
  return {
    ...(r.piid ? { piid: normalizePiid(r.piid) } : {}),
    ...(r.vendorId ? { vendorId: r.vendorId } : {}),
    ...(r.agencyId ? { agencyId: r.agencyId } : {}),
    ...(r.subAgencyId ? { subAgencyId: r.subAgencyId } : {}),
  };
}

export class ReceiptsDB extends Dexie {
  meta!: Table<MetaRow, string>;
  records!: Table<RecordRow, [string, string]>;
  blobs!: Table<BlobRow, [string, string]>;
  syncLog!: Table<SyncLogRow, number>;

  constructor(name = 'receipts', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table<RecordRow>('records')
          .toCollection()
          .modify((row: RecordRow) => {
            Object.assign(row, rowKeys(row.data));
          }),
      );
  }
}

const CHUNK = 500;

export async function livePointer(db: ReceiptsDB): Promise<LivePointer | undefined> {
  return (await db.meta.get('live'))?.value as LivePointer | undefined;
}

/**
 * Writes `snapshot` as a new version, then switches the live pointer to it.
 * Installing the live version again is a no-op. If writing fails (quota, a
 * bad value, a crash) the pointer still names the old version, which stays
 * whole; the partial rows are removed now or by the next install's clean-up.
 */
export async function installSnapshot(db: ReceiptsDB, snapshot: Snapshot, now = new Date()): Promise<LivePointer> {
  const version = snapshot.manifest.version;
  const live = await livePointer(db);
  if (live?.version === version) return live;
  await db.meta.put({ key: 'staging', value: [...(await stagingVersions(db)), version] });
  try {
    for (let i = 0; i < snapshot.records.length; i += CHUNK) {
      const rows = snapshot.records.slice(i, i + CHUNK).map((r): RecordRow => ({ version, id: r.id, kind: r.kind, ...rowKeys(r), data: r }));
      await db.records.bulkPut(rows);
    }
    await db.blobs.put({ version, name: 'dictionary', data: snapshot.dictionary ?? null });
  } catch (err) {
    await dropVersion(db, version).catch(() => undefined); // best effort: space may be exhausted
    throw err;
  }
  const pointer: LivePointer = { version, manifest: snapshot.manifest, installedAt: now.toISOString() };
  // The switch: one row, one transaction. Only after it are older versions collectable.
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'live', value: pointer });
  });
  await dropOtherVersions(db, version).catch(() => undefined); // leftovers are retried next install
  return pointer;
}

/** Versions whose write began; a crash can leave rows of one without its blob, so blobs alone miss it. */
async function stagingVersions(db: ReceiptsDB): Promise<string[]> {
  const v = (await db.meta.get('staging'))?.value;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

/** Every version that may have rows. */
async function storedVersions(db: ReceiptsDB): Promise<Set<string>> {
  const versions = new Set((await db.blobs.toCollection().primaryKeys()).map(([v]) => v));
  for (const v of await stagingVersions(db)) versions.add(v);
  return versions;
}

async function dropVersion(db: ReceiptsDB, v: string): Promise<void> {
  await db.records.where('[version+id]').between([v, Dexie.minKey], [v, Dexie.maxKey]).delete();
  await db.blobs.where('[version+name]').between([v, Dexie.minKey], [v, Dexie.maxKey]).delete();
}

/** Garbage-collects every version but `keep`; never the live one. */
export async function dropOtherVersions(db: ReceiptsDB, keep: string): Promise<void> {
  const live = (await livePointer(db))?.version;
  for (const v of await storedVersions(db)) {
    if (v === keep || v === live) continue;
    await dropVersion(db, v);
  }
  await db.meta.put({ key: 'staging', value: [] });
}

/** The versions that have rows, for tests and diagnostics. */
export async function versionsWithRows(db: ReceiptsDB): Promise<string[]> {
  const keys = await db.records.orderBy('[version+kind]').uniqueKeys();
  return [...new Set(keys.map((k) => (k as unknown as [string, string])[0]))].sort();
}

export async function loadBlob(db: ReceiptsDB, version: string, name: string): Promise<unknown> {
  return (await db.blobs.get([version, name]))?.data;
}

export class DexieReader implements IndexReader {
  private programCache: ProgramRecord[] | undefined;

  constructor(
    private readonly db: ReceiptsDB,
    private readonly pointer: LivePointer,
  ) {}

  get manifest(): SnapshotManifest {
    return this.pointer.manifest;
  }

  async get(ids: readonly string[]): Promise<(IndexRecord | undefined)[]> {
    const rows = await this.db.records.bulkGet(ids.map((id) => [this.pointer.version, id] as [string, string]));
    return rows.map((r) => r?.data);
  }

  async awardIdForPiid(piid: string): Promise<string | undefined> {
    const row = await this.db.records.where('[version+piid]').equals([this.pointer.version, normalizePiid(piid)]).first();
    return row?.id;
  }

  async programs(): Promise<ProgramRecord[]> {
    if (!this.programCache) {
      const rows = await this.db.records.where('[version+kind]').equals([this.pointer.version, 'program']).toArray();
      this.programCache = rows.map((r) => r.data as ProgramRecord);
    }
    return this.programCache;
  }
}
