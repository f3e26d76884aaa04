// Contract identifiers: PIIDs (award ids), solicitation numbers and
// USAspending generated award ids. Shapes, per FAR 4.1601–4.1603:
//   office (6 alphanumerics, at least one letter) + fiscal year (2 digits)
//   + instrument type (1–2 letters) + serial (4–8 alphanumerics),
// written plain (HSCETC14C00002, W519TC25D0039, 70CTD022FR0000170) or dashed
// (HSCETC-13-F-00030, W56KGY-16-R-0001); GSA schedules GS35F0086U /
// GS-35F-0086U; and CONT_AWD_/CONT_IDV_ ids. Upper case only: lower-case
// letter-digit runs are product codes, hashes and file names, not contract ids.
import { toOriginal } from '../text/normalize.ts';
import type { BlockText } from './aliases.ts';
import type { Candidate } from './candidate.ts';

export type PiidResolver = (normalizedPiid: string) => string | null;

const USASPENDING = /(?<![A-Za-z0-9_])CONT_(?:AWD|IDV)_[A-Z0-9]+(?:_[A-Z0-9-]+){1,3}(?![A-Za-z0-9_])/g;
const DASHED = /(?<![A-Za-z0-9_-])([A-Z0-9]{6})-(\d{2})-([A-Z]{1,2})-([A-Z0-9]{4,8})(?![A-Za-z0-9_]|-[A-Za-z0-9])/g;
const PLAIN = /(?<![A-Za-z0-9_-])([A-Z0-9]{6})(\d{2})([A-Z]{1,2})([A-Z0-9]{4,8})(?![A-Za-z0-9_]|-[A-Za-z0-9])/g;
const GSA = /(?<![A-Za-z0-9_-])GS-?(\d{2})-?([A-Z])-?(\d{4})([A-Z]{1,2})(?![A-Za-z0-9_]|-[A-Za-z0-9])/g;

export const PIID_RESOLVED = 0.98;
export const PIID_UNRESOLVED = 0.75;
export const USASPENDING_UNRESOLVED = 0.9;

/** Undashed upper-case form: "hscetc-13-f-00030" -> "HSCETC13F00030". USAspending ids keep their underscores and "-NONE-". */
export function normalizePiid(s: string): string {
  const t = s.trim().toUpperCase();
  if (t.startsWith('CONT_')) return t.replace(/\s+/g, '');
  return t.replace(/[\s\-\u2010-\u2015\u2212.]/g, '');
}

/** Office code needs a letter (else it is a number); the serial needs digits (else it is a word). */
function plausible(office: string, serial: string): boolean {
  return /[A-Z]/.test(office) && (serial.match(/\d/g)?.length ?? 0) >= 3;
}

/** Solicitation numbers use type letters Q (quote), R (proposal), B (bid). */
function isSolicitation(type: string): boolean {
  return type === 'Q' || type === 'R' || type === 'B';
}

export interface PiidHit {
  start: number;
  end: number;
  normalized: string;
  solicitation: boolean;
  /** The embedded PIID of a USAspending id, tried when the whole id does not resolve. */
  embedded?: string;
}

/** All identifier-shaped substrings of `s` (case-kept normalised text), non-overlapping. */
export function findPiids(s: string): PiidHit[] {
  const hits: PiidHit[] = [];
  // Cheap tests first: most blocks hold no id, and skip the lookbehind regexps.
  // A USAspending id starts "CONT_"; every other shape holds two adjacent
  // digits (the fiscal year, the GSA schedule number).
  const usaspending = s.includes('CONT_');
  if (!usaspending && !/\d\d/.test(s)) return hits;
  const taken = (a: number, b: number): boolean => hits.some((h) => a < h.end && b > h.start);
  for (const m of usaspending ? s.matchAll(USASPENDING) : []) {
    const parts = m[0].split('_');
    hits.push({ start: m.index, end: m.index + m[0].length, normalized: normalizePiid(m[0]), solicitation: false, embedded: parts[2] });
  }
  for (const re of [DASHED, PLAIN]) {
    for (const m of s.matchAll(re)) {
      const [, office = '', , type = '', serial = ''] = m;
      const end = m.index + m[0].length;
      if (!plausible(office, serial) || taken(m.index, end)) continue;
      hits.push({ start: m.index, end, normalized: normalizePiid(m[0]), solicitation: isSolicitation(type) });
    }
  }
  for (const m of s.matchAll(GSA)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    hits.push({ start: m.index, end, normalized: normalizePiid(m[0]), solicitation: false });
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function findPiidCandidates(block: BlockText, resolver?: PiidResolver): Candidate[] {
  return findPiids(block.norm.cased).map((h): Candidate => {
    let id = resolver?.(h.normalized) ?? null;
    if (id === null && h.embedded !== undefined) id = resolver?.(h.embedded) ?? null;
    const [s, e] = toOriginal(block.norm, h.start, h.end);
    const what = h.embedded !== undefined ? 'a USAspending award id' : h.solicitation ? 'a solicitation number' : 'a federal contract number (PIID)';
    return {
      nStart: h.start,
      nEnd: h.end,
      start: block.offset + s,
      end: block.offset + e,
      block: block.index,
      kind: 'contract_id',
      id,
      confidence: id !== null ? PIID_RESOLVED : h.embedded !== undefined ? USASPENDING_UNRESOLVED : PIID_UNRESOLVED,
      reason: {
        rule: 'piid',
        explanation:
          `Has the shape of ${what}` +
          (h.normalized === block.norm.cased.slice(h.start, h.end) ? '' : ` (normalised: ${h.normalized})`) +
          (id !== null ? '; found in the index.' : '; not in the index.'),
      },
      needsContext: false,
    };
  });
}
