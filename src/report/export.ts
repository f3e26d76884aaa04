// Exports of a page report: Markdown for people, CSV for spreadsheets, JSON
// for machines and citations for footnotes. DOM-free, so the side panel, the
// review page and tests share one implementation. Every export carries the
// page (URL or file), the date and the index version, so it can be reproduced.
import type { AwardRecord, IndexRecord } from '../model/types.ts';
import { usaspendingAwardUrl } from '../links/primary-sources.ts';
import { compareAwards } from '../query/describe.ts';
import { citeRecord, cslJson, type CiteStyle } from '../cite/index.ts';
import { formatDate, formatUsd, type Lang } from './format.ts';
import type { Mention, Report } from './types.ts';

/** One entity as the report lists it: the record (if the index holds it) and where it is mentioned. */
export interface EntityEntry {
  id: string;
  record: IndexRecord | undefined;
  kind: Mention['kind'];
  /** Indexes into `report.mentions`, in page order. */
  mentions: number[];
}

/** Every mention that resolves to an id, grouped by entity in order of first mention. */
export function entityEntries(report: Report): EntityEntry[] {
  const byId = new Map<string, EntityEntry>();
  (report.mentions ?? []).forEach((m, i) => {
    if (!m.id) return;
    let e = byId.get(m.id);
    if (!e) {
      e = { id: m.id, record: report.entities?.[m.id], kind: m.kind, mentions: [] };
      byId.set(m.id, e);
    }
    e.mentions.push(i);
  });
  return [...byId.values()];
}

/** Mentions that resolve to no record: amounts, and contract numbers the index doesn't hold. */
export function unresolvedMentions(report: Report): number[] {
  return (report.mentions ?? []).flatMap((m, i) => (m.id ? [] : [i]));
}

/** Every award the report shows (the records it carries), government records first, then largest. */
export function awardsShown(report: Report): AwardRecord[] {
  return Object.values(report.entities ?? {})
    .filter((r): r is AwardRecord => r?.kind === 'award')
    .sort(compareAwards);
}

export function tierLabel(r: IndexRecord, lang: Lang): string {
  if (r.provenance.tier === 'primary') return lang === 'de' ? 'Regierungsdatensatz' : 'government record';
  const s = r.provenance.sources[0];
  const by = lang === 'de' ? 'berichtet von' : 'reported by';
  return s ? `${by} ${s.title}` : by.split(' ')[0]!;
}

/** The page the report is about: its URL, else the file, else nothing. */
export function reportSource(report: Report): string {
  return report.source?.url ?? report.source?.file ?? '';
}

const L = {
  en: {
    title: 'Receipts report', page: 'Page', date: 'Date', index: 'Index', dataAsOf: 'data as of',
    entities: 'Entities', mentions: 'mentions', noRecord: 'The index holds no record for it.',
    awards: 'Awards shown', piid: 'PIID', recipient: 'Recipient', obligated: 'Obligated', current: 'Current value',
    ceiling: 'Ceiling (not money paid)', period: 'Period', source: 'Source', loaded: 'Loaded language',
    claims: 'Claims', none: 'None.', unresolved: 'Amounts and numbers without a record', why: 'why', at: 'at',
  },
  de: {
    title: 'Receipts-Bericht', page: 'Seite', date: 'Datum', index: 'Index', dataAsOf: 'Daten vom',
    entities: 'Einträge', mentions: 'Erwähnungen', noRecord: 'Der Index enthält keinen Datensatz dazu.',
    awards: 'Gezeigte Aufträge', piid: 'PIID', recipient: 'Empfänger', obligated: 'Gebunden', current: 'Aktueller Wert',
    ceiling: 'Obergrenze (kein gezahltes Geld)', period: 'Laufzeit', source: 'Quelle', loaded: 'Wertende Sprache',
    claims: 'Aussagen', none: 'Keine.', unresolved: 'Beträge und Nummern ohne Datensatz', why: 'warum', at: 'bei',
  },
} as const;

