// USAspending API responses saved as JSON: `spending_by_award` search results
// and single-award detail objects. Both describe whole awards (cumulative
// values), straight from the government API, so their tier is primary.
import { coded } from './competition-codes.ts';
import { FieldReader } from './fields.ts';
import { normalizeAgencyCode, normalizeDuns, normalizeUei, parseGeneratedId, usaspendingAwardUrl } from './ids.ts';
import type { FileContext, NormalizedRow } from './normalized-row.ts';
import type { RowResult } from './rows-2018.ts';

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function reader(o: Obj): FieldReader {
  return new FieldReader((k) => {
    const v = o[k];
    return v === null || v === undefined ? undefined : typeof v === 'object' ? undefined : String(v);
  });
}

/** One `results[]` entry of POST /api/v2/search/spending_by_award/. Non-contract awards are `ignore`d. */
export function mapSearchResult(entry: unknown, index: number, ctx: FileContext): RowResult | { ignore: string } {
  const o = obj(entry);
  const r = reader(o);
  const key = r.text('generated_internal_id');
  if (!key) return { reject: 'result has no generated_internal_id', issues: [] };
  if (!key.startsWith('CONT_')) return { ignore: 'not a contract award' };
  const parsed = parseGeneratedId(key);
  if (!parsed) return { reject: `unrecognised generated_internal_id "${key}"`, issues: [] };
  const row: NormalizedRow = {
    ctx,
    line: index + 1,
    level: 'award',
    tier: 'primary',
    awardKey: key,
    generatedId: key,
    piid: r.text('Award ID') ?? parsed.piid,
    parentPiid: parsed.parentPiid,
    awardClass: parsed.idv ? 'idv' : 'award',
    obligation: r.amount('Award Amount'),
    obligationBasis: 'award amount (USAspending spending_by_award search)',
    signed: r.date('Base Obligation Date'),
    start: r.date('Start Date'),
    currentEnd: r.date('End Date'),
    lastModified: r.date('Last Modified Date'),
    agency: { name: r.text('Awarding Agency') },
    subAgency: { name: r.text('Awarding Sub Agency') },
    recipient: { name: r.text('Recipient Name'), uei: normalizeUei(r.text('Recipient UEI')) },
    description: r.text('Description'),
    competition: {},
    rowSources: [{ url: usaspendingAwardUrl(key), title: `USAspending.gov award ${key}` }],
  };
  return { row, issues: r.issues };
}

/** GET /api/v2/awards/<generated_unique_award_id>/ */
export function mapAwardDetail(entry: unknown, index: number, ctx: FileContext): RowResult {
  const o = obj(entry);
  const r = reader(o);
  const key = r.text('generated_unique_award_id');
  const parsed = key ? parseGeneratedId(key) : undefined;
  if (!key || !parsed) return { reject: `award detail without a usable generated_unique_award_id (${key ?? 'missing'})`, issues: [] };
  const pop = reader(obj(o['period_of_performance']));
  const rec = reader(obj(o['recipient']));
  const parent = reader(obj(o['parent_award']));
  const agency = obj(o['awarding_agency']);
  const top = reader(obj(agency['toptier_agency']));
  const sub = reader(obj(agency['subtier_agency']));
  const c = reader(obj(o['latest_transaction_contract_data']));
  const row: NormalizedRow = {
    ctx,
    line: index + 1,
    level: 'award',
    tier: 'primary',
    awardKey: key,
    generatedId: key,
    piid: r.text('piid') ?? parsed.piid,
    parentPiid: parent.text('piid') ?? parsed.parentPiid,
    awardClass: parsed.idv || r.text('category') === 'idv' ? 'idv' : 'award',
    obligation: r.amount('total_obligation'),
    obligationBasis: 'total obligation (USAspending API award detail)',
    current: r.amount('base_exercised_options'),
    ceiling: r.amount('base_and_all_options'),
    signed: r.date('date_signed'),
    start: pop.date('start_date'),
    currentEnd: pop.date('end_date'),
    potentialEnd: pop.date('potential_end_date'),
    lastModified: pop.date('last_modified_date'),
    agency: { code: top.text('code'), name: top.text('name') },
    subAgency: { code: normalizeAgencyCode(sub.text('code')), name: sub.text('name') },
    recipient: {
      name: rec.text('recipient_name'),
      uei: normalizeUei(rec.text('recipient_uei')),
      duns: normalizeDuns(rec.text('recipient_unique_id')),
      parentName: rec.text('parent_recipient_name'),
      parentUei: normalizeUei(rec.text('parent_recipient_uei')),
      parentDuns: normalizeDuns(rec.text('parent_recipient_unique_id')),
    },
    description: r.text('description'),
    competition: {
      extentCompeted: coded('extentCompeted', c.text('extent_competed'), c.text('extent_competed_description')),
      solicitationProcedures: coded('solicitationProcedures', c.text('solicitation_procedures'), c.text('solicitation_procedures_description')),
      fairOpportunity: coded('fairOpportunity', c.text('fair_opportunity_limited'), c.text('fair_opportunity_limited_description')),
      otherThanFullAndOpen: coded('otherThanFullAndOpen', c.text('other_than_full_and_open'), c.text('other_than_full_and_open_description')),
      offersReceived: c.integer('number_of_offers_received'),
      solicitationId: c.text('solicitation_identifier'),
    },
    pricing: c.text('type_of_contract_pricing_description') ?? c.text('type_of_contract_pricing'),
    rowSources: [
      { url: usaspendingAwardUrl(key), title: `USAspending.gov award ${key}` },
      { url: `https://api.usaspending.gov/api/v2/awards/${encodeURIComponent(key)}/`, title: 'USAspending API award detail' },
    ],
  };
  return { row, issues: [...r.issues, ...pop.issues, ...c.issues] };
}
