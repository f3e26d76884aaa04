// "How was it competed?" in one plain sentence, built from every competition
// field together: an order can show extent_competed = A and still be placed
// with one source, so the fair-opportunity field speaks first for orders.
import type { Coded, Competition } from '../model/types.ts';
import { describeCode, type CompetitionField } from '../index/competition-codes.ts';
import type { Lang } from './format.ts';

const COMPETED = new Set(['A', 'D', 'E', 'F', 'CDO']);
const NOT_COMPETED = new Set(['B', 'C', 'G', 'NDO']);

function meaning(field: CompetitionField, code: string, lang: Lang): string | undefined {
  return describeCode(field, code)?.[lang];
}

/** Our phrasing for a known code, else the text recorded with it, else the bare code. */
function meaningOrRecorded(field: CompetitionField, coded: Coded, lang: Lang): string {
  return meaning(field, coded.code, lang) ?? (coded.recorded || coded.code);
}

function vehicle(parentPiid: string | undefined, lang: Lang): string {
  if (!parentPiid) return lang === 'de' ? 'einem Rahmenvertrag' : 'a contract vehicle';
  if (/^GS/i.test(parentPiid)) return lang === 'de' ? `GSA-Rahmenvertrag ${parentPiid}` : `GSA schedule ${parentPiid}`;
  return parentPiid;
}

function offers(n: number | undefined, lang: Lang): string {
  if (n === undefined) return '';
  if (lang === 'de') return n === 1 ? ' 1 Angebot.' : ` ${n} Angebote.`;
  return n === 1 ? ' 1 offer.' : ` ${n} offers.`;
}

/** The plain sentence, or undefined when the record holds no competition field at all. */
export function competitionSentence(c: Competition, parentPiid: string | undefined, lang: Lang = 'en'): string | undefined {
  // A field counts when it holds a code or only the recorded text (an
  // unmapped description is stored with code ''), so it is never dropped.
  const present = (x: Coded | undefined): x is Coded => !!x && !!(x.code || x.recorded);
  const foField = present(c.fairOpportunity) ? c.fairOpportunity : undefined;
  const othField = present(c.otherThanFullAndOpen) ? c.otherThanFullAndOpen : undefined;
  const fo = foField?.code;
  const ec = c.extentCompeted?.code;
  let s: string | undefined;
  if (foField) {
    const where = lang === 'de' ? `Abruf aus ${vehicle(parentPiid, lang)}` : `Order under ${vehicle(parentPiid, lang)}`;
    if (fo === 'FAIR') {
      s = lang === 'de' ? `${where}, mit fairer Beteiligung der anderen Vertragspartner.` : `${where}, placed with fair opportunity for the other holders.`;
    } else {
      const why = meaningOrRecorded('fairOpportunity', foField, lang).replace(/^(exception|Ausnahme): /, '');
      s = lang === 'de' ? `${where}, ohne faire Beteiligung vergeben: ${why}.` : `${where}, placed without fair opportunity: ${why}.`;
    }
  } else if (ec && NOT_COMPETED.has(ec)) {
    const why = othField ? meaningOrRecorded('otherThanFullAndOpen', othField, lang) : undefined;
    s = lang === 'de' ? `Ohne Wettbewerb vergeben${why ? `: ${why}` : ''}.` : `Not competed${why ? `: ${why}` : ''}.`;
  } else if (ec && COMPETED.has(ec) && parentPiid) {
    // An order whose fair-opportunity field is empty: the extent code alone
    // cannot tell whether the order itself was competed, so say what is recorded.
    const what = meaning('extentCompeted', ec, lang) ?? ec;
    s =
      lang === 'de'
        ? `Abruf aus ${vehicle(parentPiid, lang)}, erfasst als ${what}; das Feld zur fairen Beteiligung ist leer.`
        : `Order under ${vehicle(parentPiid, lang)}, recorded as ${what}; the fair-opportunity field is empty.`;
  } else if (ec && COMPETED.has(ec)) {
    const what = meaning('extentCompeted', ec, lang) ?? ec;
    s = lang === 'de' ? `Im Wettbewerb vergeben: ${what}.` : `Competed: ${what}.`;
  } else if (present(c.extentCompeted)) {
    s = lang === 'de' ? `Wettbewerb laut Datensatz: ${c.extentCompeted?.recorded ?? ec}.` : `Competition as recorded: ${c.extentCompeted?.recorded ?? ec}.`;
  } else if (c.offersReceived === undefined) {
    return undefined;
  } else {
    s = lang === 'de' ? 'Die Art des Wettbewerbs ist nicht angegeben.' : 'How it was competed is not stated.';
  }
  return s + offers(c.offersReceived, lang);
}

const FIELD_LABEL: Record<CompetitionField, { en: string; de: string }> = {
  extentCompeted: { en: 'Extent competed', de: 'Wettbewerbsumfang' },
  fairOpportunity: { en: 'Fair opportunity', de: 'Faire Beteiligung' },
  otherThanFullAndOpen: { en: 'Legal reason for no full competition', de: 'Rechtsgrund für fehlenden offenen Wettbewerb' },
  solicitationProcedures: { en: 'Solicitation procedure', de: 'Vergabeverfahren' },
};

/** The sentence first, then one line per recorded code for readers who want them. */
export function competitionLines(c: Competition, parentPiid?: string, lang: Lang = 'en'): string[] {
  const sentence = competitionSentence(c, parentPiid, lang);
  if (!sentence) return [];
  const lines = [sentence];
  for (const field of Object.keys(FIELD_LABEL) as CompetitionField[]) {
    const coded = c[field];
    if (!coded || !(coded.code || coded.recorded)) continue;
    const m = coded.code ? meaning(field, coded.code, lang) : undefined;
    lines.push(`${FIELD_LABEL[field][lang]}: ${[coded.code, m ?? coded.recorded].filter(Boolean).join(' — ')}`);
  }
  if (c.solicitationId) lines.push(`${lang === 'de' ? 'Ausschreibungsnummer' : 'Solicitation'}: ${c.solicitationId}`);
  return lines;
}
