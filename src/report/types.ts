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
  category: string;
  reason: string;
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

/** A checkable statement about a contract, beside what the record says (issue 7 defines the fields). */
export interface Claim {
  start: number;
  end: number;
  text: string;
  kind: string;
}
