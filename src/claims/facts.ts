// Facts copied from index records, each labelled in plain words with its tier
// and sources. Nothing here derives a fact the record does not hold: labels
// only restate a field (competition labels come from report/competition.ts).
import type { AwardRecord, ModificationRecord, Provenance } from '../model/types.ts';
import { competitionSentence } from '../report/competition.ts';
import { formatDate, formatUsd } from '../report/format.ts';
import type { RecordFact } from '../report/types.ts';

export type FactDraft = Omit<RecordFact, 'match'>;

// Labels call Intl formatters, which are slow to build; a record's facts are
// the same for every claim beside it, so they are built once per record object.
const cache = new WeakMap<object, Map<string, unknown>>();
function once<T>(rec: object, key: string, make: () => T): T {
  let m = cache.get(rec);
  if (!m) cache.set(rec, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

export const srcs = (p: Provenance): string[] => p.sources.map((s) => s.url);
export const awardName = (a: AwardRecord): string => a.piid ?? a.name;
export const modName = (a: AwardRecord, m: ModificationRecord): string => `${awardName(a)} mod. ${m.number}`;

function base(a: AwardRecord, field: string, value: string | number, en: string, de: string): FactDraft {
  return { recordId: a.id, record: awardName(a), field, value, label: { en, de }, tier: a.provenance.tier, sources: srcs(a.provenance) };
}
function modBase(a: AwardRecord, m: ModificationRecord, field: string, value: string | number, en: string, de: string): FactDraft {
  return { recordId: m.id, record: modName(a, m), field, value, label: { en, de }, tier: m.provenance.tier, sources: srcs(m.provenance) };
}

export interface AmountFact extends FactDraft {
  value: number;
  kind: 'obligated' | 'current' | 'ceiling' | 'mod';
}

export function amountFacts(a: AwardRecord): AmountFact[] {
  return once(a, 'amount', () => buildAmountFacts(a));
}

function buildAmountFacts(a: AwardRecord): AmountFact[] {
  const v = a.values;
  const out: AmountFact[] = [];
  if (v.obligated !== undefined) {
    const basis = v.obligatedBasis ? ` (${v.obligatedBasis})` : '';
    out.push({ ...base(a, 'values.obligated', v.obligated, `obligated ${formatUsd(v.obligated)}${basis}`, `gebunden (obligated) ${formatUsd(v.obligated, 'de')}${basis}`), value: v.obligated, kind: 'obligated' });
  }
  if (v.current !== undefined) {
    out.push({ ...base(a, 'values.current', v.current, `current value ${formatUsd(v.current)} (base and exercised options)`, `aktueller Wert ${formatUsd(v.current, 'de')} (Grundauftrag und ausgeübte Optionen)`), value: v.current, kind: 'current' });
  }
  if (v.ceiling !== undefined) {
    out.push({ ...base(a, 'values.ceiling', v.ceiling, `ceiling ${formatUsd(v.ceiling)} (base and all options; the most it could reach, not money paid)`, `Obergrenze ${formatUsd(v.ceiling, 'de')} (mit allen Optionen; Höchstwert, kein gezahltes Geld)`), value: v.ceiling, kind: 'ceiling' });
  }
  return out;
}

// The builder appends "Reported value: $29,800,000 (reported, not a government record)." to a
// curated modification's note; that fixed sentence is the only place the value is held.
const REPORTED_VALUE = /Reported value: \$([\d,]+(?:\.\d+)?) \(reported, not a government record\)/;

export function modAmountFacts(a: AwardRecord, m: ModificationRecord): AmountFact[] {
  return once(m, 'amount', () => buildModAmountFacts(a, m));
}

function buildModAmountFacts(a: AwardRecord, m: ModificationRecord): AmountFact[] {
  const out: AmountFact[] = [];
  if (m.obligation !== undefined) {
    out.push({ ...modBase(a, m, 'modifications[].obligation', m.obligation, `this modification obligated ${formatUsd(m.obligation)}`, `diese Änderung band ${formatUsd(m.obligation, 'de')}`), value: m.obligation, kind: 'mod' });
  }
  const rv = REPORTED_VALUE.exec(m.note ?? '');
  if (rv?.[1]) {
    const value = Number(rv[1].replace(/,/g, ''));
    out.push({ ...modBase(a, m, 'modifications[].note', value, `value of this modification as reported: ${formatUsd(value)}`, `gemeldeter Wert dieser Änderung: ${formatUsd(value, 'de')}`), value, kind: 'mod' });
  }
  return out;
}

export type Polarity = 'competed' | 'not_competed' | 'unclear';

const FO_COMPETED = new Set(['FAIR', 'CSA']);
const FO_NOT = new Set(['ONE', 'URG', 'FOO', 'MG', 'OSA', 'SS']);
const EC_COMPETED = new Set(['A', 'D', 'F', 'CDO']);
const EC_NOT = new Set(['B', 'C', 'G', 'NDO']);

/** How the record says the award was competed: the fair-opportunity code speaks first for an order. */
export function polarity(c: AwardRecord['competition']): Polarity | undefined {
  const fo = c.fairOpportunity?.code;
  if (fo && FO_COMPETED.has(fo)) return 'competed';
  if (fo && FO_NOT.has(fo)) return 'not_competed';
  const ec = c.extentCompeted?.code;
  if (ec && EC_COMPETED.has(ec)) return 'competed';
  if (ec && EC_NOT.has(ec)) return 'not_competed';
  // E (follow-on to a competed action) was competed once, not this time.
  if (ec === 'E' || fo || ec || c.otherThanFullAndOpen?.code) return 'unclear';
  return undefined;
}

function codes(c: AwardRecord['competition']): string {
  return [
    c.extentCompeted && `extentCompeted=${c.extentCompeted.code || c.extentCompeted.recorded}`,
    c.fairOpportunity && `fairOpportunity=${c.fairOpportunity.code || c.fairOpportunity.recorded}`,
    c.otherThanFullAndOpen && `otherThanFullAndOpen=${c.otherThanFullAndOpen.code || c.otherThanFullAndOpen.recorded}`,
    c.solicitationProcedures && `solicitationProcedures=${c.solicitationProcedures.code || c.solicitationProcedures.recorded}`,
    c.offersReceived !== undefined && `offersReceived=${c.offersReceived}`,
  ].filter(Boolean).join('; ');
}

export function competitionFact(a: AwardRecord, m?: ModificationRecord): (FactDraft & { polarity?: Polarity }) | undefined {
  return once(m ?? a, 'competition', () => buildCompetitionFact(a, m));
}

function buildCompetitionFact(a: AwardRecord, m?: ModificationRecord): (FactDraft & { polarity?: Polarity }) | undefined {
  const c = m ? m.competition : a.competition;
  if (!c) return undefined;
  const en = competitionSentence(c, a.parentPiid, 'en');
  const de = competitionSentence(c, a.parentPiid, 'de');
  if (!en || !de) return undefined;
  const d = m ? modBase(a, m, 'modifications[].competition', codes(c), en, de) : base(a, 'competition', codes(c), en, de);
  return { ...d, polarity: polarity(c) };
}

export function offersFact(a: AwardRecord, m?: ModificationRecord): (FactDraft & { value: number }) | undefined {
  const n = (m ? m.competition : a.competition)?.offersReceived;
  if (n === undefined) return undefined;
  const en = `${n} ${n === 1 ? 'offer' : 'offers'} received`;
  const de = `${n} ${n === 1 ? 'Angebot' : 'Angebote'} eingegangen`;
  const field = m ? 'modifications[].competition.offersReceived' : 'competition.offersReceived';
  return { ...(m ? modBase(a, m, field, n, en, de) : base(a, field, n, en, de)), value: n };
}

/** A curated modification's note (our summary of the reporting), shown beside the claim, never compared. */
export function noteFact(a: AwardRecord, m: ModificationRecord): FactDraft | undefined {
  if (!m.note) return undefined;
  return modBase(a, m, 'modifications[].note', m.note, m.note, m.note);
}

export function dateFacts(a: AwardRecord, since: boolean): FactDraft[] {
  return once(a, `dates:${since}`, () => buildDateFacts(a, since));
}

function buildDateFacts(a: AwardRecord, since: boolean): FactDraft[] {
  const out: FactDraft[] = [];
  const d = a.dates;
  const pick: Array<[keyof typeof d, string, string]> = since
    ? [['start', 'period of performance starts', 'Laufzeitbeginn']]
    : [['signed', 'signed', 'unterzeichnet'], ['start', 'period of performance starts', 'Laufzeitbeginn']];
  for (const [k, en, de] of pick) {
    const v = d[k];
    if (v) out.push(base(a, `dates.${k}`, v, `${en} ${formatDate(v)}`, `${de} ${formatDate(v, 'de')}`));
    if (v && !since) break;
  }
  return out;
}

export function modDateFact(a: AwardRecord, m: ModificationRecord): FactDraft | undefined {
  return once(m, 'date', () => buildModDateFact(a, m));
}

function buildModDateFact(a: AwardRecord, m: ModificationRecord): FactDraft | undefined {
  if (!m.date) return undefined;
  return modBase(a, m, 'modifications[].date', m.date, `modification dated ${formatDate(m.date)}: ${m.description ?? m.number}`, `Änderung vom ${formatDate(m.date, 'de')}: ${m.description ?? m.number}`);
}

export function caveatFacts(a: AwardRecord): FactDraft[] {
  return (a.caveats ?? []).map((c) => base(a, 'caveats', c, c, c));
}

export { base as awardFact, modBase as modFact };
