// Finds the checkable claims of a text: the pattern claims of each sentence,
// and each money amount the sentence ties to a contract. One pass over the
// sentences; mentions are walked with a moving pointer, so the whole is linear.
import type { Bound, ClaimValue, Mention } from '../report/types.ts';
import { parseNumber } from '../match/index.ts';
import { findPatternClaims } from './patterns.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { BOUND_BEFORE, boundOf, CONTRACT_CUE, NOT_CONTRACT_CUE } from './words.ts';

export type ClaimKind = 'amount' | 'competition' | 'bidders' | 'date' | 'duration' | 'relation';

export interface DetectedClaim {
  start: number;
  end: number;
  kind: ClaimKind;
  value: ClaimValue;
  /** Index into `sentences`. */
  sentence: number;
}

export interface Detection {
  sentences: Sentence[];
  claims: DetectedClaim[];
}

const CEILING_BEFORE = /(?:up to|as much as|a ceiling of|a maximum of|a potential|potentially|could reach|bis zu|maximal|höchstens|Obergrenze von|Höchstwert von|ein Volumen von bis zu)\s*$/iu;
const CEILING_AFTER = /^\s*(?:ceiling|if all options|including (?:all )?options|over (?:its|the) (?:full|potential) (?:life|term)|einschließlich (?:aller )?Optionen|inklusive Optionen|Obergrenze)/iu;
const ANNUAL_AFTER = /^\s*(?:a year|per year|annually|each year|pro Jahr|jährlich|im Jahr|jedes Jahr)(?![\p{L}])/iu;
const OBLIGATED_NEAR = /(?:has paid|already paid|paid out|spent|obligated|disbursed|ausgezahlt|bereits gezahlt|gezahlt|zahlte|ausgegeben|überwiesen)/iu;
const OBLIGATED_AFTER = /^\s*(?:(?:has|have|had) (?:been |so far been )?(?:obligated|paid|spent|disbursed)|(?:wurden|wurde) (?:bereits |bisher )?(?:ausgezahlt|gezahlt|gebunden|ausgegeben))/iu;
const BOUND_RX = new RegExp(String.raw`(?<![\p{L}\p{N}])(${BOUND_BEFORE})\s+$`, 'iu');

/**
 * Rounding tolerance of an amount as written: half a unit of its last written
 * digit ("$30 million" ±0.5 million, "$29.9M" ±0.05 million), at least 1 % of
 * the value (journalists truncate "$150.7 million" to "$150 million"), and
 * 10 % for "about", "rund" and the like. Documented in docs/claim-check.md.
 */
export function amountTolerance(text: string, value: number, bound: Bound): number {
  const num = /\d[\d.,]*\d|\d/u.exec(text)?.[0] ?? '';
  let tol = value * 0.01;
  if (num) {
    const de = /Mio|Mrd|Millionen|Milliarden|Tsd|Euro|Dollar|,\d{1,2}(?!\d)/u.test(text);
    const n = parseNumber(num, de, de);
    const mult = n > 0 ? value / n : 1;
    const sep = Math.max(num.lastIndexOf('.'), num.lastIndexOf(','));
    const decimals = Number.isInteger(n) || sep < 0 ? 0 : num.length - sep - 1;
    tol = Math.max(tol, 0.5 * 10 ** -decimals * mult);
  }
  if (bound === 'about') tol = Math.max(tol, value * 0.1);
  return tol;
}

function amountClaim(text: string, s: Sentence, m: Mention, sentenceHasCue: () => boolean): Omit<DetectedClaim, 'sentence'> | undefined {
  if (!m.amount) return undefined;
  const before = text.slice(Math.max(s.start, m.start - 60), m.start);
  const after = text.slice(m.end, Math.min(s.end, m.end + 60));
  // The money must be a contract's: a contract word in the sentence, and no
  // revenue, share or budget word closer to the amount than the nearest contract word.
  if (!sentenceHasCue()) return undefined;
  const near = before.slice(-45) + ' ' + after.slice(0, 45);
  if (NOT_CONTRACT_CUE.test(near) && !CONTRACT_CUE.test(near)) return undefined;
  if (NOT_CONTRACT_CUE.test(before.slice(-30)) || NOT_CONTRACT_CUE.test(after.slice(0, 20))) return undefined;

  let start = m.start;
  let role: NonNullable<ClaimValue['amount']>['role'] = 'total';
  let bound: Bound = 'exact';
  // A bound word sits right before the number ("a ceiling of about $53 million", "rund 30 Mio.").
  const b = BOUND_RX.exec(before);
  let head = before;
  if (b) {
    bound = boundOf(b[1], before.slice(0, b.index));
    if (bound !== 'exact') {
      start = m.start - (before.length - b.index);
      head = before.slice(0, b.index);
    }
  }
  const ceil = CEILING_BEFORE.exec(head);
  if (ceil) {
    role = 'ceiling';
    start = m.start - (before.length - ceil.index);
  }
  if (role === 'total' && CEILING_AFTER.test(after)) role = 'ceiling';
  if (role === 'total' && ANNUAL_AFTER.test(after)) role = 'annual';
  if (role === 'total' && (OBLIGATED_NEAR.test(before.slice(-40)) || OBLIGATED_AFTER.test(after))) role = 'obligated';
  const { value, currency } = m.amount;
  return {
    start,
    end: m.end,
    kind: 'amount',
    value: { amount: { value, currency, role, bound, tolerance: amountTolerance(m.text, value, bound) } },
  };
}

export function detectClaims(text: string, mentions: readonly Mention[]): Detection {
  const sentences = splitSentences(text);
  const claims: DetectedClaim[] = [];
  let mi = 0;
  sentences.forEach((s, si) => {
    const body = text.slice(s.start, s.end);
    for (const c of findPatternClaims(body)) claims.push({ ...c, start: s.start + c.start, end: s.start + c.end, sentence: si });
    while (mi < mentions.length && (mentions[mi]?.start ?? 0) < s.start) mi++;
    // Tested once per sentence, so a sentence full of amounts stays linear.
    let cue: boolean | undefined;
    const hasCue = () => (cue ??= CONTRACT_CUE.test(body));
    for (let j = mi; j < mentions.length; j++) {
      const m = mentions[j];
      if (!m || m.start >= s.end) break;
      if (m.kind !== 'amount') continue;
      const c = amountClaim(text, s, m, hasCue);
      if (c) claims.push({ ...c, sentence: si });
    }
  });
  claims.sort((a, b) => a.start - b.start || a.end - b.end);
  return { sentences, claims };
}
