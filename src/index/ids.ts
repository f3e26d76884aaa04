// Stable ids and name keys. Every id here is a pure function of the facts, so
// rebuilding from the same inputs yields the same ids (and the same bytes).
import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Lower-case ASCII slug: "U.S. Immigration & Customs" → "u-s-immigration-customs". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const LEGAL_SUFFIX = /\b(incorporated|inc|llc|l l c|llp|lp|corp|corporation|co|company|ltd|limited|plc)\b\.?/g;

/** Strips a parenthetical aside: "Paragon Solutions (U.S. subsidiary)" → "Paragon Solutions". */
export function stripParenthetical(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Key for comparing recipient names when no identifier exists: case, punctuation
 * and legal-form suffixes are ignored, so "PALANTIR TECHNOLOGIES INCORPORATED",
 * "Palantir Technologies Inc." and "Palantir Technologies" compare equal.
 */
export function nameKey(name: string): string {
  const base = stripParenthetical(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.,]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(LEGAL_SUFFIX, ' ');
  return slugify(base);
}

/** Spreadsheets strip leading zeros; DUNS numbers are nine digits. */
export function normalizeDuns(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s || !/^\d{1,9}$/.test(s) || /^0+$/.test(s)) return undefined;
  return s.padStart(9, '0');
}

export function normalizeUei(raw: string | undefined): string | undefined {
  const s = raw?.trim().toUpperCase();
  return s && /^[A-Z0-9]{12}$/.test(s) ? s : undefined;
}

/** Agency codes are four characters (`7012`, `97AK`); a spreadsheet turns `0559` into `559`. */
export function normalizeAgencyCode(raw: string | undefined): string | undefined {
  const s = raw?.trim().toUpperCase();
  if (!s) return undefined;
  return /^\d{1,3}$/.test(s) ? s.padStart(4, '0') : s;
}

/** USAspending's generated unique award id for a contract award. */
export function contractAwardId(piid: string, agency: string, parentPiid?: string, parentAgency?: string): string {
  return `CONT_AWD_${piid}_${agency}_${parentPiid || '-NONE-'}_${parentAgency || '-NONE-'}`;
}

export function idvAwardId(piid: string, agency: string): string {
  return `CONT_IDV_${piid}_${agency}`;
}

/** Parses `CONT_AWD_<piid>_<agency>_<parent piid>_<parent agency>` and `CONT_IDV_<piid>_<agency>`. */
export function parseGeneratedId(id: string): { piid: string; agency: string; parentPiid?: string; idv: boolean } | undefined {
  const m = /^CONT_(AWD|IDV)_(.+)$/.exec(id);
  if (!m) return undefined;
  const parts = (m[2] ?? '').split('_');
  if (m[1] === 'IDV' && parts.length === 2) return { piid: parts[0] ?? '', agency: parts[1] ?? '', idv: true };
  if (m[1] === 'AWD' && parts.length === 4) {
    const parent = parts[2];
    return { piid: parts[0] ?? '', agency: parts[1] ?? '', parentPiid: parent && parent !== '-NONE-' ? parent : undefined, idv: false };
  }
  return undefined;
}

export function awardRecordId(awardKey: string): string {
  return `award:${awardKey}`;
}

/** `mod:<award id>:<number>`, where the award id is the record id without its `award:` prefix. */
export function modificationId(awardRecordOrKey: string, number: string): string {
  return `mod:${awardRecordOrKey.replace(/^award:/, '')}:${number}`;
}

export function reportedAwardKey(parts: (string | number | undefined)[]): string {
  return `reported:${sha256Hex(parts.map((p) => (p === undefined ? '' : String(p))).join('\u001f')).slice(0, 16)}`;
}

/** Natural order for modification numbers: "P00009" < "P00010", "0" first. */
export function compareModNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' });
}
