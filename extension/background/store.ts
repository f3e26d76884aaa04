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
interface RecordRow {
  version: string;
  id: string;
  kind: IndexRecord['kind'];
  piid?: string;
  data: IndexRecord;
}
interface BlobRow {
  version: string;
  name: string;
  data: unknown;
}

export interface LivePointer {
  version: string;
  manifest: SnapshotManifest;
  installedAt: string;
}

export class ReceiptsDB extends Dexie {
  meta!: Table<MetaRow, string>;
  records!: Table<RecordRow, [string, string]>;
  blobs!: Table<BlobRow, [string, string]>;

  constructor(name = 'receipts') {
    super(name);
    this.version(1).stores({
      meta: 'key',
      records: '[version+id], [version+piid], [version+kind]',
      blobs: '[version+name]',
    });
  }
}

const CHUNK = 500;

export async function livePointer(db: ReceiptsDB): Promise<LivePointer | undefined> {
  return (await db.meta.get('live'))?.value as LivePointer | undefined;
}

/** Writes `snapshot` as a new version, then switches the live pointer to it. */
export async function installSnapshot(db: ReceiptsDB, snapshot: Snapshot, now = new Date()): Promise<LivePointer> {
  const version = snapshot.manifest.version;
  for (let i = 0; i < snapshot.records.length; i += CHUNK) {
    const rows = snapshot.records.slice(i, i + CHUNK).map((r): RecordRow => ({
      version,
      id: r.id,
      kind: r.kind,
      ...(r.kind === 'award' && r.piid ? { piid: normalizePiid(r.piid) } : {}),
      data: r,
    }));
    await db.records.bulkPut(rows);
  }
  await db.blobs.put({ version, name: 'dictionary', data: snapshot.dictionary ?? null });
  const pointer: LivePointer = { version, manifest: snapshot.manifest, installedAt: now.toISOString() };
  await db.meta.put({ key: 'live', value: pointer });
  await dropOtherVersions(db, version);
  return pointer;
}

async function dropOtherVersions(db: ReceiptsDB, keep: string): Promise<void> {
  const versions = new Set((await db.blobs.toCollection().primaryKeys()).map(([v]) => v));
  for (const v of versions) {
    if (v === keep) continue;
    await db.records.where('[version+id]').between([v, Dexie.minKey], [v, Dexie.maxKey]).delete();
    await db.blobs.where('[version+name]').between([v, Dexie.minKey], [v, Dexie.maxKey]).delete();
  }
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
