// Owns the live index inside the worker: installs the bundled snapshot on
// first run (or when the bundled one is newer than what is live), and keeps
// the compiled dictionary in memory for the life of the worker. Every handler
// awaits `ready()`, so a message that arrives while onInstalled work is still
// running waits for it instead of failing.
import browser from 'webextension-polyfill';
import type { IndexRecord, Snapshot, SnapshotManifest } from '../../src/model/types.ts';
import { loadDictionary, type SerializedDictionary } from '../../src/match/index.ts';
import type { Engine } from '../../src/report/annotate.ts';
import { DexieReader, installSnapshot, livePointer, loadBlob, ReceiptsDB, type LivePointer } from './store.ts';

/** The bundled snapshot.json: a whole snapshot, or one whose records are in `recordParts` (see scripts/build.ts). */
type BundledSnapshot = Omit<Snapshot, 'records'> & { records?: IndexRecord[]; recordParts?: string[] };

export class IndexService {
  private engine: Promise<Engine> | undefined;
  private pointer: LivePointer | undefined;
  lastError: string | undefined;

  constructor(readonly db = new ReceiptsDB()) {}

  ready(): Promise<Engine> {
    this.engine ??= this.open().catch((err: unknown) => {
      this.engine = undefined; // let the next call retry
      this.lastError = err instanceof Error ? err.message : String(err);
      throw err;
    });
    return this.engine;
  }

  /** Forgets the opened index after a sync installed a new version; the next `ready()` opens it. */
  invalidate(): void {
    this.engine = undefined;
    this.pointer = undefined;
  }

  get live(): LivePointer | undefined {
    return this.pointer;
  }

  private async open(): Promise<Engine> {
    let pointer = await livePointer(this.db);
    const bundled = await this.bundledManifestVersion();
    if (!pointer || (bundled && bundled.created > pointer.manifest.created)) {
      pointer = await installSnapshot(this.db, await this.bundledSnapshot());
    }
    const serialized = await loadBlob(this.db, pointer.version, 'dictionary');
    if (!serialized) throw new Error(`Index ${pointer.version} has no compiled dictionary; reinstall the extension.`);
    this.pointer = pointer;
    this.lastError = undefined;
    return {
      dictionary: loadDictionary(serialized as SerializedDictionary),
      reader: new DexieReader(this.db, pointer),
    };
  }

  private async bundledManifestVersion(): Promise<{ version: string; created: string } | undefined> {
    try {
      const res = await fetch(browser.runtime.getURL('index/manifest.json'));
      return (await res.json()) as { version: string; created: string };
    } catch {
      return undefined;
    }
  }

  private async bundledSnapshot(): Promise<Snapshot> {
    const { recordParts, ...snapshot } = await this.bundledJson<BundledSnapshot>('index/snapshot.json');
    if (recordParts !== undefined) snapshot.records = await this.bundledRecords(recordParts, snapshot.manifest);
    if (!snapshot?.manifest?.version || !Array.isArray(snapshot.records)) {
      throw new Error('The bundled index is malformed.');
    }
    return snapshot as Snapshot;
  }

  /**
   * scripts/build.ts bundles the records split into parts (Firefox's add-on
   * linter will not parse a file of 5 MiB or more); joins them back in order.
   */
  private async bundledRecords(parts: unknown, manifest: SnapshotManifest | undefined): Promise<IndexRecord[]> {
    if (!Array.isArray(parts) || !parts.every((p) => typeof p === 'string' && /^[\w.-]+\.json$/.test(p))) {
      throw new Error('The bundled index is malformed.');
    }
    const records = (await Promise.all(parts.map((p: string) => this.bundledJson<IndexRecord[]>(`index/${p}`)))).flat();
    const expected = Object.values(manifest?.counts?.byKind ?? {}).reduce((a, b) => a + b, 0);
    if (records.length !== expected) throw new Error(`The bundled index is incomplete (${records.length} of ${expected} records).`);
    return records;
  }

  private async bundledJson<T>(path: string): Promise<T> {
    const res = await fetch(browser.runtime.getURL(path));
    if (!res.ok) throw new Error(`The bundled index could not be read (HTTP ${res.status}).`);
    return (await res.json()) as T;
  }
}
