// FPDS competition codes in plain language, English and German (our own
// phrasing). A reader asking "was this competed?" needs extent_competed, the
// fair-opportunity exception of an order and the number of offers together.
import type { Coded, Competition } from '../model/types.ts';

export interface CodeMeaning {
  en: string;
  de: string;
}

export type CompetitionField =
  | 'extentCompeted'
  | 'solicitationProcedures'
  | 'otherThanFullAndOpen'
  | 'fairOpportunity';

export const EXTENT_COMPETED: Record<string, CodeMeaning> = {
  A: { en: 'full and open competition', de: 'vollständiger und offener Wettbewerb' },
  B: { en: 'not available for competition', de: 'für einen Wettbewerb nicht verfügbar' },
  C: { en: 'not competed', de: 'ohne Wettbewerb vergeben' },
  D: { en: 'full and open competition after some sources were excluded', de: 'offener Wettbewerb, nachdem bestimmte Anbieter ausgeschlossen wurden' },
  E: { en: 'follow-on to a competed action', de: 'Anschlussauftrag an eine im Wettbewerb vergebene Leistung' },
  F: { en: 'competed under simplified acquisition procedures', de: 'im vereinfachten Vergabeverfahren mit Wettbewerb vergeben' },
  G: { en: 'not competed under simplified acquisition procedures', de: 'im vereinfachten Vergabeverfahren ohne Wettbewerb vergeben' },
  CDO: { en: 'competitive delivery order', de: 'im Wettbewerb vergebener Abruf (Lieferauftrag)' },
  NDO: { en: 'non-competitive delivery order', de: 'ohne Wettbewerb vergebener Abruf (Lieferauftrag)' },
};

export const SOLICITATION_PROCEDURES: Record<string, CodeMeaning> = {
  NP: { en: 'negotiated proposal or quote', de: 'Verhandlungsverfahren mit Angeboten' },
  SB: { en: 'sealed bidding', de: 'förmliche Ausschreibung mit verschlossenen Geboten' },
  TS: { en: 'two-step sealed bidding', de: 'zweistufige förmliche Ausschreibung' },
  SP1: { en: 'simplified acquisition', de: 'vereinfachtes Vergabeverfahren' },
  AE: { en: 'architect-engineer selection', de: 'Auswahlverfahren für Architekten- und Ingenieurleistungen' },
  BR: { en: 'basic research', de: 'Grundlagenforschung' },
  AS: { en: 'alternative sources', de: 'alternative Bezugsquellen' },
  SSS: { en: 'only one source solicited', de: 'nur ein Anbieter angefragt' },
  MAFO: { en: 'order under a multiple-award contract, subject to fair opportunity', de: 'Abruf aus einem Rahmenvertrag mit mehreren Auftragnehmern, mit Anspruch auf faire Beteiligung' },
};

export const OTHER_THAN_FULL_AND_OPEN: Record<string, CodeMeaning> = {
  ONE: { en: 'only one responsible source (FAR 6.302-1)', de: 'nur ein geeigneter Anbieter (FAR 6.302-1)' },
  URG: { en: 'unusual and compelling urgency (FAR 6.302-2)', de: 'außergewöhnliche und zwingende Dringlichkeit (FAR 6.302-2)' },
  UNQ: { en: 'unique source', de: 'einzigartige Bezugsquelle' },
  FOC: { en: 'follow-on contract', de: 'Anschlussvertrag' },
  UT: { en: 'utilities', de: 'Versorgungsleistungen' },
  STD: { en: 'standardization', de: 'Standardisierung' },
  PDR: { en: 'patent or data rights', de: 'Patent- oder Datenrechte' },
  BND: { en: 'brand name description', de: 'Vorgabe einer bestimmten Marke' },
  MES: { en: 'industrial mobilization or essential research and development', de: 'industrielle Mobilmachung oder unverzichtbare Forschung und Entwicklung' },
  IA: { en: 'international agreement', de: 'internationale Vereinbarung' },
  OTH: { en: 'authorized or required by statute', de: 'durch Gesetz erlaubt oder vorgeschrieben' },
  RES: { en: 'authorized for resale', de: 'zum Weiterverkauf zugelassen' },
  NS: { en: 'national security', de: 'nationale Sicherheit' },
  PI: { en: 'public interest', de: 'öffentliches Interesse' },
  SP2: { en: 'not competed under simplified acquisition procedures', de: 'im vereinfachten Vergabeverfahren ohne Wettbewerb' },
  MPT: { en: 'at or below the micro-purchase threshold', de: 'Kleinstbeschaffung unterhalb der Wertgrenze' },
};

export const FAIR_OPPORTUNITY: Record<string, CodeMeaning> = {
  FAIR: { en: 'fair opportunity given: other contract holders could compete', de: 'faire Beteiligung gewährt: andere Vertragspartner konnten mitbieten' },
  ONE: { en: 'exception: only one source', de: 'Ausnahme: nur ein Anbieter' },
  URG: { en: 'exception: urgency', de: 'Ausnahme: Dringlichkeit' },
  FOO: { en: 'exception: follow-on order after a competed initial order', de: 'Ausnahme: Anschlussabruf nach einem im Wettbewerb vergebenen Erstabruf' },
  MG: { en: 'exception: minimum guarantee', de: 'Ausnahme: zugesicherte Mindestabnahme' },
  OSA: { en: 'exception: other statutory authority', de: 'Ausnahme: andere gesetzliche Grundlage' },
  CSA: { en: 'competitive set-aside', de: 'Wettbewerb unter vorbehaltenen Anbietern' },
  SS: { en: 'sole source', de: 'Vergabe an einen einzigen Anbieter' },
};

