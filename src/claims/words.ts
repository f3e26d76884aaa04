// Shared vocabulary of the claim patterns, English and German: counts, months,
// bounds ("more than", "über"), and the cue words that tie a sentence to a contract.
import type { Bound } from '../report/types.ts';

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
  ein: 1, eine: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, 'fünf': 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, 'zwölf': 12, 'fünfzehn': 15, zwanzig: 20, 'dreißig': 30, vierzig: 40, 'fünfzig': 50, hundert: 100, dutzend: 12,
};

/** A count as digits or a number word (the alternation for regexes; longest words first). */
export const COUNT = String.raw`\d{1,3}|${Object.keys(NUMBER_WORDS)
  .filter((w) => !/^ein/.test(w))
  .sort((a, b) => b.length - a.length)
  .join('|')}`;

export function countValue(s: string): number | undefined {
  const t = s.toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  return NUMBER_WORDS[t];
}

/** Duration adjectives: "five-year", "fünfjährig", "5-jährigen". */
export const YEARS_ADJ: Record<string, number> = {
  ein: 1, zwei: 2, drei: 3, vier: 4, 'fünf': 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, 'zwölf': 12, zwanzig: 20,
};

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11,
  december: 12, januar: 1, februar: 2, 'märz': 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
};
export const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

/** A bound word before a number. German "über" after a contract noun means "for" ("Vertrag über 30 Mio."), see boundOf. */
export const BOUND_BEFORE = String.raw`more than|over|at least|nearly|almost|about|around|roughly|some|approximately|an estimated|mehr als|über|ueber|mindestens|knapp|fast|rund|etwa|ca\.|circa|gut`;

export function boundOf(word: string | undefined, before: string): Bound {
  const w = (word ?? '').toLowerCase();
  if (!w) return 'exact';
  if (/^(?:über|ueber)$/.test(w) && /(?:vertrag|auftrag|abruf|deal|zuschlag|vereinbarung|bestellung)\w*\s*$/iu.test(before)) return 'exact';
  if (/^(?:more than|over|at least|mehr als|über|ueber|mindestens)$/.test(w)) return 'atLeast';
  if (/^(?:nearly|almost|knapp|fast)$/.test(w)) return 'atMost';
  return 'about';
}

/** Words that tie a sentence to a contract (also "the contract" as a back-reference). */
export const CONTRACT_CUE =
  /\b(?:contracts?|deals?|awards?|awarded|orders?|agreements?|worth|valued|task orders?|modification|ceiling|obligated|vehicle|paid|zahlte|gezahlt|bezahlt|Obergrenze|Vertr(?:ag|äge)\w*|Auftr(?:ag|äge)\w*|\w*[Aa]uftrag\w*|Abruf\w*|Zuschlag\w*|Deal\w*|vergeben|Wert|Vereinbarung\w*|Ausschreibung\w*)\b/iu;

/** Money that is not a contract's: revenue, shares, budgets, funding rounds. */
export const NOT_CONTRACT_CUE =
  /\b(?:revenue|revenues|sales|profits?|earnings|market (?:value|cap\w*)|shares?|stock|valuation|budget|funding round|income|Umsatz\w*|Umsätze\w*|Gewinn\w*|Börsenwert|Marktwert|Aktie\w*|Bewertung|Haushalt\w*|Etat\w*|Jahresumsatz\w*|Finanzierungsrunde\w*|Einnahmen|Erlös\w*)\b/iu;
