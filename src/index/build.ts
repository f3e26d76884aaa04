// buildIndex: inputs (files or directories of CSV/JSON) → a Snapshot and a
// BuildReport. Curated files are read first, because vendor linking needs
// their identifiers before the first data row arrives.
//
// buildIndexToDir is the streaming path the CLI uses: the same bytes, but
// memory does not grow with the input. Rows are spilled to a temporary external
// sort (src/index/spill.ts) instead of being accumulated per award; each award
// is then assembled from its own rows alone, finalised, written as one line of
// canonical JSON to a temporary file and reduced to a compact summary (id,
// tier, size, vendor and agencies). Vendor and agency award lists, counts,
// sources and dates come from the summaries; the records array is streamed
// from the file twice (content hash, then snapshot.json). Only awards that
// curated programs name are kept whole, because programs attach modifications
// to them. The temporary directory is removed even when the build throws.
//
// What both builders share (ingesting, linking, the non-award records) lives
// in build-phases.ts; this file holds the two award passes and their options.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwardRecord, IndexRecord, Snapshot, SnapshotManifest, Tier } from '../model/types.ts';
import { AwardAccumulator, finalizeAward, type AwardSink } from './awards.ts';
import { canonicalJson, StreamedArray } from './canonical-json.ts';
import type { BuildReport } from './build-report.ts';
import { createdOf, finishEntities, ingestInputs, programPiids, summarize, type AwardSummary } from './build-phases.ts';
import type { FileContext, NormalizedRow } from './normalized-row.ts';
import { SourceMerger } from './provenance.ts';
import { countRecords } from '../model/counts.ts';
import { assembleSnapshot, contentHash, makeManifest, manifestSourcesOf, writeSnapshotParts, type WriteResult } from './snapshot.ts';
import { LineWriter, readLines, RowSpill } from './spill.ts';

export interface BuildOptions {
  /** ISO date for manifest.created; default: the newest asOf/retrieved date in the data (never the clock). */
  created?: string;
  /** Retrieval date for inputs that carry none (award-summary CSVs); default: the file's modification date. */
  retrieved?: string;
  /** Compile the alias dictionary with src/match when available (default true). */
  dictionary?: boolean;
}

export interface StreamBuildOptions extends BuildOptions {
  /** Directory for temporary files (default: the OS temp directory); a fresh subdirectory is made and removed. */
  tempDir?: string;
  /** Characters of rows buffered before a sorted run is spilled to disk (default 32 Mi). */
  spillBufferChars?: number;
  /** Test hook: called between the phases with the temporary directory. */
  onPhase?: (phase: 'ingested' | 'awards-written' | 'hashed', tempDir: string) => void;
}

export interface StreamBuildResult {
  manifest: SnapshotManifest;
  aliasCount: number;
  report: BuildReport;
  written: WriteResult;
}

export interface BuildResult {
  snapshot: Snapshot;
  report: BuildReport;
}

/** Builds the whole snapshot in memory: for tests and small inputs. buildIndexToDir writes the same bytes. */
export async function buildIndex(inputs: string[], opts: BuildOptions = {}): Promise<BuildResult> {
  const accumulator = new AwardAccumulator();
  const ing = await ingestInputs(inputs, opts.retrieved, accumulator);
  const { vendors, report, curated } = ing;
  const vendorRecords = vendors.finalize();
  const awards = [...accumulator.awards.values()].map((a) => finalizeAward(a, a.vendorIdentity ? vendors.resolve(a.vendorIdentity) : undefined));
  accumulator.awards.clear();
  const { agencyRecords, programs, aliases, dictionary } = await finishEntities(ing, vendorRecords, awards.map(summarize), awards, opts.dictionary !== false);
  const records: IndexRecord[] = [...vendorRecords, ...agencyRecords, ...programs, ...awards];
  let created = opts.created;
  if (!created) for (const r of records) created = createdOf(created, r);
  const snapshot = assembleSnapshot(records, aliases, dictionary, created ?? '1970-01-01', curated.sources);
  return { snapshot, report: report.finish(accumulator.duplicateTransactions, dictionary !== undefined) };
}

/** Spills accepted rows to the external sort, keyed by award; the file context becomes an index. */
class SpillSink implements AwardSink {
  readonly contexts: FileContext[] = [];
  private readonly ctxIndex = new Map<FileContext, number>();

  constructor(readonly spill: RowSpill) {}

  add(row: NormalizedRow, vendorIdentity: string | undefined, agencyId?: string, subAgencyId?: string): void {
    const { ctx, ...rest } = row;
    let c = this.ctxIndex.get(ctx);
    if (c === undefined) {
      c = this.contexts.length;
      this.contexts.push(ctx);
      this.ctxIndex.set(ctx, c);
    }
    this.spill.add(row.awardKey, JSON.stringify([c, vendorIdentity ?? null, agencyId ?? null, subAgencyId ?? null, rest]));
  }

