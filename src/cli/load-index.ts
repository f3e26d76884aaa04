// Opens a snapshot directory for the CLI: reads snapshot.json, checks it
// against manifest.json's hash, and loads the compiled dictionary.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Snapshot, SnapshotManifest } from '../model/types.ts';
import { loadDictionary, type SerializedDictionary } from '../match/index.ts';
import { MemoryReader } from '../query/reader.ts';
import type { Engine } from '../report/annotate.ts';

export const DEFAULT_INDEX_DIR = resolve(import.meta.dirname, '../../assets/index');

export class IndexLoadError extends Error {}

export async function openIndex(dir = DEFAULT_INDEX_DIR): Promise<Engine> {
  let raw: string;
  let manifest: SnapshotManifest;
  try {
    raw = await readFile(resolve(dir, 'snapshot.json'), 'utf8');
    manifest = JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8')) as SnapshotManifest;
  } catch (err) {
    throw new IndexLoadError(`Cannot read the index in ${dir}: ${(err as Error).message}. Rebuild it with "npx receipts index build".`);
  }
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(raw) as Snapshot;
  } catch (err) {
    throw new IndexLoadError(`The index in ${dir} is corrupt (snapshot.json is not valid JSON: ${(err as Error).message}). Check it with "npx receipts index verify ${dir}".`);
  }
  // A cheap consistency check on every run; `receipts index verify` recomputes the full content hash.
  if (snapshot.manifest?.sha256 !== manifest.sha256 || !Array.isArray(snapshot.records)) {
    throw new IndexLoadError(`The index in ${dir} is corrupt: snapshot.json does not belong to manifest.json. Check it with "npx receipts index verify ${dir}".`);
  }
  if (!snapshot.dictionary) throw new IndexLoadError(`The index in ${dir} has no compiled dictionary; rebuild it.`);
  return { dictionary: loadDictionary(snapshot.dictionary as SerializedDictionary), reader: new MemoryReader(snapshot) };
}
