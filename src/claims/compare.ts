// Each claim beside the facts of the records it refers to. A fact either
// agrees (`same`), shows something else (`other`) or is shown for context.
// The verdict: `consistent` when at least one record shows the same,
// `differs` when records hold comparable facts and none shows the same,
// `not_in_record` when nothing comparable is held. Rules: docs/claim-check.md.
import type { AwardRecord } from '../model/types.ts';
import type { Bound, Claim, ClaimValue, RecordFact } from '../report/types.ts';
import type { ClaimKind } from './detect.ts';
import {
  amountFacts, awardFact, caveatFacts, competitionFact, dateFacts, modAmountFacts, modDateFact, modFact, noteFact, offersFact,
  type FactDraft,
} from './facts.ts';
import type { Targets } from './resolve.ts';

export interface Compared {
  verdict: NonNullable<Claim['verdict']>;
  facts: RecordFact[];
  /** Why no verdict could be given although records were found (e.g. another currency). */
  reason?: 'currency' | 'annual' | 'no-facts';
}

const as = (f: FactDraft, match: RecordFact['match']): RecordFact => ({ ...f, match });

export function withinBound(actual: number, claimed: number, bound: Bound, tolerance: number): boolean {
  switch (bound) {
    case 'atLeast':
      return actual >= claimed;
    case 'atMost':
      return actual <= claimed + tolerance && actual >= claimed * 0.8;
    default:
      return Math.abs(actual - claimed) <= tolerance;
  }
}

function amount(v: NonNullable<ClaimValue['amount']>, t: Targets): Compared {
  const facts: RecordFact[] = [];
  const all = [...t.awards.flatMap((a) => amountFacts(a)), ...t.mods.flatMap(({ award, mod }) => modAmountFacts(award, mod))];
  const context = () => all.map(({ kind: _k, ...f }) => as(f, 'context'));
  if (v.currency !== 'USD') return { verdict: 'not_in_record', facts: context(), reason: 'currency' };
  if (v.role === 'annual') return { verdict: 'not_in_record', facts: context(), reason: 'annual' };
  const compared = (k: (typeof all)[number]['kind']) =>
    v.role === 'ceiling' ? k === 'ceiling' : v.role === 'obligated' ? k === 'obligated' || k === 'mod' : true;
  for (const { kind, ...f } of all) {
    if (!compared(kind)) facts.push(as(f, 'context'));
    else facts.push(as(f, withinBound(f.value, v.value, v.bound, v.tolerance) ? 'same' : 'other'));
  }
  return verdictOf(facts, t);
}

function competition(competed: boolean, t: Targets): Compared {
  const facts: RecordFact[] = [];
  for (const a of t.awards) {
    const f = competitionFact(a);
    if (f) facts.push(as(strip(f), f.polarity === undefined || f.polarity === 'unclear' ? 'context' : (f.polarity === 'competed') === competed ? 'same' : 'other'));
  }
  for (const { award, mod } of t.mods) {
    const f = competitionFact(award, mod);
    if (f) facts.push(as(strip(f), f.polarity === undefined || f.polarity === 'unclear' ? 'context' : (f.polarity === 'competed') === competed ? 'same' : 'other'));
    const n = noteFact(award, mod);
    if (n) facts.push(as(n, 'context'));
  }
  return verdictOf(facts, t);
}

function strip<T extends FactDraft & { polarity?: unknown }>(f: T): FactDraft {
  const { polarity: _p, ...rest } = f;
  return rest;
}

function bidders(count: NonNullable<ClaimValue['count']>, t: Targets): Compared {
  const facts: RecordFact[] = [];
  const tol = count.bound === 'about' ? Math.max(1, count.n * 0.1) : 0;
  const push = (f: ReturnType<typeof offersFact>) => {
    if (!f) return;
    const { value, ...rest } = f;
    facts.push({ ...rest, value, match: withinBound(value, count.n, count.bound, tol) ? 'same' : 'other' });
  };
  for (const a of t.awards) push(offersFact(a));
  for (const { award, mod } of t.mods) push(offersFact(award, mod));
  return verdictOf(facts, t);
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));
const monthOf = (iso: string) => Number(iso.slice(5, 7));

