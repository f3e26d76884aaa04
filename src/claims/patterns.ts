// The claim patterns, English and German, each run on one sentence. Every
// regex is bounded (no nested unbounded repeats), so a sentence is scanned in
// linear time; long gaps are capped at a few words.
import type { ClaimValue } from '../report/types.ts';
import { BOUND_BEFORE, boundOf, CONTRACT_CUE, COUNT, countValue, MONTH, MONTHS, YEARS_ADJ } from './words.ts';

export interface RawClaim {
  /** Offsets into the sentence string. */
  start: number;
  end: number;
  kind: 'competition' | 'bidders' | 'date' | 'duration' | 'relation';
  value: ClaimValue;
}

const L = String.raw`(?<![\p{L}\p{N}])`;
const R = String.raw`(?![\p{L}\p{N}])`;
// Before a count: not inside a longer number ("1,200" is not 200).
const LC = String.raw`(?<![\p{L}\p{N}.,])`;
const GAP = String.raw`(?:[\p{L}\p{N}'’.,-]+\s+){0,6}?`;
const rx = (s: string) => new RegExp(s, 'giu');

// Not competed. German forms cover declension ("ohne öffentliche/offene Ausschreibung",
// "statt eines transparenten Wettbewerbs", "freihändig vergeben").
const NOT_COMPETED = rx(
  L +
    String.raw`(?:no-bid|no bid|sole[- ]source[d]?|single[- ]source[d]?|limited[- ]source|non-?competitive(?:ly)?|uncompeted|not competed|not put out (?:to|for) bid|without (?:any |a |an )?(?:competition|competitive bidding|bidding|open bidding|(?:open |public |competitive )?tender(?:ing)?|(?:a |an )?(?:open |public )?solicitation)|ohne (?:den üblichen |jeden |jede |einen |eine )?(?:(?:öffentlich|offen|europaweit|vorherig|regulär|transparent)(?:e[nrs]?)? )?(?:Ausschreibung(?:sverfahren)?|Wettbewerb(?:sverfahren)?|Bieterwettbewerb|Vergabeverfahren)|statt (?:einer |eines )?(?:(?:öffentlich|offen|transparent|regulär)(?:e[nrs]?)? )?(?:Ausschreibung|Wettbewerbs?)|freihändig(?:e[nr]? Vergabe| vergeben)?|Direktvergabe|direkt vergeben|Verhandlungsverfahren ohne Teilnahmewettbewerb|ohne dass (?:andere |weitere )?(?:Firmen|Unternehmen|Anbieter|Bieter|Wettbewerber) (?:mitbieten|sich bewerben|ein Angebot abgeben|Angebote abgeben) (?:konnten|durften)|nicht (?:öffentlich )?ausgeschrieben)` +
    R,
);

const COMPETED = rx(
  L +
    String.raw`(?:competitively (?:awarded|bid|selected|procured)|(?:was|were|been) competed|full and open competition|after (?:a |an )?(?:open |public |competitive )?(?:competition|tender|bidding process)|through (?:a |an )?(?:open |public |competitive )(?:competition|tender|bidding)|won (?:a |an |the )?(?:open |public |competitive )?(?:competition|tender)|nach (?:einer |einem )?(?:(?:öffentlichen|offenen|europaweiten)[nr]? )?(?:Ausschreibung|Wettbewerb)|im Wettbewerb vergeben|per Ausschreibung|in einem (?:offenen |öffentlichen )?(?:Wettbewerb|Ausschreibungsverfahren)|Ausschreibung gewonnen|öffentlich ausgeschrieben)` +
    R,
);

// "no-bid" used in negation ("not a no-bid contract") is not a claim of no bidding.
const NEGATED = /(?<![\p{L}])(?:not an?|not|kein(?:e|en)?|nicht)\s+$/iu;

