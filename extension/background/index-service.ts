// Owns the live index inside the worker: installs the bundled snapshot on
// first run (or when the bundled one is newer than what is live), and keeps
// the compiled dictionary in memory for the life of the worker. Every handler
// awaits `ready()`, so a message that arrives while onInstalled work is still
// running waits for it instead of failing.
import browser from 'webextension-polyfill';
import type { Snapshot } from '../../src/model/types.ts';
import { loadDictionary, type SerializedDictionary } from '../../src/match/index.ts';
import type { Engine } from '../../src/report/annotate.ts';
import { DexieReader, installSnapshot, livePointer, loadBlob, ReceiptsDB, type LivePointer } from './store.ts';

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
    const res = await fetch(browser.runtime.getURL('index/snapshot.json'));
    if (!res.ok) throw new Error(`The bundled index could not be read (HTTP ${res.status}).`);
    const snapshot = (await res.json()) as Snapshot;
    if (!snapshot?.manifest?.version || !Array.isArray(snapshot.records)) {
      throw new Error('The bundled index is malformed.');
    }
    return snapshot;
  }
}
