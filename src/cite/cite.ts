// Citations for the primary record behind a fact, in APA (7th), MLA (9th)
// and Chicago (17th, bibliography entry) as plain text, and as CSL-JSON for
// reference managers. DOM-free: the popover copies them, the side panel and
// the CLI export them. Dates are ISO (YYYY-MM-DD) in, style-formatted out.
import type { IndexRecord } from '../model/types.ts';
import { citedSource, type CitedSource } from './source.ts';

export type CiteStyle = 'apa' | 'mla' | 'chicago';
export type CiteLang = 'en' | 'de';

const MONTHS: Record<CiteLang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};
// MLA abbreviates months longer than four letters ("Sept." is MLA's form).
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const MLA_MONTHS_DE = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];

interface Ymd {
  y: number;
  m?: number;
  d?: number;
}

export function parseIsoDate(iso: string | undefined): Ymd | undefined {
  const m = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!m) return undefined;
  const out: Ymd = { y: Number(m[1]) };
  if (m[2]) out.m = Number(m[2]);
  if (m[3]) out.d = Number(m[3]);
  if (out.m !== undefined && (out.m < 1 || out.m > 12)) return { y: out.y };
  return out;
}

/** "November 29, 2026" / "29. November 2026" */
function longDate(x: Ymd, lang: CiteLang): string {
  if (x.m === undefined) return String(x.y);
  const month = MONTHS[lang][x.m - 1]!;
  if (x.d === undefined) return `${month} ${x.y}`;
  return lang === 'de' ? `${x.d}. ${month} ${x.y}` : `${month} ${x.d}, ${x.y}`;
}

/** "29 Nov. 2026" (MLA) */
function mlaDate(x: Ymd, lang: CiteLang): string {
  if (x.m === undefined) return String(x.y);
  const month = (lang === 'de' ? MLA_MONTHS_DE : MLA_MONTHS)[x.m - 1]!;
  return x.d === undefined ? `${month} ${x.y}` : `${x.d}${lang === 'de' ? '.' : ''} ${month} ${x.y}`;
}

/** APA's "(2022, September 26)" date part, or "(n.d.)". */
function apaDate(x: Ymd | undefined, lang: CiteLang): string {
  if (!x) return lang === 'de' ? '(o. D.)' : '(n.d.)';
  if (x.m === undefined) return `(${x.y})`;
  const month = MONTHS[lang][x.m - 1]!;
  if (x.d === undefined) return `(${x.y}, ${month})`;
  return lang === 'de' ? `(${x.y}, ${x.d}. ${month})` : `(${x.y}, ${month} ${x.d})`;
}

const stripProtocol = (url: string) => url.replace(/^https?:\/\//, '');
const endDot = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

function apa(s: CitedSource, accessed: Ymd, lang: CiteLang): string {
  const de = lang === 'de';
  const kind = s.type === 'dataset' ? (de ? ' [Datensatz]' : ' [Data set]') : '';
  const parts = [`${endDot(s.author)} ${apaDate(parseIsoDate(s.issued), lang)}.`, `${s.title}${kind}.`];
  if (s.publisher && s.publisher !== s.author) parts.push(endDot(s.publisher));
  if (s.url) parts.push(de ? `Abgerufen am ${longDate(accessed, lang)}, von ${s.url}` : `Retrieved ${longDate(accessed, lang)}, from ${s.url}`);
  return parts.join(' ');
}

function mla(s: CitedSource, accessed: Ymd, lang: CiteLang): string {
  const de = lang === 'de';
  const issued = parseIsoDate(s.issued);
  const container = [s.site, s.publisher && s.publisher !== s.site ? s.publisher : undefined, issued ? mlaDate(issued, lang) : undefined, s.url ? stripProtocol(s.url) : undefined]
    .filter(Boolean)
    .join(', ');
  return `“${endDot(s.title)}” ${endDot(container)} ${de ? 'Zugriff am' : 'Accessed'} ${mlaDate(accessed, lang)}.`;
}

function chicago(s: CitedSource, accessed: Ymd, lang: CiteLang): string {
  const de = lang === 'de';
  const issued = parseIsoDate(s.issued);
  const parts = [endDot(s.author), `“${endDot(s.title)}”`];
  if (s.publisher && s.publisher !== s.author) parts.push(endDot(s.publisher));
  if (issued) parts.push(`${de ? 'Zuletzt geändert am' : 'Last modified'} ${longDate(issued, lang)}.`);
  parts.push(`${de ? 'Abgerufen am' : 'Accessed'} ${longDate(accessed, lang)}.`);
  if (s.url) parts.push(s.url + '.');
  return parts.join(' ');
}

/** A citation of the primary record behind `record`, accessed on `accessDate` (YYYY-MM-DD). */
export function citeRecord(record: IndexRecord, style: CiteStyle, accessDate: string, lang: CiteLang = 'en'): string {
  const accessed = parseIsoDate(accessDate);
  if (!accessed) throw new Error(`access date must be YYYY-MM-DD, got "${accessDate}"`);
  const s = citedSource(record, lang);
  if (style === 'apa') return apa(s, accessed, lang);
  if (style === 'mla') return mla(s, accessed, lang);
  return chicago(s, accessed, lang);
}

function dateParts(x: Ymd): { 'date-parts': number[][] } {
  return { 'date-parts': [[x.y, ...(x.m !== undefined ? [x.m, ...(x.d !== undefined ? [x.d] : [])] : [])]] };
}

/** The same source as one CSL-JSON item (citeproc, Zotero, Pandoc). */
export function cslJson(record: IndexRecord, accessDate: string): Record<string, unknown> {
  const accessed = parseIsoDate(accessDate);
  if (!accessed) throw new Error(`access date must be YYYY-MM-DD, got "${accessDate}"`);
  const s = citedSource(record, 'en');
  const issued = parseIsoDate(s.issued);
  const item: Record<string, unknown> = {
    id: record.id,
    type: s.type,
    title: s.title,
    author: [{ literal: s.author }],
    'container-title': s.site,
    accessed: dateParts(accessed),
  };
  if (s.publisher) item.publisher = s.publisher;
  if (s.url) item.URL = s.url;
  if (issued) item.issued = dateParts(issued);
  if (s.number) item.number = s.number;
  item.note = record.provenance.tier === 'primary' ? 'Government record' : 'Reported by a named secondary source';
  return item;
}
