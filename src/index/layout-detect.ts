// Decides what a file is from its first record (CSV) or its top-level shape
// (JSON). The 2018 export is recognised by its header names or, headerless, by
// its 259 columns; today's award summary by its header (or 286 columns).
import { AWARD_SUMMARY_COLUMNS } from './columns-award-summary.ts';
import { TRANSACTION_2018_COLUMNS } from './columns-2018.ts';

export type CsvLayout =
  | { layout: 'transactions-2018'; hasHeader: boolean }
  | { layout: 'award-summary'; hasHeader: boolean; header: string[] }
  | { layout: 'unknown'; reason: string };

const SUMMARY_MARKERS = ['contract_award_unique_key', 'total_obligated_amount', 'prime_award_base_transaction_description'];

export function detectCsvLayout(first: string[]): CsvLayout {
  const names = first.map((f) => f.trim().toLowerCase());
  // Column names are identifiers ("outlayed_amount_from_covid-19_supplementals" has a hyphen).
  const isHeaderLike =
    names.every((n) => n === '' || /^[a-z0-9_-]+$/.test(n)) &&
    (names.includes('award_id_piid') || names.includes('contract_award_unique_key'));
  if (isHeaderLike) {
    if (names.length === TRANSACTION_2018_COLUMNS.length && names.every((n, i) => n === TRANSACTION_2018_COLUMNS[i])) {
      return { layout: 'transactions-2018', hasHeader: true };
    }
    if (names.includes('federal_action_obligation') && names.includes('modification_number')) {
      return { layout: 'unknown', reason: 'transaction header that differs from the 2018 layout (column order or names)' };
    }
    if (SUMMARY_MARKERS.some((m) => names.includes(m))) {
      return { layout: 'award-summary', hasHeader: true, header: names };
    }
    return { layout: 'unknown', reason: `header not recognised (${names.length} columns)` };
  }
  if (first.length === TRANSACTION_2018_COLUMNS.length) return { layout: 'transactions-2018', hasHeader: false };
  if (first.length === AWARD_SUMMARY_COLUMNS.length) {
    return { layout: 'award-summary', hasHeader: false, header: [...AWARD_SUMMARY_COLUMNS] };
  }
  return { layout: 'unknown', reason: `no header and ${first.length} columns (expected 259 or ${AWARD_SUMMARY_COLUMNS.length})` };
}

export type JsonKind = 'curated' | 'api-search' | 'api-award' | 'unknown';

export function detectJsonKind(value: unknown): JsonKind {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every((v) => detectJsonKind(v) === 'api-award') ? 'api-award' : 'unknown';
  }
  if (!value || typeof value !== 'object') return 'unknown';
  const o = value as Record<string, unknown>;
  if (Array.isArray(o['results'])) return 'api-search';
  if (typeof o['generated_unique_award_id'] === 'string' || (typeof o['piid'] === 'string' && 'latest_transaction_contract_data' in o)) {
    return 'api-award';
  }
  if (Array.isArray(o['vendors']) || Array.isArray(o['agencies']) || Array.isArray(o['programs'])) return 'curated';
  return 'unknown';
}
