// Where each fact sits in a USAspending award detail (GET
// /api/v2/awards/<generated_unique_award_id>/). Two callers read that object:
// the index builder (api-json.ts: saved JSON → NormalizedRow) and sync
// (src/sync/usaspending-map.ts: a live response → AwardRecord). Keeping the
// paths in one place means a field the API moves or renames is fixed once and
// the bundled index and a synced award cannot drift apart.
//
// Reading one value is left to the caller on purpose: the builder's
// FieldReader reports every value it rejects against a file and line, and
// accepts the day-first dates of spreadsheet exports; sync has no line to
// report against and must not fail a whole run on one odd field. What each
// caller does with the facts (identifier normalisation, linking to index
// records) also stays with it.
//
// No node: imports here (and none in what this imports): sync runs in the
// extension, while ids.ts, which the builder uses, needs node:crypto.
import { coded } from './competition-codes.ts';
import type { Competition } from '../model/types.ts';
import type { RowSource } from './normalized-row.ts';
import { isJsonObject, type JsonObject } from '../model/json.ts';
import { awardPageAddress } from '../links/primary-sources.ts';

export type { JsonObject };

/** The value as an object, or an empty one: a missing or malformed branch reads as "no facts". */
export function jsonObject(v: unknown): JsonObject {
  return isJsonObject(v) ? v : {};
}

/** Typed reads of one JSON object's fields; src/index/fields.ts's FieldReader is one. */
export interface ValueReader {
  text(key: string): string | undefined;
  amount(key: string): number | undefined;
  integer(key: string): number | undefined;
  date(key: string): string | undefined;
}

/** The award detail's facts, as the caller's reader returned them (identifiers not yet normalised). */
export interface AwardDetailFacts {
  /** generated_unique_award_id; the caller decides whether it is usable. */
  key?: string;
  piid?: string;
  parentPiid?: string;
  /** `contract`, `idv`, …: the API's award category. */
  category?: string;
  obligation?: number;
  current?: number;
  ceiling?: number;
  signed?: string;
  start?: string;
  currentEnd?: string;
  potentialEnd?: string;
  lastModified?: string;
  agency: { code?: string; name?: string };
  subAgency: { code?: string; name?: string };
  recipient: { name?: string; uei?: string; duns?: string; parentName?: string; parentUei?: string; parentDuns?: string };
  description?: string;
  competition: Competition;
  pricing?: string;
}

/** What `obligation` means for every award read from the detail endpoint. */
export const AWARD_DETAIL_OBLIGATION_BASIS = 'total obligation (USAspending API award detail)';

/**
 * Reads every fact the index keeps. `readerOf` is called once per object, in a
 * fixed order (award, period of performance, recipient, parent award, toptier
 * agency, subtier agency, latest contract transaction), so a caller that
 * collects its readers' issues reports them in that order.
 */
export function readAwardDetail(detail: unknown, readerOf: (o: JsonObject) => ValueReader): AwardDetailFacts {
  const o = jsonObject(detail);
  const agency = jsonObject(o['awarding_agency']);
  const r = readerOf(o);
  const pop = readerOf(jsonObject(o['period_of_performance']));
  const rec = readerOf(jsonObject(o['recipient']));
  const parent = readerOf(jsonObject(o['parent_award']));
  const top = readerOf(jsonObject(agency['toptier_agency']));
  const sub = readerOf(jsonObject(agency['subtier_agency']));
  const c = readerOf(jsonObject(o['latest_transaction_contract_data']));
  return {
    key: r.text('generated_unique_award_id'),
    piid: r.text('piid'),
    parentPiid: parent.text('piid'),
    category: r.text('category'),
    obligation: r.amount('total_obligation'),
    current: r.amount('base_exercised_options'),
    ceiling: r.amount('base_and_all_options'),
    signed: r.date('date_signed'),
    start: pop.date('start_date'),
    currentEnd: pop.date('end_date'),
    potentialEnd: pop.date('potential_end_date'),
    lastModified: pop.date('last_modified_date'),
    agency: { code: top.text('code'), name: top.text('name') },
    subAgency: { code: sub.text('code'), name: sub.text('name') },
    recipient: {
      name: rec.text('recipient_name'),
      uei: rec.text('recipient_uei'),
      duns: rec.text('recipient_unique_id'),
      parentName: rec.text('parent_recipient_name'),
      parentUei: rec.text('parent_recipient_uei'),
      parentDuns: rec.text('parent_recipient_unique_id'),
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
  };
}

/** The public award page first (what a reader opens), then the API object the facts came from. */
export function awardDetailSources(key: string): RowSource[] {
  return [
    { url: awardPageAddress(key), title: `USAspending.gov award ${key}` },
    { url: `https://api.usaspending.gov/api/v2/awards/${encodeURIComponent(key)}/`, title: 'USAspending API award detail' },
  ];
}
