// USAspending API responses saved as JSON: `spending_by_award` search results
// and single-award detail objects. Both describe whole awards (cumulative
// values), straight from the government API, so their tier is primary.
import { awardDetailSources, AWARD_DETAIL_OBLIGATION_BASIS, jsonObject, readAwardDetail, type JsonObject } from './award-detail.ts';
import { FieldReader } from './fields.ts';
import { normalizeAgencyCode, normalizeDuns, normalizeUei, parseGeneratedId } from './ids.ts';
import { awardPageAddress } from '../links/primary-sources.ts';
import type { FileContext, NormalizedRow } from './normalized-row.ts';
import type { RowResult } from './rows-2018.ts';

function reader(o: JsonObject): FieldReader {
  return new FieldReader((k) => {
    const v = o[k];
    return v === null || v === undefined ? undefined : typeof v === 'object' ? undefined : String(v);
  });
}

/** One `results[]` entry of POST /api/v2/search/spending_by_award/. Non-contract awards are `ignore`d. */
export function mapSearchResult(entry: unknown, index: number, ctx: FileContext): RowResult | { ignore: string } {
  const r = reader(jsonObject(entry));
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
    rowSources: [{ url: awardPageAddress(key), title: `USAspending.gov award ${key}` }],
  };
  return { row, issues: r.issues };
}

/** GET /api/v2/awards/<generated_unique_award_id>/: which field is where lives in award-detail.ts. */
export function mapAwardDetail(entry: unknown, index: number, ctx: FileContext): RowResult {
  // One FieldReader per object; their issues are reported in reading order.
  const readers: FieldReader[] = [];
  const d = readAwardDetail(entry, (o) => {
    const r = reader(o);
    readers.push(r);
    return r;
  });
  const key = d.key;
  const parsed = key ? parseGeneratedId(key) : undefined;
  if (!key || !parsed) return { reject: `award detail without a usable generated_unique_award_id (${key ?? 'missing'})`, issues: [] };
  const row: NormalizedRow = {
    ctx,
    line: index + 1,
    level: 'award',
    tier: 'primary',
    awardKey: key,
    generatedId: key,
    piid: d.piid ?? parsed.piid,
    parentPiid: d.parentPiid ?? parsed.parentPiid,
    awardClass: parsed.idv || d.category === 'idv' ? 'idv' : 'award',
    obligation: d.obligation,
    obligationBasis: AWARD_DETAIL_OBLIGATION_BASIS,
    current: d.current,
    ceiling: d.ceiling,
    signed: d.signed,
    start: d.start,
    currentEnd: d.currentEnd,
    potentialEnd: d.potentialEnd,
    lastModified: d.lastModified,
    agency: d.agency,
    subAgency: { code: normalizeAgencyCode(d.subAgency.code), name: d.subAgency.name },
    recipient: {
      name: d.recipient.name,
      uei: normalizeUei(d.recipient.uei),
      duns: normalizeDuns(d.recipient.duns),
      parentName: d.recipient.parentName,
      parentUei: normalizeUei(d.recipient.parentUei),
      parentDuns: normalizeDuns(d.recipient.parentDuns),
    },
    description: d.description,
    competition: d.competition,
    pricing: d.pricing,
    rowSources: awardDetailSources(key),
  };
  return { row, issues: readers.flatMap((r) => r.issues) };
}