const BIDDER_NOUN = String.raw`companies|firms|vendors|bidders|contractors|offerors|businesses|suppliers|Unternehmen|Firmen|Anbieter|Bieter|Bewerber|Konzerne`;
const BID_VERB = String.raw`bid|bids|submitted (?:bids|offers|proposals)|competed|applied|vied|responded|had bid|beworben|bewarben|boten|geboten|Angebote? (?:abgegeben|eingereicht)|abgegeben|eingereicht|teilgenommen|beteiligt`;
const BIDDERS = [
  // "über 50 Unternehmen hatten sich beworben", "seven companies bid"
  rx(String.raw`${LC}(?:(${BOUND_BEFORE})\s+)?(${COUNT})\s+(?:(?!(?:of|von|der|the|after|nach|and|und|${COUNT})\s)[\p{L}-]+\s+){0,2}?(?:\p{L}+-)?(?:${BIDDER_NOUN})${R}(?=\s+${GAP}(?:${BID_VERB})${R})`),
  // "beworben hatten sich über 50 Unternehmen"
  rx(String.raw`(?<=${L}(?:${BID_VERB})\s+(?:sich\s+|hatten\s+|haben\s+){0,2})(?:(${BOUND_BEFORE})\s+)?(${COUNT})\s+(?:${BIDDER_NOUN})${R}`),
  // "received seven bids", "sieben Angebote gingen ein"
  rx(String.raw`${LC}(?:(${BOUND_BEFORE})\s+)?(${COUNT})\s+(?:bids|offers|proposals|Angebote|Gebote)${R}`),
];
const SINGLE_BIDDER = rx(
  L +
    String.raw`(?:the only bidder|the sole bidder|the only company to bid|(?:only|just) (?:one|a single) (?:bid|offer|bidder|proposal)|a single (?:bid|offer|bidder)|lediglich ein(?:en)? (?:Angebot|Bieter)|einzige[rn]? (?:Bieter|Bewerber|Anbieter, der ein Angebot)|einziges Angebot|nur ein(?:en)? (?:Angebot|Bieter)|als einzige[rs]? (?:Unternehmen|Firma) ein Angebot)` +
    R,
);

const AWARD_VERB = /\b(?:awarded|signed|granted|won|issued|placed|received|began|started|added|vergeben|vergab|unterzeichnet|abgeschlossen|erteilt|erhielt|erhalten|geschlossen|begann|läuft|hinzu|hinzugefügt)\b|\b(?:awarded|since|seit)\b/iu;
const DATES = [
  rx(String.raw`${L}(?:(since|seit)\s+|(?:in|im)\s+)?(${MONTH})\s+(?:\d{1,2},\s+)?(\d{4})${R}`),
  rx(String.raw`${L}(?:(since|seit)\s+|in\s+|im Jahr\s+)(\d{4})${R}`),
];

const DURATION = [
  rx(String.raw`${L}(${COUNT})-year(?:-long)?${R}`),
  rx(String.raw`${L}(${Object.keys(YEARS_ADJ).join('|')}|\d{1,2}-)jährige[nmrs]?${R}`),
  rx(String.raw`${L}(?:Laufzeit von|für|über|over|for a period of|for)\s+(${COUNT})\s+(?:Jahre|Jahren|years)${R}`),
];

const RELATIONS: Array<[RegExp, NonNullable<ClaimValue['relation']>]> = [
  [rx(String.raw`${L}(?:a modification (?:of|to)|modification of an existing|contract modification|modified (?:an |the )?existing contract|added to an existing contract|amendment to (?:an |the )?existing|(?:Änderung|Erweiterung) (?:eines|des) bestehenden|Vertragsänderung|Vertragserweiterung|bestehenden? Vertrag (?:erweitert|geändert)|per Änderung)${R}`), 'modification'],
  [rx(String.raw`${L}(?:follow-on(?: contract| order| award)?|Anschlussauftrag|Folgeauftrag|Anschlussvertrag)${R}`), 'follow-on'],
  [rx(String.raw`${L}(?:task order|delivery order|order under|Einzelabruf|Abruf(?:s|es|auftrag)?|Einzelauftrag)${R}`), 'task-order'],
];

