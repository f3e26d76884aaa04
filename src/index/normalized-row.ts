// The one shape every input layout is mapped to before awards are assembled.
// A row is either one transaction (2018 layout) or one award summary (today's
// layout, API JSON, recent-awards.csv).
import type { Competition, Source, Tier } from '../model/types.ts';
import { siteOf } from '../links/primary-sources.ts';

export type LayoutName = 'transactions-2018' | 'award-summary' | 'api-search' | 'api-award' | 'curated';

/** One input file. Its retrieval date may only be known once the whole file is read. */
export interface FileContext {
  path: string;
  layout: LayoutName;
  /** The file as a public source (e.g. the 2018 export), if it is one. */
  exportSource?: { url: string; title: string };
  /** Groups files of one export so they share a retrieval date. */
  exportGroup: string;
  /** ISO date; filled in after the file (or its export group) has been read. */
  retrieved?: string;
  /** The largest date that can bound the retrieval date from below, seen while reading. */
  newestDate?: string;
  /** Human-readable name of the dataset for `obligatedBasis`, e.g. "the FY2013–FY2018 ICE export". */
  datasetLabel: string;
}

export interface AgencyRef {
  code?: string;
  name?: string;
}

export interface RecipientRef {
  name?: string;
  uei?: string;
  duns?: string;
  cage?: string;
  parentName?: string;
  parentUei?: string;
  parentDuns?: string;
}

/** A source the row names itself (a permalink, a news page); retrieval date comes from the file. */
export interface RowSource {
  url: string;
  title: string;
}

export interface NormalizedRow {
  ctx: FileContext;
  line: number;
  level: 'transaction' | 'award';
  tier: Tier;
  /** Award id without the `award:` prefix: a USAspending generated id or `reported:<hash>`. */
  awardKey: string;
  generatedId?: string;
  piid?: string;
  parentPiid?: string;
  awardClass?: 'award' | 'idv' | 'other-transaction';
  modNumber?: string;
  txnNumber?: string;
  /** Transaction rows: this action's obligation. Award rows: total obligated. */
  obligation?: number;
  obligationBasis?: string;
  current?: number;
  ceiling?: number;
  actionDate?: string;
  signed?: string;
  start?: string;
  currentEnd?: string;
  potentialEnd?: string;
  lastModified?: string;
  fiscalYear?: number;
  agency: AgencyRef;
  subAgency: AgencyRef;
  recipient: RecipientRef;
  description?: string;
  descriptionIsSummary?: boolean;
  competition: Competition;
  pricing?: string;
  rowSources: RowSource[];
}

export function rowSourceToSource(s: RowSource, retrieved: string): Source {
  return { url: s.url, title: s.title, retrieved };
}

/** The site a source URL is on, for titles; the URL itself if it is not one. */
export function hostOf(url: string): string {
  return siteOf(url) ?? url;
}
