// The page report: what `receipts annotate --json` prints and what the
// extension's side panel and review page show. Later issues extend it; they
// never rename or remove a field.
import type { IndexRecord, MentionKind } from '../model/types.ts';

export interface MatchReason {
  /** The rule that fired, e.g. `alias`, `alias+context`, `piid`, `amount`. */
  rule: string;
  /** The dictionary alias that matched, as written in the index. */
  alias?: string;
  /** Context words that supported an ambiguous alias. */
  context?: string[];
  /** One sentence a reader can understand. */
  explanation: string;
}

export interface ParsedAmount {
  value: number;
  currency: 'USD' | 'EUR' | 'GBP' | string;
}

export interface Mention {
  /** JavaScript string offsets (UTF-16) into the input text; end is exclusive. */
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** Entity id in the index, or null (an amount, or a PIID the index doesn't hold). */
  id: string | null;
  /** 0..1 */
  confidence: number;
  reason: MatchReason;
  amount?: ParsedAmount;
}

export interface LoadedSpan {
  start: number;
  end: number;
  text: string;
  /** A category id from src/loaded/categories.ts (LOADED_CATEGORIES). */
  category: string;
  /** Why it was marked, in English. */
  reason: string;
  /** The same reason in German. */
  reasonDe?: string;
  /** 0..1 */
  confidence?: number;
  /** Inside a quotation attributed to someone: their words, not the author's voice. */
  quoted?: boolean;
  /** A negation governs it ("nicht skandalös"); confidence is lowered. */
  negated?: boolean;
  /** The rule that fired, e.g. `lexicon:emotive+inflection`, `phrase:degree+charged`, `insinuation+scare-quotes`. */
  rule?: string;
  /** Language the paragraph was read as. */
  lang?: 'en' | 'de';
}

export interface Report {
  /** Schema version of this JSON; bumped only by additions. */
  schema: 1;
  source?: { url?: string; file?: string };
  generated: string;
  index: { version: string; created: string; dataAsOf?: string };
  text: string;
  mentions: Mention[];
  entities: Record<string, IndexRecord>;
  loaded: LoadedSpan[];
  claims: Claim[];
}

/** A checkable statement about a contract, beside what the record says (issue 7; rules in docs/claim-check.md). */
export interface Claim {
  start: number;
  end: number;
  text: string;
  /** `amount`, `competition`, `bidders`, `date`, `duration` or `relation`. */
  kind: string;
  /** What the article states, parsed. */
  value?: ClaimValue;
  /** Index ids the claim was compared with (programs, awards, or a vendor). */
  refersTo?: string[];
  /** Where those ids were found: the claim's sentence, its paragraph, the whole article, or only a vendor's awards. */
  scope?: 'sentence' | 'paragraph' | 'document' | 'vendor' | 'none';
  /** Never "false" or "wrong": the record shows the same, something else, or nothing to compare. */
  verdict?: 'consistent' | 'differs' | 'not_in_record';
  /** Facts copied from index records, each with its tier and sources. Never invented. */
  recordFacts?: RecordFact[];
  /** Provenance URLs of the records behind recordFacts. */
  sources?: string[];
  explanation?: { en: string; de: string };
}

export interface ClaimValue {
  amount?: { value: number; currency: string; role: 'total' | 'ceiling' | 'annual' | 'obligated'; bound: Bound; tolerance: number };
  competed?: boolean;
  count?: { n: number; bound: Bound };
  date?: { year: number; month?: number; since?: boolean };
  years?: number;
  relation?: 'modification' | 'follow-on' | 'task-order';
}

/** `exact` within the stated tolerance; `atLeast` ("more than", "über"); `atMost` ("nearly", "knapp"); `about` ("rund"). */
export type Bound = 'exact' | 'atLeast' | 'atMost' | 'about';

export interface RecordFact {
  /** The award or modification id the fact comes from. */
  recordId: string;
  /** The record as a reader knows it: PIID, or PIID and modification number. */
  record: string;
  /** The record field, e.g. `values.obligated`, `competition.offersReceived`, `modifications[].note`. */
  field: string;
  value: string | number;
  /** The fact in plain words. */
  label: { en: string; de: string };
  tier: import('../model/types.ts').Tier;
  sources: string[];
  /** `same`: agrees with the claim; `other`: shows something else; `context`: shown, not compared. */
  match: 'same' | 'other' | 'context';
}
