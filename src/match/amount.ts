// Money amounts, English and German: a currency is always required, before
// ("$30 million", "US$ 150,7 Mio.", "€14 Mio.") or after the number
// ("30 Millionen Dollar", "1,2 Milliarden US-Dollar", "30 million dollars").
// Bare numbers, and numbers with only a magnitude ("30 Millionen"), are not
// amounts: they are too often people, votes or years.
import type { ParsedAmount } from '../report/types.ts';
import { toOriginal } from '../text/normalize.ts';
import type { BlockText } from './aliases.ts';
import type { Candidate } from './candidate.ts';

const NUM = String.raw`\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;
// Longest alternatives first: "Milliarden" before "Milliarde", "millions" before "million".
const WORD_MAG = String.raw`Milliarden|Milliarde|Millionen|millions|million|Billionen|billions|billion|trillions|trillion|thousand|Tausend|Tsd\.?|Mio\.?|Mrd\.?|Mill\.|mln|mn|bn`;
// Single letters only when glued to the number ("$29.9M", "£5m", "$1.2B").
const LETTER_MAG = String.raw`bn|mn|[mbk]`;
const PRE_CUR = String.raw`US ?\$|US-\$|USD|EUR|GBP|CHF|\$|€|£`;
const POST_CUR = String.raw`US-Dollars?|US ?\$|US dollars?|Dollars?|Euros?|EUR|USD|GBP|CHF|Pfund|pounds?|€|\$|£`;
const MAG = String.raw`(?: ?(${WORD_MAG})|(${LETTER_MAG}))(?![\p{L}\p{N}])`;

const PREFIXED = new RegExp(String.raw`(?<![\p{L}\p{N}])(${PRE_CUR}) ?(${NUM})(?:${MAG})?(?![\p{N}]|[.,]\p{N}|-\p{N})`, 'giu');
const SUFFIXED = new RegExp(String.raw`(?<![\p{L}\p{N}$€£.,-])(${NUM})(?:${MAG})? ?(${POST_CUR})(?![\p{L}\p{N}])`, 'giu');

// Singular "Billion" is left out: "$1.5 Billion" in an English headline is 10^9.
const GERMAN_MAG = /^(?:Milliarden?|Millionen|Billionen|Tausend|Tsd|Mio|Mrd)/;

function currencyOf(c: string): string {
  const u = c.toUpperCase().replace(/[\s-]/g, '');
  if (u === '€' || u.startsWith('EUR')) return 'EUR';
  if (u === '£' || u === 'GBP' || u.startsWith('POUND') || u === 'PFUND') return 'GBP';
  if (u === 'CHF') return 'CHF';
  return 'USD';
}

function multiplier(mag: string, german: boolean): number {
  const m = mag.toLowerCase().replace(/\.$/, '');
  if (m === '') return 1;
  if (m.startsWith('trillion') || m.startsWith('billionen')) return 1e12;
  // German "Billion" is 10^12; English "billion" (any case, in an English amount) is 10^9.
  if (m.startsWith('billion')) return german && mag.startsWith('B') ? 1e12 : 1e9;
  if (m.startsWith('milliard') || m === 'mrd' || m === 'bn' || m === 'b') return 1e9;
  if (m.startsWith('million') || m === 'mio' || m === 'mill' || m === 'mln' || m === 'mn' || m === 'm') return 1e6;
  if (m === 'thousand' || m === 'tausend' || m === 'tsd' || m === 'k') return 1e3;
  return 1;
}

/**
 * Decimal comma vs thousands comma. Two kinds of separator: the last one is
 * decimal. Repeated: thousands. A single separator before exactly three
 * digits is ambiguous and decided by the language of the amount: German
 * "150,703 Mio." / "1.200 Euro" vs English "$150,703" / "$1.200 billion".
 */
export function parseNumber(s: string, germanMagnitude: boolean, germanCurrency: boolean): number {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    const after = s.length - 1 - Math.max(lastDot, lastComma);
    if (count > 1) decimal = null;
    else if (after !== 3) decimal = sep;
    else if (sep === ',') decimal = germanMagnitude ? ',' : null;
    else decimal = germanMagnitude || germanCurrency ? null : '.';
  }
  const thousands = decimal === ',' ? '.' : decimal === '.' ? ',' : /[.,]/;
  const cleaned = s.split(thousands).join('');
  return Number(decimal === ',' ? cleaned.replace(',', '.') : cleaned);
}

export interface AmountHit {
  start: number;
  end: number;
  amount: ParsedAmount;
}

function toAmount(num: string, mag: string, cur: string, currencyAfter: boolean): ParsedAmount {
  const germanMag = GERMAN_MAG.test(mag);
  // After the number, capitalised "Euro"/"Dollar"/"US-Dollar" and symbols are German usage;
  // English writes "euros", "dollars", and puts symbols first.
  const germanCur = currencyAfter && /^(?:Euro|Dollar|US-Dollar|Pfund|EUR|€|\$|US ?\$|£)$/.test(cur);
  const value = parseNumber(num, germanMag, germanCur) * multiplier(mag, germanMag || germanCur || /,\d{1,2}$/.test(num));
  return { value: Math.round(value * 100) / 100, currency: currencyOf(cur) };
}

/** Amounts in `s` (case-kept normalised text), non-overlapping, by start. */
export function findAmounts(s: string): AmountHit[] {
  const hits: AmountHit[] = [];
  // Both shapes need a digit; most text has few, and skips the scans.
  if (!/\d/.test(s)) return hits;
  for (const m of s.matchAll(PREFIXED)) {
    const [all, cur = '', num = '', word = '', letter = ''] = m;
    hits.push({ start: m.index, end: m.index + all.length, amount: toAmount(num, word || letter, cur, false) });
  }
  for (const m of s.matchAll(SUFFIXED)) {
    const [all, num = '', word = '', letter = '', cur = ''] = m;
    const end = m.index + all.length;
    if (hits.some((h) => m.index < h.end && end > h.start)) continue;
    hits.push({ start: m.index, end, amount: toAmount(num, word || letter, cur, true) });
  }
  return hits.sort((a, b) => a.start - b.start);
}

// Number.prototype.toLocaleString builds a new formatter on every call; one shared formatter gives the same text.
const EN_US = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function describe(a: ParsedAmount): string {
  return `${EN_US.format(a.value)} ${a.currency}`;
}

export const AMOUNT_CONFIDENCE = 0.9;

export function findAmountCandidates(block: BlockText): Candidate[] {
  return findAmounts(block.norm.cased).map((h): Candidate => {
    const [s, e] = toOriginal(block.norm, h.start, h.end);
    return {
      nStart: h.start,
      nEnd: h.end,
      start: block.offset + s,
      end: block.offset + e,
      block: block.index,
      kind: 'amount',
      id: null,
      confidence: AMOUNT_CONFIDENCE,
      reason: { rule: 'amount', explanation: `A money amount: ${describe(h.amount)}.` },
      amount: h.amount,
      needsContext: false,
    };
  });
}
