// Folds rows into awards. Transaction rows (2018 layout) of one award are
// grouped by its generated id: the latest transaction (action date, then
// modification number, then transaction number) supplies award-level fields,
// and every transaction is kept as a ModificationRecord. Award-level rows
// (summaries, API) carry cumulative totals and override summed obligations.
import type { AwardRecord, Competition, ModificationRecord, Tier } from '../model/types.ts';
import { competitionKey } from './competition-codes.ts';
import { maxDate, minDate } from './dates.ts';
import { awardRecordId, compareModNumbers, modificationId } from './ids.ts';
import type { FileContext, NormalizedRow } from './normalized-row.ts';
import { awardPageSource, mergeSources, rowSources } from './provenance.ts';

type Rank = [string, string, string];

function compareRank(a: Rank, b: Rank): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return compareModNumbers(a[1], b[1]) || compareModNumbers(a[2], b[2]);
}

function rankOf(row: NormalizedRow): Rank {
  if (row.level === 'transaction') return [row.actionDate ?? '', row.modNumber ?? '', row.txnNumber ?? ''];
  return [row.lastModified ?? row.actionDate ?? row.signed ?? row.start ?? '', '', ''];
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface Latest<T> {
  value: T;
  rank: Rank;
}

function takeLatest<T>(cur: Latest<T> | undefined, value: T | undefined, rank: Rank): Latest<T> | undefined {
  if (value === undefined) return cur;
  return !cur || compareRank(rank, cur.rank) >= 0 ? { value, rank } : cur;
}

interface Mod {
  record: ModificationRecord;
  ctx: FileContext;
  rowSources: NormalizedRow['rowSources'];
}

export interface AwardAcc {
  key: string;
  tier: Tier;
  latest: NormalizedRow;
  latestRank: Rank;
  competition: Competition;
  description?: Latest<string>;
  current?: Latest<number>;
  ceiling?: Latest<number>;
  currentEnd?: Latest<string>;
  potentialEnd?: Latest<string>;
  awardObligation?: Latest<{ value: number; basis: string }>;
  txnCount: number;
  txnSumCents: number;
  hasBaseTxn: boolean;
  minFy?: number;
  maxFy?: number;
  signed?: string;
  awardStart?: Latest<string>;
  txnMinStart?: string;
  lastModified?: string;
  mods: Mod[];
  modKeys: Set<string>;
  /** Ids of `mods`, so a repeated modification number is found without scanning them all. */
  modIds: Set<string>;
  lastDescription?: string;
  sourceRows: Map<string, Pick<NormalizedRow, 'ctx' | 'rowSources'>>;
  vendorIdentity?: string;
  agencyId?: string;
  subAgencyId?: string;
}

/** Where Ingest puts accepted rows: the in-memory accumulator, or the streaming build's spill. */
export interface AwardSink {
  add(row: NormalizedRow, vendorIdentity: string | undefined, agencyId?: string, subAgencyId?: string): unknown;
}

export class AwardAccumulator implements AwardSink {
  readonly awards = new Map<string, AwardAcc>();
  duplicateTransactions = 0;

  /** Adds a row; returns false when it duplicates a transaction already held (same award, number, date, amount). */
  add(row: NormalizedRow, vendorIdentity: string | undefined, agencyId?: string, subAgencyId?: string): boolean {
    const rank = rankOf(row);
    let a = this.awards.get(row.awardKey);
    if (!a) {
      a = { key: row.awardKey, tier: row.tier, latest: row, latestRank: rank, competition: {}, txnCount: 0, txnSumCents: 0, hasBaseTxn: false, mods: [], modKeys: new Set(), modIds: new Set(), sourceRows: new Map() };
      this.awards.set(row.awardKey, a);
    }
    if (row.level === 'transaction') {
      const dupKey = `${row.modNumber}\u0000${row.txnNumber ?? ''}\u0000${row.actionDate}\u0000${row.obligation ?? ''}`;
      if (a.modKeys.has(dupKey)) {
        this.duplicateTransactions++;
        return false;
      }
      a.modKeys.add(dupKey);
      this.addTransaction(a, row);
    } else if (row.obligation !== undefined) {
      a.awardObligation = takeLatest(a.awardObligation, { value: row.obligation, basis: row.obligationBasis ?? 'total obligated amount' }, rank);
    }
    if (row.tier === 'primary') a.tier = 'primary';
    const newer = compareRank(rank, a.latestRank) >= 0;
    if (newer) {
      a.latest = row;
      a.latestRank = rank;
      a.competition = { ...a.competition, ...defined(row.competition) };
      if (vendorIdentity) a.vendorIdentity = vendorIdentity;
      if (agencyId) a.agencyId = agencyId;
      a.subAgencyId = subAgencyId ?? (agencyId ? undefined : a.subAgencyId);
    } else {
      a.competition = { ...defined(row.competition), ...a.competition };
      a.vendorIdentity ??= vendorIdentity;
      a.agencyId ??= agencyId;
      a.subAgencyId ??= subAgencyId;
    }
    a.description = takeLatest(a.description, row.description, rank);
    a.current = takeLatest(a.current, row.current, rank);
    a.ceiling = takeLatest(a.ceiling, row.ceiling, rank);
    a.currentEnd = takeLatest(a.currentEnd, row.currentEnd, rank);
    a.potentialEnd = takeLatest(a.potentialEnd, row.potentialEnd, rank);
    a.signed = minDate(a.signed, row.signed);
    if (row.level === 'award') a.awardStart = takeLatest(a.awardStart, row.start, rank);
    a.lastModified = maxDate(a.lastModified, row.lastModified);
    const srcKey = `${row.ctx.path}\u0000${row.rowSources.map((s) => s.url).join(' ')}`;
    if (!a.sourceRows.has(srcKey)) a.sourceRows.set(srcKey, { ctx: row.ctx, rowSources: row.rowSources });
    return true;
  }

  private addTransaction(a: AwardAcc, row: NormalizedRow): void {
    a.txnCount++;
    a.txnSumCents += Math.round((row.obligation ?? 0) * 100);
    if (row.fiscalYear !== undefined) {
      a.minFy = Math.min(a.minFy ?? row.fiscalYear, row.fiscalYear);
      a.maxFy = Math.max(a.maxFy ?? row.fiscalYear, row.fiscalYear);
    }
    const number = row.modNumber ?? '0';
    if (number === '0') {
      a.hasBaseTxn = true;
      a.signed = minDate(a.signed, row.actionDate);
    }
    a.txnMinStart = minDate(a.txnMinStart, row.start);
    let id = modificationId(a.key, number);
    if (a.modIds.has(id)) id = `${id}:${row.txnNumber ?? a.mods.length}`;
    a.modIds.add(id);
    // Consecutive rows of an award usually repeat its description: keep one string.
    if (row.description !== undefined && row.description === a.lastDescription) row.description = a.lastDescription;
    else a.lastDescription = row.description;
    const record: ModificationRecord = {
      id,
      number,
      date: row.actionDate,
      obligation: row.obligation,
      description: row.description,
      competition: row.competition,
      provenance: { tier: row.tier, sources: [], asOf: row.lastModified ?? row.actionDate },
    };
    a.mods.push({ record, ctx: row.ctx, rowSources: row.rowSources });
  }
}

function fyRange(a: AwardAcc): string {
  if (a.minFy === undefined || a.maxFy === undefined) return '';
  return a.minFy === a.maxFy ? ` (FY${a.minFy})` : ` (FY${a.minFy}–FY${a.maxFy})`;
}


export function finalizeAward(a: AwardAcc, vendorId: string | undefined, extraCaveats: string[] = []): AwardRecord {
  const row = a.latest;
  const id = awardRecordId(a.key);
  const competition = defined(a.competition) as Competition;
  const description = a.description?.value;
  const awardCompKey = competitionKey(competition);
  const generatedId = row.generatedId;
  const mods = a.mods
    .map((m) => {
      const r = m.record;
      const page = generatedId && r.provenance.tier === 'primary' ? [awardPageSource(generatedId, m.ctx)] : [];
      const rec: ModificationRecord = { ...r, provenance: { ...r.provenance, sources: mergeSources(page, rowSources(m)) } };
      if (rec.description === description) delete rec.description;
      const modComp = defined(r.competition ?? {});
      if (Object.keys(modComp).length === 0 || competitionKey(modComp) === awardCompKey) delete rec.competition;
      else rec.competition = modComp as Competition;
      return rec;
    })
    .sort((x, y) => ((x.date ?? '') < (y.date ?? '') ? -1 : (x.date ?? '') > (y.date ?? '') ? 1 : compareModNumbers(x.id, y.id)));
  const caveats = [...extraCaveats];
  let obligated: number | undefined;
  let obligatedBasis: string | undefined;
  if (a.awardObligation) {
    obligated = a.awardObligation.value.value;
    obligatedBasis = a.awardObligation.value.basis;
  } else if (a.txnCount > 0) {
    obligated = a.txnSumCents / 100;
    const n = a.txnCount;
    obligatedBasis = `sum of ${n} transaction${n === 1 ? '' : 's'} in ${row.ctx.datasetLabel}${fyRange(a)}; may be incomplete (one row per award per fiscal year)`;
    if (!a.hasBaseTxn && !a.awardStart && a.txnMinStart) {
      caveats.push(`The base award (modification 0) is not in the data held, so its start date is unknown here; the earliest transaction held starts ${a.txnMinStart}.`);
    }
  }
  const name = row.piid ?? `${row.recipient.name ?? 'Unnamed recipient'}: ${(description ?? '').slice(0, 60)}`;
  const record: AwardRecord = {
    id,
    kind: 'award',
    name,
    generatedId: row.generatedId,
    piid: row.piid,
    parentPiid: row.parentPiid,
    awardClass: row.awardClass,
    vendorId,
    recipientName: row.recipient.name,
    agencyId: a.agencyId,
    subAgencyId: a.subAgencyId,
    values: defined({ obligated, obligatedBasis, current: a.current?.value, ceiling: a.ceiling?.value }),
    dates: defined({ signed: a.signed, start: a.awardStart?.value ?? (a.hasBaseTxn ? a.txnMinStart : undefined), currentEnd: a.currentEnd?.value, potentialEnd: a.potentialEnd?.value, lastModified: a.lastModified }),
    description,
    descriptionIsSummary: row.descriptionIsSummary,
    competition,
    pricing: row.pricing,
    modifications: mods,
    transactionCount: a.txnCount > 0 ? a.txnCount : undefined,
    caveats: caveats.length > 0 ? caveats : undefined,
    provenance: {
      tier: a.tier,
      sources: mergeSources(
        ...[...a.sourceRows.values()].map((r) => rowSources(r)),
        // Transaction rows do not repeat the award page; add it once, from the files they came from.
        ...[...a.sourceRows.values()].filter((r) => r.ctx.layout === 'transactions-2018' && generatedId).map((r) => [awardPageSource(generatedId ?? '', r.ctx)]),
      ),
      asOf: a.lastModified ?? row.actionDate ?? row.signed,
    },
  };
  return record;
}
