// Shape of our own curated files in assets/curated/*.json. They add what the
// USAspending rows cannot: German and English names, program names, SEC CIKs,
// parent/subsidiary links, and programs that have no award record at all.
// Every curated fact names the sources it rests on (by key into `sources`).
import type { Competition, Tier } from '../model/types.ts';

export interface CuratedSource {
  url: string;
  title: string;
  /** ISO date the source was read. */
  retrieved: string;
  /** `primary` only for government records (USAspending, SAM.gov, FPDS, SEC EDGAR). */
  tier: Tier;
}

export interface CuratedAgency {
  /** `agency:<code>`; the code is USAspending's toptier or subtier agency code. */
  id: string;
  code: string;
  name: string;
  /** Acronyms, matched case-sensitively, e.g. "ICE". */
  acronyms: string[];
  /** Acronyms that are also ordinary words ("ICE" vs ice hockey): matched only with supporting context. */
  ambiguousAcronyms: string[];
  /** Full names and common forms, English and German, e.g. "US-Einwanderungsbehörde". */
  aliases: string[];
  parentId?: string;
  sourceKeys: string[];
}

export interface CuratedVendor {
  /** Stable key used by programs and parents within curated files, e.g. "palantir-technologies". */
  key: string;
  name: string;
  uei?: string;
  duns?: string[];
  cage?: string;
  /** SEC CIK, digits without padding. */
  cik?: string;
  aliases: string[];
  /** Never matched alone (e.g. a ticker "PLTR"). */
  weakAliases: string[];
  /** Aliases that are ordinary words or other things ("GEO", "Clear", "Maven") and need context. */
  ambiguousAliases: string[];
  previousNames: string[];
  /** Recipient names as they appear in contract data, upper-cased; used only when no UEI/DUNS links a row. */
  recipientNames: string[];
  parentKey?: string;
  sourceKeys: string[];
}

export interface CuratedModification {
  /** The PIID of the award this modification belongs to. */
  piid: string;
  /** Modification number if known, else a stable label such as "2025-04-immigrationos". */
  number: string;
  date?: string;
  description: string;
  /** Why it matters, in our own words. */
  note: string;
  competition?: Competition;
  /** Reported value in USD, if a source states one. Never presented as a government record. */
  reportedValue?: number;
  sourceKeys: string[];
}

export interface CuratedProgram {
  /** `program:<slug>` */
  id: string;
  name: string;
  aliases: string[];
  ambiguousAliases: string[];
  description: { en: string; de: string };
  vendorKeys: string[];
  agencyIds: string[];
  /** PIIDs of awards tied to the program; an empty list means "no award record in the index". */
  awardPiids: string[];
  modifications: CuratedModification[];
  sourceKeys: string[];
}

export interface CuratedFile {
  sources: Record<string, CuratedSource>;
  agencies: CuratedAgency[];
  vendors: CuratedVendor[];
  programs: CuratedProgram[];
}
