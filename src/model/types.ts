// The contract index's data model. DOM-free: shared by the builder, the CLI,
// the background worker and the UI. Field names follow USAspending/FPDS where
// one exists, so a fact can be traced back to the column it came from.

/** `primary`: a government record (USAspending/FPDS). `reported`: a named secondary source. */
export type Tier = 'primary' | 'reported';

export interface Source {
  url: string;
  title: string;
  /** ISO date (YYYY-MM-DD) the source was read or exported. */
  retrieved: string;
}

export interface Provenance {
  tier: Tier;
  sources: Source[];
  /** ISO date the data describes (e.g. the record's last-modified date). */
  asOf?: string;
}

export type RecordKind = 'vendor' | 'agency' | 'program' | 'award';

interface BaseRecord {
  /** Stable id with a kind prefix, e.g. `vendor:uei:FSY4LVSBGWB7`, `agency:7012`. */
  id: string;
  kind: RecordKind;
  name: string;
  provenance: Provenance;
}

export interface VendorIdentifiers {
  uei?: string;
  duns?: string;
  cage?: string;
  /** SEC Central Index Key, unpadded digits. */
  cik?: string;
}

export interface VendorRecord extends BaseRecord {
  kind: 'vendor';
  /** Names that identify the vendor on their own (matched). */
  aliases: string[];
  /** Names never matched alone (FollowTheMoney `weakAlias`), e.g. a bare ticker. */
  weakAliases: string[];
  previousNames: string[];
  identifiers: VendorIdentifiers;
  parentId?: string;
  subsidiaryIds: string[];
  awardIds: string[];
}

export interface AgencyRecord extends BaseRecord {
  kind: 'agency';
  /** Toptier or subtier code as USAspending uses it, e.g. `7012` for ICE, `7000` for DHS. */
  code?: string;
  acronyms: string[];
  /** Full names and common forms, English and German. */
  aliases: string[];
  parentId?: string;
  awardIds: string[];
}

export interface ProgramRecord extends BaseRecord {
  kind: 'program';
  aliases: string[];
  /** Plain-language description, English and German. */
  description: { en: string; de: string };
  vendorIds: string[];
  agencyIds: string[];
  awardIds: string[];
  /** Modification ids (`mod:<award id>:<mod number>`) the program is tied to. */
  modificationIds: string[];
  /** True when no award record in the index belongs to the program (the UI says so). */
  noAwardRecord?: boolean;
}

/** A coded FPDS field with the code as recorded and, where known, the label that came with it. */
export interface Coded {
  code: string;
  /** The description text from the source row, if any (not our paraphrase). */
  recorded?: string;
}

export interface Competition {
  extentCompeted?: Coded;
  fairOpportunity?: Coded;
  otherThanFullAndOpen?: Coded;
  solicitationProcedures?: Coded;
  offersReceived?: number;
  solicitationId?: string;
}

export interface AwardValues {
  /** Dollars obligated (spent or committed so far). */
  obligated?: number;
  /** How `obligated` was derived, e.g. "sum of 12 transactions in FY2013–FY2018 exports". */
  obligatedBasis?: string;
  /** Base and exercised options: the current value. */
  current?: number;
  /** Base and all options: the ceiling, the most the award could reach. Never money paid. */
  ceiling?: number;
}

export interface AwardDates {
  signed?: string;
  start?: string;
  currentEnd?: string;
  potentialEnd?: string;
  lastModified?: string;
}

export interface ModificationRecord {
  /** `mod:<award id>:<mod number>` */
  id: string;
  number: string;
  date?: string;
  obligation?: number;
  description?: string;
  /** Why this modification matters, in our words (e.g. a limited-sources justification). */
  note?: string;
  competition?: Competition;
  provenance: Provenance;
}

export interface AwardRecord extends BaseRecord {
  kind: 'award';
  /** USAspending generated unique award id, e.g. `CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730`. */
  generatedId?: string;
  piid?: string;
  parentPiid?: string;
  /** `award` (definitive contract, order, BPA call) or `idv` (a vehicle). */
  awardClass?: 'award' | 'idv' | 'other-transaction';
  vendorId?: string;
  /** Recipient name as written in the source row. */
  recipientName?: string;
  agencyId?: string;
  subAgencyId?: string;
  values: AwardValues;
  dates: AwardDates;
  description?: string;
  /** True when the description paraphrases reports rather than quoting the official text. */
  descriptionIsSummary?: boolean;
  competition: Competition;
  pricing?: string;
  modifications: ModificationRecord[];
  /** Number of source transactions folded into this award. */
  transactionCount?: number;
  /** Caveats about conflicting or uncertain reported facts. */
  caveats?: string[];
}

export type IndexRecord = VendorRecord | AgencyRecord | ProgramRecord | AwardRecord;

export type MentionKind = 'company' | 'agency' | 'program' | 'contract_id' | 'amount';

/** One entry of the alias dictionary that the matcher compiles. */
export interface AliasEntry {
  alias: string;
  entityId: string;
  kind: MentionKind;
  /** Acronyms and short all-caps aliases match case-sensitively ("ICE" vs "ice"). */
  caseSensitive: boolean;
  /** Ambiguous aliases ("ICE", "GEO", "Maven", "Falcon") need supporting context. */
  needsContext: boolean;
}

export interface SnapshotCounts {
  byKind: Record<RecordKind, number>;
  byTier: Record<Tier, number>;
}

export interface SnapshotManifest {
  format: 1;
  /** Content hash (hex, 16 chars) of the records and dictionary. */
  version: string;
  created: string;
  counts: SnapshotCounts;
  sources: Source[];
  /** The newest `asOf` among records: how fresh the data is. */
  dataAsOf?: string;
  sha256: string;
}

export interface Snapshot {
  manifest: SnapshotManifest;
  records: IndexRecord[];
  aliases: AliasEntry[];
  /** The compiled alias dictionary (`serializeDictionary` of src/match), JSON-safe; absent if the matcher was unavailable at build time. */
  dictionary?: unknown;
}