export const COMPETITION_CODES: Record<CompetitionField, Record<string, CodeMeaning>> = {
  extentCompeted: EXTENT_COMPETED,
  solicitationProcedures: SOLICITATION_PROCEDURES,
  otherThanFullAndOpen: OTHER_THAN_FULL_AND_OPEN,
  fairOpportunity: FAIR_OPPORTUNITY,
};

export function describeCode(field: CompetitionField, code: string): CodeMeaning | undefined {
  return COMPETITION_CODES[field][code];
}

/** The descriptions FPDS/USAspending print next to each code (as seen in exports). */
const RECORDED_TEXT: Record<CompetitionField, Record<string, string>> = {
  extentCompeted: {
    'FULL AND OPEN COMPETITION': 'A',
    'NOT AVAILABLE FOR COMPETITION': 'B',
    'NOT COMPETED': 'C',
    'FULL AND OPEN COMPETITION AFTER EXCLUSION OF SOURCES': 'D',
    'FOLLOW ON TO COMPETED ACTION': 'E',
    'COMPETED UNDER SAP': 'F',
    'NOT COMPETED UNDER SAP': 'G',
    'COMPETITIVE DELIVERY ORDER': 'CDO',
    'NON-COMPETITIVE DELIVERY ORDER': 'NDO',
  },
  solicitationProcedures: {
    'NEGOTIATED PROPOSAL/QUOTE': 'NP',
    'SEALED BID': 'SB',
    'TWO STEP': 'TS',
    'SIMPLIFIED ACQUISITION': 'SP1',
    'ONLY ONE SOURCE': 'SSS',
    'SUBJECT TO MULTIPLE AWARD FAIR OPPORTUNITY': 'MAFO',
  },
  otherThanFullAndOpen: {
    'ONLY ONE SOURCE - OTHER': 'ONE',
    'ONLY ONE RESPONSIBLE SOURCE': 'ONE',
    URGENCY: 'URG',
    'UNUSUAL AND COMPELLING URGENCY': 'URG',
    'UNIQUE SOURCE': 'UNQ',
    'FOLLOW-ON CONTRACT': 'FOC',
    'AUTHORIZED BY STATUTE': 'OTH',
    'BRAND NAME DESCRIPTION': 'BND',
    'PATENT/DATA RIGHTS': 'PDR',
    'SAP NON-COMPETITION': 'SP2',
    'MOBILIZATION, ESSENTIAL R&D': 'MES',
    'NATIONAL SECURITY': 'NS',
  },
  fairOpportunity: {
    'FAIR OPPORTUNITY GIVEN': 'FAIR',
    'ONLY ONE SOURCE - OTHER': 'ONE',
    URGENCY: 'URG',
    'FOLLOW-ON ACTION FOLLOWING COMPETITIVE INITIAL ACTION': 'FOO',
    'MINIMUM GUARANTEE': 'MG',
    'OTHER STATUTORY AUTHORITY': 'OSA',
    'COMPETITIVE SET ASIDE': 'CSA',
    'SOLE SOURCE': 'SS',
  },
};

/**
 * Maps a description (as some sources give instead of a code) to its code, only
 * where that is unambiguous: the exact FPDS wording, optionally followed by a
 * parenthetical or a FAR citation we recognise. Anything else stays unmapped.
 */
export function codeFromText(field: CompetitionField, text: string): string | undefined {
  const norm = text.toUpperCase().replace(/\s+/g, ' ').trim();
  const table = RECORDED_TEXT[field];
  const exact = table[norm];
  if (exact) return exact;
  if (field === 'otherThanFullAndOpen') {
    // A FAR citation names the authority outright; 6.302-2 is urgency only.
    if (/\b6\.302-2\b/.test(norm) && !/\b6\.302-[13-7]\b/.test(norm)) return 'URG';
    const stripped = norm.replace(/^FAR 6\.302-1\s*/, '').replace(/[()]/g, '').trim();
    if (/^FAR 6\.302-1\b/.test(norm) && table[stripped] === 'ONE') return 'ONE';
    const lead = norm.replace(/\s*\(.*\)\s*$/, '');
    if (lead !== norm && table[lead]) return table[lead];
  }
  return undefined;
}

const interned = new Map<string, Coded>();

/**
 * Builds a Coded value from a code column and its description column. Values
 * are shared (there are few distinct ones), so a million transactions do not
 * hold a million copies; treat them as read-only.
 */
export function coded(field: CompetitionField, code: string | undefined, text: string | undefined): Coded | undefined {
  if (!code && !text) return undefined;
  const key = `${field}\u0000${code ?? ''}\u0000${text ?? ''}`;
  const hit = interned.get(key);
  if (hit) return hit;
  let value: Coded;
  if (code) value = text ? { code, recorded: text } : { code };
  else value = { code: codeFromText(field, text ?? '') ?? '', recorded: text };
  if (interned.size < 50_000) interned.set(key, value);
  return value;
}

/** A cheap identity for comparing competition facts. */
export function competitionKey(c: Competition | undefined): string {
  if (!c) return '';
  const k = (x: Coded | undefined) => (x ? `${x.code}\u0001${x.recorded ?? ''}` : '');
  return [k(c.extentCompeted), k(c.fairOpportunity), k(c.otherThanFullAndOpen), k(c.solicitationProcedures), c.offersReceived ?? '', c.solicitationId ?? ''].join('\u0002');
}
