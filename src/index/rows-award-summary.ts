// Maps one row of today's award-summary layout (the USAspending bulk download,
// or a header-carrying subset such as recent-awards.csv with its extra
// `source_url`) to a NormalizedRow. Summary rows are cumulative: total
// obligated, current value (base + exercised options) and ceiling (all options).
// A row with a contract_award_unique_key is a government record (primary);
// one without is a fact reported by the page in `source_url` (reported).
import { FieldReader } from './fields.ts';
import {
  normalizeAgencyCode,
  normalizeDuns,
  normalizeUei,
  parseGeneratedId,
  reportedAwardKey,
} from './ids.ts';
import { awardPageAddress } from '../links/primary-sources.ts';
import { hostOf, type FileContext, type NormalizedRow, type RowSource } from './normalized-row.ts';
import { competitionColumns, type RowResult } from './rows-2018.ts';

const SUMMARY_MARK = /^\[summary\]\s*/i;

/** Reported rows name their vehicle in a bracket: "[...; vehicle: IDIQ]". */
function vehicleClass(description: string | undefined): 'idv' | 'other-transaction' | undefined {
  const v = description ? /vehicle:\s*([^;\]]+)/i.exec(description)?.[1] : undefined;
  if (!v) return undefined;
  if (/other transaction/i.test(v)) return 'other-transaction';
  if (/IDIQ|IDV|BPA|blanket purchase|enterprise agreement/i.test(v)) return 'idv';
  return undefined;
}

export function makeAwardSummaryMapper(header: string[], ctx: FileContext) {
  const index = new Map(header.map((c, i) => [c.trim(), i] as const));
  return (fields: string[], line: number): RowResult => {
    if (fields.length !== header.length) {
      return { reject: `expected ${header.length} columns, found ${fields.length}`, issues: [] };
    }
    const r = new FieldReader((c) => {
      const i = index.get(c);
      return i === undefined ? undefined : fields[i];
    });
    const key = r.text('contract_award_unique_key');
    const parsed = key ? parseGeneratedId(key) : undefined;
    if (key && !parsed) return { reject: `unrecognised contract_award_unique_key "${key}"`, issues: r.issues };
    const piid = r.text('award_id_piid') ?? parsed?.piid;
    const recipientName = r.text('recipient_name') ?? r.text('recipient_name_raw');
    const rawDescription = r.text('prime_award_base_transaction_description');
    const isSummary = rawDescription !== undefined && SUMMARY_MARK.test(rawDescription);
    const description = isSummary ? rawDescription?.replace(SUMMARY_MARK, '') : rawDescription;
    const obligation = r.amount('total_obligated_amount');
    const current = r.amount('current_total_value_of_award');
    const ceiling = r.amount('potential_total_value_of_award');
    const sourceUrl = r.text('source_url');
    if (!key && !sourceUrl) {
      return { reject: 'row has neither contract_award_unique_key nor source_url: no record to cite', issues: r.issues };
    }
    if (!piid && !recipientName && !description) {
      return { reject: 'row names no award, recipient or description', issues: r.issues };
    }
    const tier = key ? 'primary' : 'reported';
    const rowSources: RowSource[] = [];
    if (key) {
      const permalink = r.text('usaspending_permalink') ?? awardPageAddress(key);
      rowSources.push({ url: permalink, title: `USAspending.gov award ${key}` });
      if (sourceUrl) rowSources.push({ url: sourceUrl, title: `USAspending award data as shown by ${hostOf(sourceUrl)}` });
    } else if (sourceUrl) {
      rowSources.push({ url: sourceUrl, title: hostOf(sourceUrl) });
    }
    const awardKey = key ?? reportedAwardKey([sourceUrl, recipientName, rawDescription, obligation, current, ceiling]);
    const flag = r.text('award_or_idv_flag')?.toUpperCase();
    let obligationBasis: string | undefined;
    if (obligation !== undefined) {
      obligationBasis = key
        ? `total obligated amount of the award (USAspending award summary${sourceUrl ? `, as shown by ${hostOf(sourceUrl)}` : ''})`
        : `amount reported by ${hostOf(sourceUrl ?? '')}; not a government record`;
    }
    const row: NormalizedRow = {
      ctx,
      line,
      level: 'award',
      tier,
      awardKey,
      generatedId: key,
      piid,
      parentPiid: r.text('parent_award_id_piid') ?? parsed?.parentPiid,
      awardClass: parsed?.idv || flag === 'IDV' ? 'idv' : key ? 'award' : vehicleClass(rawDescription),
      obligation,
      obligationBasis,
      current,
      ceiling,
      signed: r.date('award_base_action_date'),
      actionDate: r.date('award_latest_action_date') ?? r.date('award_base_action_date'),
      start: r.date('period_of_performance_start_date'),
      currentEnd: r.date('period_of_performance_current_end_date'),
      potentialEnd: r.date('period_of_performance_potential_end_date'),
      lastModified: r.date('last_modified_date'),
      agency: { code: r.text('awarding_agency_code'), name: r.text('awarding_agency_name') },
      subAgency: { code: normalizeAgencyCode(r.text('awarding_sub_agency_code')), name: r.text('awarding_sub_agency_name') },
      recipient: {
        name: recipientName,
        uei: normalizeUei(r.text('recipient_uei')),
        duns: normalizeDuns(r.text('recipient_duns')),
        cage: r.text('cage_code'),
        parentName: r.text('recipient_parent_name'),
        parentUei: normalizeUei(r.text('recipient_parent_uei')),
        parentDuns: normalizeDuns(r.text('recipient_parent_duns')),
      },
      description,
      descriptionIsSummary: isSummary || undefined,
      competition: competitionColumns(r),
      pricing: r.text('type_of_contract_pricing'),
      rowSources,
    };
    return { row, issues: r.issues };
  };
}
