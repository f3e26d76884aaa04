// GET /api/v2/awards/<id>/ → AwardRecord. Where each fact sits in the response
// is read by src/index/award-detail.ts, which the builder's api-json.ts shares,
// so a synced award carries the same facts as a bundled one. Values are read
// leniently here (no issue list: a live response has no file line to report,
// and one odd field must not fail a sync run), and nothing here may pull in
// node: modules, because sync runs in the extension.
import { agencyByCgac } from '../index/agency-table.ts';
import { parseDate } from '../index/dates.ts';
import { AWARD_DETAIL_OBLIGATION_BASIS, awardDetailSources, readAwardDetail, type JsonObject, type ValueReader } from '../index/award-detail.ts';
import type { AwardRecord, IndexRecord } from '../model/types.ts';

type Obj = JsonObject;
const text = (o: Obj, k: string): string | undefined => {
  const v = o[k];
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
};
const num = (o: Obj, k: string): number | undefined => {
  const v = o[k];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
// An ISO day that exists: "2022-02-30" from a faulty response is no date, never a guess.
const date = (o: Obj, k: string): string | undefined => {
  const day = text(o, k)?.slice(0, 10);
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const r = parseDate(day);
  return r.ok ? r.iso : undefined;
};
/** Amounts and counts alike are plain numbers; dates keep their ISO day (the API adds a time). */
const lenient = (o: Obj): ValueReader => ({ text: (k) => text(o, k), amount: (k) => num(o, k), integer: (k) => num(o, k), date: (k) => date(o, k) });

/** Lookups into the live index, so updated awards link to the vendors and agencies already there. */
export interface IndexLinks {
  vendorIdByUei: Map<string, string>;
  agencyIdByCode: Map<string, string>;
}

export function indexLinks(records: readonly IndexRecord[]): IndexLinks {
  const vendorIdByUei = new Map<string, string>();
  const agencyIdByCode = new Map<string, string>();
  for (const r of records) {
    if (r.kind === 'vendor' && r.identifiers.uei) vendorIdByUei.set(r.identifiers.uei.toUpperCase(), r.id);
    if (r.kind === 'agency' && r.code) agencyIdByCode.set(r.code, r.id);
  }
  return { vendorIdByUei, agencyIdByCode };
}

function drop<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function mapAwardDetail(detail: unknown, links: IndexLinks, retrieved: string, previous?: AwardRecord): AwardRecord | undefined {
  const d = readAwardDetail(detail, lenient);
  const key = d.key;
  const m = key ? /^CONT_(AWD|IDV)_([^_]+)_/.exec(key) : null;
  if (!key || !m) return undefined;
  const uei = d.recipient.uei?.toUpperCase();
  const topCode = d.agency.code;
  const topAgency = topCode ? (agencyByCgac(topCode.padStart(3, '0'))?.code ?? topCode) : undefined;
  const piid = d.piid ?? m[2];
  return drop({
    id: `award:${key}`,
    kind: 'award' as const,
    name: piid ?? key,
    generatedId: key,
    piid,
    parentPiid: d.parentPiid,
    awardClass: m[1] === 'IDV' ? ('idv' as const) : ('award' as const),
    vendorId: (uei && links.vendorIdByUei.get(uei)) ?? previous?.vendorId,
    recipientName: d.recipient.name,
    agencyId: (topAgency && links.agencyIdByCode.get(topAgency)) ?? previous?.agencyId,
    subAgencyId: ((s) => (s && links.agencyIdByCode.get(s)) ?? previous?.subAgencyId)(d.subAgency.code),
    values: drop({
      obligated: d.obligation,
      obligatedBasis: AWARD_DETAIL_OBLIGATION_BASIS,
      current: d.current,
      ceiling: d.ceiling,
    }),
    dates: drop({
      signed: d.signed,
      start: d.start,
      currentEnd: d.currentEnd,
      potentialEnd: d.potentialEnd,
      lastModified: d.lastModified,
    }),
    description: d.description,
    competition: drop({ ...d.competition }),
    pricing: d.pricing,
    // The detail endpoint has no transaction list; keep the modifications we already hold.
    modifications: previous?.modifications ?? [],
    provenance: drop({
      tier: 'primary' as const,
      sources: awardDetailSources(key).map((s) => ({ ...s, retrieved })),
      asOf: d.lastModified,
    }),
  }) as AwardRecord;
}