  row(payload: string): { row: NormalizedRow; vendorIdentity?: string; agencyId?: string; subAgencyId?: string } {
    const [c, v, g, s, rest] = JSON.parse(payload) as [number, string | null, string | null, string | null, Omit<NormalizedRow, 'ctx'>];
    return { row: { ...rest, ctx: this.contexts[c]! }, vendorIdentity: v ?? undefined, agencyId: g ?? undefined, subAgencyId: s ?? undefined };
  }
}

/**
 * Builds the index into `outDir` (snapshot.json, manifest.json) without holding
 * the whole snapshot: memory stays flat however large the input. Same bytes as
 * `writeSnapshot(outDir, (await buildIndex(inputs, opts)).snapshot)`.
 */
export async function buildIndexToDir(inputs: string[], outDir: string, opts: StreamBuildOptions = {}): Promise<StreamBuildResult> {
  const tmp = await mkdtemp(join(opts.tempDir ?? tmpdir(), 'receipts-build-'));
  try {
    const sink = new SpillSink(new RowSpill(tmp, { bufferChars: opts.spillBufferChars }));
    const ing = await ingestInputs(inputs, opts.retrieved, sink);
    const { vendors, report, curated } = ing;
    opts.onPhase?.('ingested', tmp);
    const vendorRecords = vendors.finalize();

    // One award at a time: accumulate its rows, finalise, write, keep a summary.
    const wanted = programPiids(curated);
    const held: AwardRecord[] = [];
    const summaries: AwardSummary[] = [];
    const sources = new SourceMerger();
    const byTier: Record<Tier, number> = { primary: 0, reported: 0 };
    let created: string | undefined;
    let dataAsOf: string | undefined;
    const accumulator = new AwardAccumulator();
    const awardFile = new LineWriter(join(tmp, 'awards.ndjson'));
    try {
      for (const { key, payloads } of sink.spill.groups()) {
        for (const p of payloads) {
          const r = sink.row(p);
          accumulator.add(r.row, r.vendorIdentity, r.agencyId, r.subAgencyId);
        }
        const acc = accumulator.awards.get(key)!;
        accumulator.awards.delete(key);
        const award = finalizeAward(acc, acc.vendorIdentity ? vendors.resolve(acc.vendorIdentity) : undefined);
        summaries.push(summarize(award));
        byTier[award.provenance.tier]++;
        sources.add(manifestSourcesOf(award));
        created = createdOf(created, award);
        const asOf = award.provenance.asOf;
        if (asOf && (!dataAsOf || asOf > dataAsOf)) dataAsOf = asOf;
        // Programs may attach modifications to these: written from memory later.
        if (award.piid !== undefined && wanted.has(award.piid)) held.push(award);
        awardFile.write(canonicalJson(award));
        report.sampleRss();
      }
    } finally {
      awardFile.close();
    }
    opts.onPhase?.('awards-written', tmp);

    const { agencyRecords, programs, aliases, dictionary } = await finishEntities(ing, vendorRecords, summaries, held, opts.dictionary !== false);
    const others: IndexRecord[] = [...vendorRecords, ...agencyRecords, ...programs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const heldById = new Map(held.map((a) => [a.id, a] as const));
    const counts = countRecords(others);
    counts.byKind.award = summaries.length;
    counts.byTier.primary += byTier.primary;
    counts.byTier.reported += byTier.reported;
    sources.add(curated.sources);
    for (const r of others) {
      sources.add(manifestSourcesOf(r));
      created = createdOf(created, r);
      const asOf = r.provenance.asOf;
      if (asOf && (!dataAsOf || asOf > dataAsOf)) dataAsOf = asOf;
    }

    // All records in id order: the small ones merged with the award file, which is already in id order.
    const records = new StreamedArray((emit) => {
      let i = 0;
      let n = 0;
      for (const line of readLines(awardFile.path)) {
        const id = summaries[n++]!.id;
        for (; i < others.length && others[i]!.id < id; i++) emit(canonicalJson(others[i]));
        const h = heldById.get(id);
        emit(h ? canonicalJson(h) : line);
      }
      if (n !== summaries.length) throw new Error(`award file holds ${n} awards, expected ${summaries.length}`);
      for (; i < others.length; i++) emit(canonicalJson(others[i]));
    });
    const sha256 = contentHash(records, aliases, dictionary);
    opts.onPhase?.('hashed', tmp);
    const manifest = makeManifest(sha256, opts.created ?? created ?? '1970-01-01', counts, sources.result(), dataAsOf);
    const written = await writeSnapshotParts(outDir, manifest, records, aliases, dictionary);
    return { manifest, aliasCount: aliases.length, report: report.finish(accumulator.duplicateTransactions, dictionary !== undefined), written };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
