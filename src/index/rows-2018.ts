// Maps one row of the 2018 "prime award transactions" layout to a NormalizedRow.
// In this layout federal_action_obligation and base_and_(exercised|all)_options_value
// are this transaction's deltas, while current_/potential_total_value_of_award
// are the award's cumulative values as of this transaction.
import { TRANSACTION_2018_COLUMNS } from './columns-2018.ts';
import { coded } from './competition-codes.ts';
import { FieldReader, type FieldIssue } from './fields.ts';
import { contractAwardId, idvAwardId, normalizeAgencyCode, normalizeDuns } from './ids.ts';
import type { FileContext, NormalizedRow } from './normalized-row.ts';

const INDEX = new Map(TRANSACTION_2018_COLUMNS.map((c, i) => [c, i] as const));

export type RowResult = { row: NormalizedRow; issues: FieldIssue[] } | { reject: string; issues: FieldIssue[] };

export function map2018Row(fields: string[], line: number, ctx: FileContext): RowResult {
  if (fields.length !== TRANSACTION_2018_COLUMNS.length) {
    return { reject: `expected ${TRANSACTION_2018_COLUMNS.length} columns, found ${fields.length}`, issues: [] };
  }
  const r = new FieldReader((c) => {
    const i = INDEX.get(c);
    return i === undefined ? undefined : fields[i];
  });
  const piid = r.text('award_id_piid');
  if (!piid) return { reject: 'missing award_id_piid', issues: r.issues };
  const actionDate = r.date('action_date');
  if (!actionDate) {
    const why = r.issues.find((i) => i.column === 'action_date')?.reason ?? 'missing';
    return { reject: `action_date: ${why}`, issues: r.issues.filter((i) => i.column !== 'action_date') };
  }
  const subCode = normalizeAgencyCode(r.text('awarding_sub_agency_code'));
  if (!subCode) return { reject: 'missing awarding_sub_agency_code (needed for the award id)', issues: r.issues };
  const parentPiid = r.text('parent_award_id');
  const isIdv = r.text('award_or_idv_flag')?.toUpperCase() === 'IDV';
  const generatedId = isIdv
    ? idvAwardId(piid, subCode)
    : contractAwardId(piid, subCode, parentPiid, normalizeAgencyCode(r.text('parent_award_agency_id')));
  const fy = r.integer('fiscal_year');
  const lastModified = r.date('last_modified_date');
  const row: NormalizedRow = {
    ctx,
    line,
    level: 'transaction',
    tier: 'primary',
    awardKey: generatedId,
    generatedId,
    piid,
    parentPiid,
    awardClass: isIdv ? 'idv' : 'award',
    modNumber: r.text('modification_number') ?? '0',
    txnNumber: r.text('transaction_number'),
    obligation: r.amount('federal_action_obligation'),
    current: r.amount('current_total_value_of_award'),
    ceiling: r.amount('potential_total_value_of_award'),
    actionDate,
    start: r.date('period_of_performance_start_date'),
    currentEnd: r.date('period_of_performance_current_end_date'),
    potentialEnd: r.date('period_of_performance_potential_end_date'),
    lastModified,
    fiscalYear: fy,
    agency: { code: r.text('awarding_agency_code'), name: r.text('awarding_agency_name') },
    subAgency: { code: subCode, name: r.text('awarding_sub_agency_name') },
    recipient: {
      name: r.text('recipient_name'),
      duns: normalizeDuns(r.text('recipient_duns')),
      cage: r.text('cage_code'),
      parentName: r.text('recipient_parent_name'),
      parentDuns: normalizeDuns(r.text('recipient_parent_duns')),
    },
    description: r.text('award_description'),
    competition: competitionColumns(r),
    pricing: r.text('type_of_contract_pricing'),
    // The award page is added once per award when it is finalised, not once per row.
    rowSources: [],
  };
  return { row, issues: r.issues };
}

/**
 * The competition columns, named alike in the 2018 transaction layout and
 * today's award-summary layout: code columns beside their description text.
 */
export function competitionColumns(r: FieldReader): NormalizedRow['competition'] {
  return {
    extentCompeted: coded('extentCompeted', r.text('extent_competed_code'), r.text('extent_competed')),
    solicitationProcedures: coded('solicitationProcedures', r.text('solicitation_procedures_code'), r.text('solicitation_procedures')),
    fairOpportunity: coded('fairOpportunity', r.text('fair_opportunity_limited_sources_code'), r.text('fair_opportunity_limited_sources')),
    otherThanFullAndOpen: coded('otherThanFullAndOpen', r.text('other_than_full_and_open_competition_code'), r.text('other_than_full_and_open_competition')),
    offersReceived: r.integer('number_of_offers_received'),
    solicitationId: r.text('solicitation_identifier'),
  };
}
