// The human-readable report: each entity once, its awards, and the links.
import type { AwardRecord, IndexRecord } from '../model/types.ts';
import { competitionSentence } from '../report/competition.ts';
import { formatDate, formatUsd } from '../report/format.ts';
import type { Report } from '../report/types.ts';
import { edgarFilerUrl, usaspendingAwardUrl } from '../links/primary-sources.ts';
import { compareAwards } from '../query/describe.ts';

function tier(r: IndexRecord): string {
  if (r.provenance.tier === 'primary') return 'USAspending record';
  const s = r.provenance.sources[0];
  return s ? `reported by ${s.title} (${s.url})` : 'reported';
}

function awardLines(a: AwardRecord, indent: string): string[] {
  const v = a.values;
  const vals = [
    v.obligated !== undefined ? `obligated ${formatUsd(v.obligated)}` : '',
    v.current !== undefined ? `current value ${formatUsd(v.current)}` : '',
    v.ceiling !== undefined ? `ceiling ${formatUsd(v.ceiling)} (not money paid)` : '',
  ].filter(Boolean);
  const lines = [`${indent}${a.piid ?? '(no PIID)'} · ${tier(a)}`];
  if (a.description) lines.push(`${indent}  ${a.descriptionIsSummary ? '[summary of reports] ' : ''}${a.description}`);
  if (vals.length) lines.push(`${indent}  ${vals.join(' · ')}`);
  if (a.dates.start || a.dates.currentEnd) lines.push(`${indent}  ${formatDate(a.dates.start)} – ${formatDate(a.dates.currentEnd)}`);
  const comp = competitionSentence(a.competition, a.parentPiid);
  if (comp) lines.push(`${indent}  ${comp}`);
  const url = a.generatedId ? usaspendingAwardUrl(a.generatedId) : null;
  if (url) lines.push(`${indent}  ${url}`);
  return lines;
}

export function textReport(report: Report): string {
  const out: string[] = [];
  const { mentions, entities } = report;
  out.push(`Receipts report · index ${report.index.version} (data as of ${report.index.dataAsOf ?? report.index.created})`);
  out.push(`${mentions.length} mentions, ${new Set(mentions.map((m) => m.id).filter(Boolean)).size} entities`);
  const seen = new Set<string>();
  for (const m of mentions) {
    if (!m.id || seen.has(m.id)) continue;
    seen.add(m.id);
    const r = entities[m.id];
    const count = mentions.filter((x) => x.id === m.id).length;
    out.push('');
    if (!r) {
      out.push(`• ${m.text} [${m.kind}] — the index holds no record for it.`);
      continue;
    }
    out.push(`• ${r.name} [${m.kind}] · ${count}× · ${tier(r)} · confidence ${Math.round(m.confidence * 100)}%`);
    out.push(`  why: ${m.reason.explanation}`);
    if (r.kind === 'vendor') {
      if (r.identifiers.uei) out.push(`  UEI ${r.identifiers.uei}`);
      const edgar = r.identifiers.cik ? edgarFilerUrl(r.identifiers.cik) : null;
      if (edgar) out.push(`  SEC EDGAR: ${edgar}`);
      const family = [r, ...r.subsidiaryIds.map((id) => entities[id]).filter((x): x is IndexRecord => !!x)];
      const awards = family
        .flatMap((v) => (v.kind === 'vendor' ? v.awardIds : []))
        .map((id) => entities[id])
        .filter((a): a is AwardRecord => a?.kind === 'award')
        .sort(compareAwards);
      out.push(`  ${awards.length} awards in the index${awards.length > 5 ? ' (largest 5 shown)' : ''}:`);
      for (const a of awards.slice(0, 5)) out.push(...awardLines(a, '    '));
    } else if (r.kind === 'program') {
      out.push(`  ${r.description.en}`);
      const awards = r.awardIds.map((id) => entities[id]).filter((a): a is AwardRecord => a?.kind === 'award');
      if (awards.length === 0) out.push('  No award record in the index.');
      for (const a of awards) out.push(...awardLines(a, '    '));
    } else if (r.kind === 'award') {
      out.push(...awardLines(r, '  '));
    } else {
      const parent = r.parentId ? entities[r.parentId] : undefined;
      if (parent) out.push(`  part of ${parent.name}`);
      out.push(`  ${r.awardIds.length} awards in the index`);
    }
  }
  const amounts = mentions.filter((m) => m.kind === 'amount');
  if (amounts.length) {
    out.push('', 'Amounts in the text:');
    for (const a of amounts) out.push(`  ${a.text} = ${a.amount ? `${a.amount.value} ${a.amount.currency}` : '?'}`);
  }
  if (report.loaded.length) {
    // Loaded language (issue 6): each span with its category, confidence and, for quotations, whose voice it is.
    out.push('', `Loaded language (${report.loaded.length}):`);
    for (const l of report.loaded) {
      const flags = [l.confidence !== undefined ? `${Math.round(l.confidence * 100)}%` : '', l.quoted ? 'in a quotation' : '', l.negated ? 'negated' : '']
        .filter(Boolean)
        .join(', ');
      out.push(`  “${l.text}” [${l.category}]${flags ? ` ${flags}` : ''} — ${l.lang === 'de' && l.reasonDe ? l.reasonDe : l.reason}`);
    }
  }
  if (report.claims.length) {
    // Claims beside the record (issue 7): the verdict, then each fact with its tier.
    const verdict = { consistent: 'consistent with the record', differs: 'the record shows something else', not_in_record: 'not in the record' };
    out.push('', 'Claims beside the record:');
    for (const c of report.claims) {
      out.push(`  “${c.text}” [${c.kind}] — ${c.verdict ? verdict[c.verdict] : 'not checked'}`);
      for (const f of c.recordFacts ?? []) {
        out.push(`    ${f.match === 'same' ? '=' : f.match === 'other' ? '≠' : '·'} ${f.record}: ${f.label.en} (${f.tier === 'primary' ? 'government record' : 'reported'})`);
      }
      if (c.explanation) out.push(`    ${c.explanation.en}`);
    }
  }
  return out.join('\n') + '\n';
}
