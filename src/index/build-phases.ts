// The phases the two builders in build.ts share: reading the inputs, and
// turning finished awards into the vendor, agency and program records, the
// aliases and the compiled dictionary. Only the award pass differs between the
// in-memory and the streaming builder; keeping everything else here, called by
// both, is what lets them promise the same bytes.
import { awardSize } from '../query/describe.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AgencyRecord, AliasEntry, AwardRecord, IndexRecord, ProgramRecord, Tier, VendorRecord } from '../model/types.ts';
import { AgencyBuilder } from './agencies.ts';
import { buildAliases } from './aliases.ts';
import type { AwardSink } from './awards.ts';
import { ReportCollector } from './build-report.ts';
import { addCuratedFile, emptyCurated, type CuratedSet } from './curated.ts';
import { maxDate } from './dates.ts';
import { Ingest } from './ingest.ts';
import { expandInputs } from './inputs.ts';
import { detectJsonKind, type JsonKind } from './layout-detect.ts';
import { buildPrograms } from './programs.ts';
import { VendorLinker } from './vendors.ts';

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

export interface Ingested {
  report: ReportCollector;
  curated: CuratedSet;
  vendors: VendorLinker;
  agencies: AgencyBuilder;
}

/**
 * Reads curated files, then every data row into `sink`; settles retrieval dates.
 * Curated files come first because vendor linking needs their identifiers
 * before the first data row arrives. `retrieved` is the date for inputs that carry none (BuildOptions.retrieved).
 */
export async function ingestInputs(inputs: string[], retrieved: string | undefined, sink: AwardSink): Promise<Ingested> {
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
  const ingest = new Ingest(vendors, agencies, sink, report);
  for (const j of jsonData) ingest.jsonFile(j.path, j.kind, j.data);
  jsonData.length = 0;
  for (const path of csvFiles) await ingest.csvFile(path);
  ingest.settleRetrieved(retrieved);
  report.sampleRss();
  return { report, curated, vendors, agencies };
}

/** What the rest of the build needs to know about an award once it is final. */
export interface AwardSummary {
  id: string;
  tier: Tier;
  size: number;
  vendorId?: string;
  agencyId?: string;
  subAgencyId?: string;
}

export function summarize(a: AwardRecord): AwardSummary {
  return { id: a.id, tier: a.provenance.tier, size: awardSize(a), vendorId: a.vendorId, agencyId: a.agencyId, subAgencyId: a.subAgencyId };
}

/**
 * Fills vendors' award lists and returns the agencies' ones, in reading order
 * (government records first, then the largest: compareAwards, id as tie-break),
 * so a capped list in the popover holds the awards that matter.
 */
function linkAwards(vendorRecords: VendorRecord[], awards: Iterable<AwardSummary>): Map<string, string[]> {
  const byVendor = new Map(vendorRecords.map((v) => [v.id, v] as const));
  const byAgency = new Map<string, string[]>();
  const byId = new Map<string, AwardSummary>();
  for (const a of awards) {
    byId.set(a.id, a);
    if (a.vendorId) byVendor.get(a.vendorId)?.awardIds.push(a.id);
    for (const ag of [a.agencyId, a.subAgencyId]) {
      if (!ag) continue;
      const list = byAgency.get(ag);
      if (list) list.push(a.id);
      else byAgency.set(ag, [a.id]);
    }
  }
  // Same order as compareAwards (src/query/describe.ts) on the full records.
  const tier = (x: AwardSummary) => (x.tier === 'primary' ? 0 : 1);
  const order = (ids: string[]) =>
    ids.sort((x, y) => {
      const a = byId.get(x)!;
      const b = byId.get(y)!;
      return tier(a) - tier(b) || b.size - a.size || (x < y ? -1 : x > y ? 1 : 0);
    });
  for (const v of vendorRecords) order(v.awardIds);
  for (const list of byAgency.values()) order(list);
  return byAgency;
}

/** Records other than awards, and the alias list; `compile` is false when BuildOptions.dictionary is. */
export async function finishEntities(
  ing: Ingested,
  vendorRecords: VendorRecord[],
  summaries: Iterable<AwardSummary>,
  programAwards: AwardRecord[],
  compile: boolean,
): Promise<{ agencyRecords: AgencyRecord[]; programs: ProgramRecord[]; aliases: AliasEntry[]; dictionary: unknown }> {
  const { curated, vendors, agencies, report } = ing;
  const byAgency = linkAwards(vendorRecords, summaries);
  const agencyRecords = agencies.finalize(byAgency);
  const vendorIdByKey = (key: string) => (curated.vendors.has(key) ? vendors.resolve(`curated:${key}`) : undefined);
  const programs = buildPrograms(curated.programs, programAwards, vendorIdByKey, report.warnings);
  report.warnings.push(...vendors.warnings);
  const aliases = buildAliases(curated, vendorRecords, agencyRecords, programs, vendorIdByKey);
  const dictionary = compile ? await compileDictionary(aliases, report.warnings) : undefined;
  return { agencyRecords, programs, aliases, dictionary };
}

/** The newest date a record was true as of or retrieved: manifest.created when none is given. */
export function createdOf(created: string | undefined, r: IndexRecord): string | undefined {
  created = maxDate(created, r.provenance.asOf);
  for (const s of r.provenance.sources) created = maxDate(created, s.retrieved);
  return created;
}

/** PIIDs that curated programs name: only these awards are needed whole after the award pass. */
export function programPiids(curated: CuratedSet): Set<string> {
  const out = new Set<string>();
  for (const p of curated.programs.values()) {
    for (const piid of p.awardPiids) out.add(piid);
    for (const m of p.modifications) out.add(m.piid);
  }
  return out;
}
