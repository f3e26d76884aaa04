// buildIndex: inputs (files or directories of CSV/JSON) → a Snapshot and a
// BuildReport. Curated files are read first, because vendor linking needs
// their identifiers before the first data row arrives.
import { compareAwards } from '../query/describe.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AliasEntry, IndexRecord, Snapshot } from '../model/types.ts';
import { AgencyBuilder } from './agencies.ts';
import { buildAliases } from './aliases.ts';
import { AwardAccumulator, finalizeAward } from './awards.ts';
import { ReportCollector, type BuildReport } from './build-report.ts';
import { addCuratedFile, emptyCurated } from './curated.ts';
import { maxDate } from './dates.ts';
import { Ingest } from './ingest.ts';
import { expandInputs } from './inputs.ts';
import { detectJsonKind, type JsonKind } from './layout-detect.ts';
import { buildPrograms } from './programs.ts';
import { assembleSnapshot } from './snapshot.ts';
import { VendorLinker } from './vendors.ts';

export interface BuildOptions {
  /** ISO date for manifest.created; default: the newest asOf/retrieved date in the data (never the clock). */
  created?: string;
  /** Retrieval date for inputs that carry none (award-summary CSVs); default: the file's modification date. */
  retrieved?: string;
  /** Compile the alias dictionary with src/match when available (default true). */
  dictionary?: boolean;
}

export interface BuildResult {
  snapshot: Snapshot;
  report: BuildReport;
}

async function compileDictionary(aliases: AliasEntry[], warnings: string[]): Promise<unknown> {
  const url = new URL('../match/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    warnings.push('src/match/index.ts not found: the snapshot has no compiled dictionary');
    return undefined;
  }
  try {
    const m = (await import(/* @vite-ignore */ url.href)) as Record<string, unknown>;
    const compile = m['compileDictionary'];
    const serialize = m['serializeDictionary'];
    if (typeof compile !== 'function' || typeof serialize !== 'function') {
      warnings.push('src/match/index.ts lacks compileDictionary/serializeDictionary: no compiled dictionary');
      return undefined;
    }
    return JSON.parse(JSON.stringify(serialize(compile(aliases)))) as unknown;
  } catch (e) {
    warnings.push(`compiling the alias dictionary failed: ${(e as Error).message}`);
    return undefined;
  }
}

export async function buildIndex(inputs: string[], opts: BuildOptions = {}): Promise<BuildResult> {
  const report = new ReportCollector();
  const files = await expandInputs(inputs);
  const curated = emptyCurated();
  const jsonData: { path: string; kind: JsonKind; data: unknown }[] = [];
  const csvFiles: string[] = [];
  for (const path of files) {
    if (!path.toLowerCase().endsWith('.json')) {
      csvFiles.push(path);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      report.files.push({ file: path, layout: 'invalid-json', rows: 1, accepted: 0, rejected: 0, ignored: 0 });
      report.reject(report.files[report.files.length - 1]!, 1, `not valid JSON: ${(e as Error).message}`);
      continue;
    }
    const kind = detectJsonKind(data);
    if (kind === 'curated') {
      report.files.push({ file: path, layout: 'curated', rows: 0, accepted: 0, rejected: 0, ignored: 0 });
      report.warnings.push(...addCuratedFile(curated, path, data as object));
    } else {
      jsonData.push({ path, kind, data });
    }
  }
  const vendors = new VendorLinker(curated.vendors);
  const agencies = new AgencyBuilder(curated.agencies);
  const accumulator = new AwardAccumulator();
  const ingest = new Ingest(vendors, agencies, accumulator, report);
  for (const j of jsonData) ingest.jsonFile(j.path, j.kind, j.data);
  for (const path of csvFiles) await ingest.csvFile(path);
  ingest.settleRetrieved(opts.retrieved);
  report.sampleRss();

  const vendorRecords = vendors.finalize();
  const awards = [...accumulator.awards.values()].map((a) => finalizeAward(a, a.vendorIdentity ? vendors.resolve(a.vendorIdentity) : undefined));
  const byVendor = new Map(vendorRecords.map((v) => [v.id, v] as const));
  const byAgency = new Map<string, string[]>();
  for (const a of awards) {
    if (a.vendorId) byVendor.get(a.vendorId)?.awardIds.push(a.id);
    for (const ag of [a.agencyId, a.subAgencyId]) {
      if (!ag) continue;
      const list = byAgency.get(ag);
      if (list) list.push(a.id);
      else byAgency.set(ag, [a.id]);
    }
  }
  // Award lists are stored in reading order (government records first, then
  // the largest), so a capped list in the popover holds the awards that matter.
  const awardById = new Map(awards.map((a) => [a.id, a] as const));
  const order = (ids: string[]) =>
    ids.sort((x, y) => compareAwards(awardById.get(x)!, awardById.get(y)!) || (x < y ? -1 : x > y ? 1 : 0));
  for (const v of vendorRecords) order(v.awardIds);
  for (const list of byAgency.values()) order(list);
  const agencyRecords = agencies.finalize(byAgency);
  const vendorIdByKey = (key: string) => (curated.vendors.has(key) ? vendors.resolve(`curated:${key}`) : undefined);
  const programs = buildPrograms(curated.programs, awards, vendorIdByKey, report.warnings);
  report.warnings.push(...vendors.warnings);
  const aliases = buildAliases(curated, vendorRecords, agencyRecords, programs, vendorIdByKey);
  const dictionary = opts.dictionary === false ? undefined : await compileDictionary(aliases, report.warnings);
  const records: IndexRecord[] = [...vendorRecords, ...agencyRecords, ...programs, ...awards];
  let created = opts.created;
  if (!created) {
    for (const r of records) {
      created = maxDate(created, r.provenance.asOf);
      for (const s of r.provenance.sources) created = maxDate(created, s.retrieved);
    }
  }
  const snapshot = assembleSnapshot(records, aliases, dictionary, created ?? '1970-01-01', curated.sources);
  return { snapshot, report: report.finish(accumulator.duplicateTransactions, dictionary !== undefined) };
}
