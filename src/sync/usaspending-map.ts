// GET /api/v2/awards/<id>/ → AwardRecord. The builder's api-json.ts maps the
// same object into its row model, but it pulls in node:crypto; this mapper
// shares the competition-code tables and id conventions and stays browser-safe.
import { coded } from '../index/competition-codes.ts';
import { agencyByCgac } from '../index/agency-table.ts';
import type { AwardRecord, Competition, IndexRecord } from '../model/types.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const text = (o: Obj, k: string): string | undefined => {
  const v = o[k];
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
};
const num = (o: Obj, k: string): number | undefined => {
  const v = o[k];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const date = (o: Obj, k: string): string | undefined => text(o, k)?.slice(0, 10).match(/^\d{4}-\d{2}-\d{2}$/)?.[0];

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
  const o = obj(detail);
  const key = text(o, 'generated_unique_award_id');
  const m = key ? /^CONT_(AWD|IDV)_([^_]+)_/.exec(key) : null;
  if (!key || !m) return undefined;
  const pop = obj(o['period_of_performance']);
  const rec = obj(o['recipient']);
  const parent = obj(o['parent_award']);
  const agency = obj(o['awarding_agency']);
  const top = obj(agency['toptier_agency']);
  const sub = obj(agency['subtier_agency']);
  const c = obj(o['latest_transaction_contract_data']);
  const uei = text(rec, 'recipient_uei')?.toUpperCase();
  const topCode = text(top, 'code');
  const topAgency = topCode ? (agencyByCgac(topCode.padStart(3, '0'))?.code ?? topCode) : undefined;
  const competition: Competition = drop({
    extentCompeted: coded('extentCompeted', text(c, 'extent_competed'), text(c, 'extent_competed_description')),
    solicitationProcedures: coded('solicitationProcedures', text(c, 'solicitation_procedures'), text(c, 'solicitation_procedures_description')),
    fairOpportunity: coded('fairOpportunity', text(c, 'fair_opportunity_limited'), text(c, 'fair_opportunity_limited_description')),
    otherThanFullAndOpen: coded('otherThanFullAndOpen', text(c, 'other_than_full_and_open'), text(c, 'other_than_full_and_open_description')),
    offersReceived: num(c, 'number_of_offers_received'),
    solicitationId: text(c, 'solicitation_identifier'),
  });
  const lastModified = date(pop, 'last_modified_date');
  const piid = text(o, 'piid') ?? m[2];
  return drop({
    id: `award:${key}`,
    kind: 'award' as const,
    name: piid ?? key,
    generatedId: key,
    piid,
    parentPiid: text(parent, 'piid'),
    awardClass: m[1] === 'IDV' ? ('idv' as const) : ('award' as const),
    vendorId: (uei && links.vendorIdByUei.get(uei)) ?? previous?.vendorId,
    recipientName: text(rec, 'recipient_name'),
    agencyId: (topAgency && links.agencyIdByCode.get(topAgency)) ?? previous?.agencyId,
    subAgencyId: ((s) => (s && links.agencyIdByCode.get(s)) ?? previous?.subAgencyId)(text(sub, 'code')),
    values: drop({
      obligated: num(o, 'total_obligation'),
      obligatedBasis: 'total obligation (USAspending API award detail)',
      current: num(o, 'base_exercised_options'),
      ceiling: num(o, 'base_and_all_options'),
    }),
    dates: drop({
      signed: date(o, 'date_signed'),
      start: date(pop, 'start_date'),
      currentEnd: date(pop, 'end_date'),
      potentialEnd: date(pop, 'potential_end_date'),
      lastModified,
    }),
    description: text(o, 'description'),
    competition,
    pricing: text(c, 'type_of_contract_pricing_description') ?? text(c, 'type_of_contract_pricing'),
    // The detail endpoint has no transaction list; keep the modifications we already hold.
    modifications: previous?.modifications ?? [],
    provenance: drop({
      tier: 'primary' as const,
      sources: [
        { url: `https://www.usaspending.gov/award/${encodeURIComponent(key)}/`, title: `USAspending.gov award ${key}`, retrieved },
        { url: `https://api.usaspending.gov/api/v2/awards/${encodeURIComponent(key)}/`, title: 'USAspending API award detail', retrieved },
      ],
      asOf: lastModified,
    }),
  }) as AwardRecord;
}