// Cheap keyword tests that gate each family, so most sentences skip the larger regexes.
const HAS_COMPETITION = /bid|source|compet|tender|solicit|ausschreib|ausgeschrieb|wettbewerb|freihändig|direktvergabe|direkt vergeben|verhandlungsverfahren|mitbieten/iu;
const HAS_BIDDERS = /compan|firm|vendor|bidder|contractor|offeror|business|supplier|unternehmen|anbieter|bieter|bewerber|konzern|bids|offer|proposal|angebot|gebot/iu;
const HAS_DATE = /\d{4}/u;
const HAS_DURATION = /year|jähr|jahre/iu;
const HAS_RELATION = /modif|amend|follow|order|änderung|erweiterung|anschluss|folgeauftrag|abruf|einzelauftrag|bestehende/iu;

export function findPatternClaims(s: string): RawClaim[] {
  const out: RawClaim[] = [];
  const push = (start: number, end: number, kind: RawClaim['kind'], value: ClaimValue) => {
    if (!out.some((c) => start < c.end && end > c.start && c.kind === kind)) out.push({ start, end, kind, value });
  };
  const competition = HAS_COMPETITION.test(s);
  for (const m of competition ? s.matchAll(NOT_COMPETED) : []) {
    if (NEGATED.test(s.slice(Math.max(0, m.index - 12), m.index))) continue;
    push(m.index, m.index + m[0].length, 'competition', { competed: false });
  }
  for (const m of competition ? s.matchAll(COMPETED) : []) {
    // "not competitively awarded", "nicht nach einer Ausschreibung": a claim of no competition.
    const neg = NEGATED.exec(s.slice(Math.max(0, m.index - 12), m.index));
    const start = neg ? m.index - neg[0].length : m.index;
    push(start, m.index + m[0].length, 'competition', { competed: !neg });
  }
  const bidders = HAS_BIDDERS.test(s);
  for (const m of bidders ? s.matchAll(SINGLE_BIDDER) : []) push(m.index, m.index + m[0].length, 'bidders', { count: { n: 1, bound: 'exact' } });
  for (const re of bidders ? BIDDERS : []) {
    for (const m of s.matchAll(re)) {
      const n = countValue(m[2] ?? '');
      if (n === undefined) continue;
      push(m.index, m.index + m[0].length, 'bidders', { count: { n, bound: boundOf(m[1], s.slice(0, m.index)) } });
    }
  }
  if (HAS_DATE.test(s) && (AWARD_VERB.test(s) || CONTRACT_CUE.test(s))) {
    for (const re of DATES) {
      for (const m of s.matchAll(re)) {
        const since = !!m[1];
        const month = m.length > 3 ? MONTHS[(m[2] ?? '').toLowerCase()] : undefined;
        const year = Number(m.length > 3 ? m[3] : m[2]);
        if (year < 1980 || year > 2100) continue;
        push(m.index, m.index + m[0].length, 'date', { date: { year, ...(month ? { month } : {}), ...(since ? { since } : {}) } });
      }
    }
  }
  for (const re of HAS_DURATION.test(s) ? DURATION : []) {
    for (const m of s.matchAll(re)) {
      const w = (m[1] ?? '').replace(/-$/, '').toLowerCase();
      const years = YEARS_ADJ[w] ?? countValue(w);
      if (years === undefined || years < 1 || years > 30) continue;
      push(m.index, m.index + m[0].length, 'duration', { years });
    }
  }
  for (const [re, relation] of HAS_RELATION.test(s) ? RELATIONS : []) {
    for (const m of s.matchAll(re)) push(m.index, m.index + m[0].length, 'relation', { relation });
  }
  return out.sort((a, b) => a.start - b.start);
}