function date(d: NonNullable<ClaimValue['date']>, t: Targets): Compared {
  const facts: RecordFact[] = [];
  const same = (iso: string) => yearOf(iso) === d.year && (d.month === undefined || monthOf(iso) === d.month);
  for (const a of t.awards) {
    const fs = dateFacts(a, !!d.since);
    for (const f of fs) facts.push(as(f, same(String(f.value)) ? 'same' : 'other'));
    if (!fs.length) facts.push(...caveatFacts(a).map((f) => as(f, 'context')));
  }
  if (!d.since) {
    for (const { award, mod } of t.mods) {
      const f = modDateFact(award, mod);
      if (f) facts.push(as(f, same(String(f.value)) ? 'same' : 'other'));
    }
  }
  return verdictOf(facts, t);
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function duration(years: number, t: Targets): Compared {
  const facts: RecordFact[] = [];
  for (const a of t.awards) {
    const { start, potentialEnd, currentEnd } = a.dates;
    const end = potentialEnd ?? currentEnd;
    if (!start || !end) continue;
    const span = (Date.parse(end) - Date.parse(start)) / YEAR_MS;
    const rounded = Math.round(span * 10) / 10;
    const kind = potentialEnd ? 'potential end, with all options' : 'current end';
    const kindDe = potentialEnd ? 'mögliches Ende, mit allen Optionen' : 'aktuelles Ende';
    const f = awardFact(a, potentialEnd ? 'dates.potentialEnd' : 'dates.currentEnd', `${start}..${end}`, `${start} to ${end} (${kind}): ${rounded} years`, `${start} bis ${end} (${kindDe}): ${rounded.toLocaleString('de-DE')} Jahre`);
    const ok = Math.abs(span - years) <= 0.5;
    // A current end is not the full term: a shorter span there is shown, not held against the claim.
    facts.push(as(f, ok ? 'same' : potentialEnd ? 'other' : 'context'));
  }
  return verdictOf(facts, t);
}

const FOLLOW_ON = (a: AwardRecord) =>
  a.competition.extentCompeted?.code === 'E' || a.competition.otherThanFullAndOpen?.code === 'FOC' || a.competition.fairOpportunity?.code === 'FOO';

function relation(rel: NonNullable<ClaimValue['relation']>, t: Targets): Compared {
  const facts: RecordFact[] = [];
  if (rel === 'modification') {
    for (const { award, mod } of t.mods) {
      const d = mod.date ? ` (${mod.date})` : '';
      facts.push(as(modFact(award, mod, 'modifications[]', mod.number, `modification ${mod.number} of ${award.piid ?? award.name}${d}: ${mod.description ?? ''}`.trim(), `Änderung ${mod.number} von ${award.piid ?? award.name}${d}: ${mod.description ?? ''}`.trim()), 'same'));
    }
  } else if (rel === 'task-order') {
    for (const a of t.awards) {
      if (a.awardClass === 'award' && a.parentPiid) facts.push(as(awardFact(a, 'parentPiid', a.parentPiid, `an order under ${a.parentPiid}`, `ein Abruf aus ${a.parentPiid}`), 'same'));
      else if (a.awardClass === 'idv') facts.push(as(awardFact(a, 'awardClass', 'idv', 'a contract vehicle (IDV) under which orders are placed', 'ein Rahmenvertrag (IDV), aus dem abgerufen wird'), 'other'));
      else if (a.awardClass === 'award' && a.provenance.tier === 'primary') facts.push(as(awardFact(a, 'awardClass', 'award', 'a contract with no parent vehicle recorded', 'ein Vertrag ohne erfassten Rahmenvertrag'), 'other'));
    }
  } else {
    for (const a of t.awards) {
      if (FOLLOW_ON(a)) facts.push(as(strip(competitionFact(a)!), 'same'));
      else if (a.provenance.tier === 'primary' && a.competition.extentCompeted) facts.push(as(strip(competitionFact(a)!), 'other'));
    }
  }
  return verdictOf(facts, t);
}

function verdictOf(facts: RecordFact[], t: Targets): Compared {
  if (facts.some((f) => f.match === 'same')) return { verdict: 'consistent', facts };
  // With only a vendor's awards to search, a mismatch says nothing about the contract meant.
  if (facts.some((f) => f.match === 'other') && t.scope !== 'vendor') return { verdict: 'differs', facts };
  return { verdict: 'not_in_record', facts, reason: 'no-facts' };
}

export function compareClaim(kind: ClaimKind, value: ClaimValue, t: Targets): Compared {
  let c: Compared;
  if (kind === 'amount' && value.amount) c = amount(value.amount, t);
  else if (kind === 'competition' && value.competed !== undefined) c = competition(value.competed, t);
  else if (kind === 'bidders' && value.count) c = bidders(value.count, t);
  else if (kind === 'date' && value.date) c = date(value.date, t);
  else if (kind === 'duration' && value.years !== undefined) c = duration(value.years, t);
  else if (kind === 'relation' && value.relation) c = relation(value.relation, t);
  else c = { verdict: 'not_in_record', facts: [] };
  if (t.scope === 'vendor') {
    // Many awards: show those that agree, else the largest few for context.
    const same = c.facts.filter((f) => f.match === 'same');
    c.facts = same.length ? same : c.facts.slice(0, 6).map((f) => ({ ...f, match: 'context' as const }));
  }
  return c;
}