/** Escapes Markdown's inline syntax so page text cannot become links, emphasis or HTML. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
}

function money(v: number | undefined, lang: Lang): string {
  return v === undefined ? '—' : formatUsd(v, lang);
}

export function toMarkdown(report: Report, lang: Lang = 'en'): string {
  const t = L[lang];
  const out: string[] = [`# ${t.title}`, ''];
  const src = reportSource(report);
  if (src) out.push(`- ${t.page}: ${md(src)}`);
  out.push(`- ${t.date}: ${report.generated}`);
  const ix = report.index;
  out.push(`- ${t.index}: ${md(ix?.version ?? '?')} (${t.dataAsOf} ${ix?.dataAsOf ?? ix?.created ?? '?'})`, '');

  out.push(`## ${t.entities}`, '');
  const entries = entityEntries(report);
  if (entries.length === 0) out.push(t.none, '');
  for (const e of entries) {
    const first = report.mentions[e.mentions[0]!]!;
    const name = e.record?.name ?? first.text;
    out.push(`### ${md(name)}`, '');
    out.push(`- ${first.kind} · ${e.mentions.length} ${t.mentions}${e.record ? ` · ${tierLabel(e.record, lang)}` : ''}`);
    if (!e.record) out.push(`- ${t.noRecord}`);
    out.push(`- ${t.why}: ${md(first.reason?.explanation ?? '')}`);
    for (const i of e.mentions) {
      const m = report.mentions[i]!;
      out.push(`  - “${md(m.text)}” ${t.at} ${m.start}–${m.end} (${Math.round(m.confidence * 100)} %)`);
    }
    out.push('');
  }
  const loose = unresolvedMentions(report);
  if (loose.length) {
    out.push(`## ${t.unresolved}`, '');
    for (const i of loose) {
      const m = report.mentions[i]!;
      out.push(`- “${md(m.text)}” (${m.kind}) ${t.at} ${m.start}–${m.end}`);
    }
    out.push('');
  }

  out.push(`## ${t.awards}`, '');
  const awards = awardsShown(report);
  if (awards.length === 0) out.push(t.none, '');
  else {
    out.push(`| ${t.piid} | ${t.recipient} | ${t.obligated} | ${t.current} | ${t.ceiling} | ${t.period} | ${t.source} |`);
    out.push('| --- | --- | ---: | ---: | ---: | --- | --- |');
    for (const a of awards) {
      const url = a.generatedId ? usaspendingAwardUrl(a.generatedId) : null;
      const piid = md(a.piid ?? a.name);
      // Own keys only: a vendor id such as "constructor" must not name Object.
      const vendor = a.vendorId && Object.hasOwn(report.entities, a.vendorId) ? report.entities[a.vendorId]?.name : undefined;
      out.push(
        `| ${url ? `[${piid}](${url})` : piid} | ${md(vendor ?? a.recipientName ?? '—')} | ${money(a.values.obligated, lang)} | ` +
          `${money(a.values.current, lang)} | ${money(a.values.ceiling, lang)} | ${formatDate(a.dates.start, lang)} – ` +
          `${formatDate(a.dates.currentEnd, lang)} | ${md(tierLabel(a, lang))} |`,
      );
    }
    out.push('');
  }

  out.push(`## ${t.loaded}`, '');
  if (!report.loaded?.length) out.push(t.none);
  for (const l of report.loaded ?? []) out.push(`- “${md(l.text)}” (${md(l.category)}) ${t.at} ${l.start}–${l.end}: ${md(l.reason ?? '')}`);
  out.push('', `## ${t.claims}`, '');
  if (!report.claims?.length) out.push(t.none);
  for (const c of report.claims ?? []) out.push(`- “${md(c.text)}” (${md(c.kind)}) ${t.at} ${c.start}–${c.end}`);
  return out.join('\n') + '\n';
}

/**
 * One CSV cell: RFC 4180 quoting, and a leading ' for cells a spreadsheet
 * would run as a formula (= + - @, and tab/CR that some apps strip first).
 */
export function csvCell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'list', 'index', 'start', 'end', 'text', 'kind', 'id', 'name', 'tier', 'confidence', 'reason',
  'obligated', 'current', 'ceiling', 'record_url', 'page', 'generated', 'index_version',
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | undefined>>;

function recordUrl(r: IndexRecord | undefined): string | undefined {
  if (r?.kind === 'award' && r.generatedId) return usaspendingAwardUrl(r.generatedId) ?? undefined;
  return r?.provenance.sources[0]?.url;
}

/** One row per mention, loaded phrase, claim and award shown; every row names the page, date and index. */
export function toCsv(report: Report): string {
  const rows: CsvRow[] = [];
  (report.mentions ?? []).forEach((m, i) => {
    const r = m.id ? report.entities?.[m.id] : undefined;
    rows.push({ list: 'mention', index: i, start: m.start, end: m.end, text: m.text, kind: m.kind, id: m.id ?? '', name: r?.name, tier: r?.provenance.tier, confidence: m.confidence, reason: m.reason?.explanation, record_url: recordUrl(r) });
  });
  (report.loaded ?? []).forEach((l, i) => rows.push({ list: 'loaded', index: i, start: l.start, end: l.end, text: l.text, kind: l.category, reason: l.reason }));
  (report.claims ?? []).forEach((c, i) => rows.push({ list: 'claim', index: i, start: c.start, end: c.end, text: c.text, kind: c.kind }));
  awardsShown(report).forEach((a, i) =>
    rows.push({ list: 'award', index: i, text: a.piid, kind: 'award', id: a.id, name: a.name, tier: a.provenance.tier, obligated: a.values.obligated, current: a.values.current, ceiling: a.values.ceiling, record_url: recordUrl(a) }),
  );
  const meta: CsvRow = { page: reportSource(report), generated: report.generated, index_version: report.index?.version };
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell({ ...r, ...meta }[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** The report itself, as `receipts annotate --json` prints it. */
export function toJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export type ExportCitationStyle = CiteStyle | 'csl-json';

/** The records the report cites: every mentioned entity, then every award shown. */
export function citedRecords(report: Report): IndexRecord[] {
  const seen = new Set<string>();
  const out: IndexRecord[] = [];
  const add = (r: IndexRecord | undefined) => {
    if (r && !seen.has(r.id)) {
      seen.add(r.id);
      out.push(r);
    }
  };
  for (const e of entityEntries(report)) add(e.record);
  for (const a of awardsShown(report)) add(a);
  return out;
}

/** Citations for every record the report shows; the access date is the report's date. */
export function toCitations(report: Report, style: ExportCitationStyle, lang: Lang = 'en'): string {
  const accessDate = report.generated.slice(0, 10);
  const records = citedRecords(report);
  if (style === 'csl-json') return JSON.stringify(records.map((r) => cslJson(r, accessDate)), null, 2) + '\n';
  return records.map((r) => citeRecord(r, style, accessDate, lang)).join('\n\n') + '\n';
}
