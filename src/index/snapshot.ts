// Snapshot assembly, writing and verification. The content hash covers the
// records, the alias list and the compiled dictionary, serialised canonically;
// the manifest (which carries the hash) is written both inside snapshot.json and
// beside it as manifest.json, so a reader can check one against the other.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { countRecords, newestAsOf } from '../model/counts.ts';
import type { AliasEntry, IndexRecord, Snapshot, SnapshotCounts, SnapshotManifest, Source } from '../model/types.ts';
import { canonicalJson, emitCanonical, StreamedArray } from './canonical-json.ts';
import { SourceMerger } from './provenance.ts';

export function contentHash(records: IndexRecord[] | StreamedArray, aliases: AliasEntry[], dictionary: unknown): string {
  const hash = createHash('sha256');
  emitCanonical({ records, aliases, dictionary }, (piece) => hash.update(piece));
  return hash.digest('hex');
}

/** A record's sources that belong in the manifest: per-award USAspending pages are left out (one per award). */
export function manifestSourcesOf(r: IndexRecord): Source[] {
  return r.provenance.sources.filter((s) => !s.url.startsWith('https://www.usaspending.gov/award/'));
}

/** Datasets and pages the snapshot rests on. */
export function manifestSources(records: IndexRecord[], extra: Source[]): Source[] {
  const m = new SourceMerger();
  m.add(extra);
  for (const r of records) m.add(manifestSourcesOf(r));
  return m.result();
}

export function makeManifest(sha256: string, created: string, counts: SnapshotCounts, sources: Source[], dataAsOf: string | undefined): SnapshotManifest {
  return { format: 1, version: sha256.slice(0, 16), created, counts, sources, dataAsOf, sha256 };
}

export function assembleSnapshot(records: IndexRecord[], aliases: AliasEntry[], dictionary: unknown, created: string, sources: Source[]): Snapshot {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sha256 = contentHash(sorted, aliases, dictionary);
  const manifest = makeManifest(sha256, created, countRecords(sorted), manifestSources(sorted, sources), newestAsOf(sorted));
  return dictionary === undefined ? { manifest, records: sorted, aliases } : { manifest, records: sorted, aliases, dictionary };
}

export interface WriteResult {
  snapshotPath: string;
  manifestPath: string;
  bytes: number;
  gzipBytes: number;
}

async function writeAtomic(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

export async function writeSnapshot(dir: string, snapshot: Snapshot): Promise<WriteResult> {
  return writeSnapshotParts(dir, snapshot.manifest, snapshot.records, snapshot.aliases, snapshot.dictionary);
}

/**
 * Writes snapshot.json and manifest.json. `records` may be a StreamedArray, read
 * once here; the bytes are those writeSnapshot writes for the same snapshot.
 */
export async function writeSnapshotParts(
  dir: string,
  manifest: SnapshotManifest,
  records: IndexRecord[] | StreamedArray,
  aliases: AliasEntry[],
  dictionary: unknown,
): Promise<WriteResult> {
  const body: Record<string, unknown> = dictionary === undefined ? { manifest, records, aliases } : { manifest, records, aliases, dictionary };
  await mkdir(dir, { recursive: true });
  const snapshotPath = join(dir, 'snapshot.json');
  const manifestPath = join(dir, 'manifest.json');
  // Written record by record in ~1 MB pieces: the whole text is never one string.
  const fd = openSync(`${snapshotPath}.tmp`, 'w');
  let bytes = 0;
  let buf: string[] = [];
  let bufLen = 0;
  const flush = () => {
    const chunk = Buffer.from(buf.join(''));
    buf = [];
    bufLen = 0;
    bytes += chunk.length;
    writeSync(fd, chunk);
  };
  try {
    emitCanonical(body, (piece) => {
      buf.push(piece);
      bufLen += piece.length;
      if (bufLen >= 1 << 20) flush();
    });
    flush();
  } finally {
    closeSync(fd);
  }
  await rename(`${snapshotPath}.tmp`, snapshotPath);
  await writeAtomic(manifestPath, `${JSON.stringify(JSON.parse(canonicalJson(manifest)), null, 2)}\n`);
  let gzipBytes = 0;
  const gzip = createGzip({ level: 9 });
  gzip.on('data', (b: Buffer) => (gzipBytes += b.length));
  await pipeline(createReadStream(snapshotPath), gzip);
  return { snapshotPath, manifestPath, bytes, gzipBytes };
}

export interface VerifyResult {
  ok: boolean;
  errors: string[];
  manifest?: SnapshotManifest;
}

export async function verifySnapshot(dir: string): Promise<VerifyResult> {
  const errors: string[] = [];
  let snapshot: Snapshot;
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as SnapshotManifest;
  } catch (e) {
    return { ok: false, errors: [`manifest.json unreadable or not JSON: ${(e as Error).message}`] };
  }
  try {
    snapshot = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8')) as Snapshot;
  } catch (e) {
    return { ok: false, errors: [`snapshot.json unreadable or not JSON (corrupt or truncated?): ${(e as Error).message}`], manifest };
  }
  if (!Array.isArray(snapshot.records) || !Array.isArray(snapshot.aliases)) {
    return { ok: false, errors: ['snapshot.json lacks records[] or aliases[]'], manifest };
  }
  const sha = contentHash(snapshot.records, snapshot.aliases, snapshot.dictionary);
  if (sha !== manifest.sha256) errors.push(`content sha256 ${sha} does not match manifest.json sha256 ${manifest.sha256}`);
  if (manifest.version !== manifest.sha256?.slice(0, 16)) errors.push(`manifest version ${manifest.version} is not the first 16 hex digits of its sha256`);
  if (canonicalJson(snapshot.manifest) !== canonicalJson(manifest)) errors.push('the manifest inside snapshot.json differs from manifest.json');
  if (canonicalJson(countRecords(snapshot.records)) !== canonicalJson(manifest.counts)) errors.push('record counts differ from the manifest');
  return { ok: errors.length === 0, errors, manifest };
}
