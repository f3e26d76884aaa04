// The report exporters, on a report the real engine makes from our English
// fixture, and on hand-made reports for the edge cases (formula injection,
// quoting, Markdown escaping, empty lists).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openIndex } from '../../src/cli/load-index.ts';
import { annotate } from '../../src/report/annotate.ts';
import {
  awardsShown,
  citedRecords,
  csvCell,
  CSV_COLUMNS,
  entityEntries,
  toCitations,
  toCsv,
  toJson,
  toMarkdown,
  unresolvedMentions,
} from '../../src/report/export.ts';
import type { Report } from '../../src/report/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PALANTIR = 'vendor:uei:FSY4LVSBGWB7';
const ORDER = 'award:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730';
const NOW = new Date('2026-11-29T12:00:00Z');

let real: Report;
beforeAll(async () => {
  const engine = await openIndex();
  const text = readFileSync(resolve(ROOT, 'test/fixtures/report/en.txt'), 'utf8');
  real = await annotate(text, engine, { url: 'https://example.org/story' }, NOW);
}, 60_000);

/** A minimal RFC 4180 parser, so the tests read the CSV back the way a spreadsheet does. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

function synthetic(over: Partial<Report> = {}): Report {
  return {
    schema: 1,
    source: { url: 'https://news.example/a' },
    generated: '2026-11-29T10:00:00.000Z',
    index: { version: 'v-test', created: '2026-11-29' },
    text: '',
    mentions: [],
    entities: {},
    loaded: [],
    claims: [],
    ...over,
  };
}

describe('grouping', () => {
  test('entities in order of first mention, each with every mention index', () => {
    const entries = entityEntries(real);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mentioned = real.mentions.filter((m) => m.id).length;
    expect(entries.reduce((n, e) => n + e.mentions.length, 0)).toBe(mentioned);
    const palantir = entries.find((e) => e.id === PALANTIR)!;
    expect(palantir.record?.name).toMatch(/Palantir/);
    for (const i of palantir.mentions) expect(real.mentions[i]!.id).toBe(PALANTIR);
    // Amounts have no id: they are listed apart, not dropped.
    expect(unresolvedMentions(real).map((i) => real.mentions[i]!.kind)).toContain('amount');
  });

  test('awards: every award record the report carries, government records first', () => {
    const awards = awardsShown(real);
    expect(awards.map((a) => a.id)).toContain(ORDER);
    expect(awards.length).toBe(Object.values(real.entities).filter((r) => r.kind === 'award').length);
    const tiers = awards.map((a) => a.provenance.tier);
    expect(tiers.indexOf('reported') === -1 || tiers.lastIndexOf('primary') < tiers.indexOf('reported')).toBe(true);
  });
});

describe('toMarkdown', () => {
  test('names the page, date and index, every entity and award', () => {
    const md = toMarkdown(real, 'en');
    expect(md).toContain('https://example.org/story');
    expect(md).toContain('2026-11-29T12:00:00.000Z');
    expect(md).toContain(real.index.version);
    for (const e of entityEntries(real)) expect(md).toContain(e.record!.name.replace(/[()]/g, (c) => `\\${c}`));
    expect(md).toContain('[70CTD022FR0000170](https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/)');
    expect(md).toContain('$150,703,825');
  });

  test('German headings and number format', () => {
    const md = toMarkdown(real, 'de');
    expect(md).toContain('# Receipts-Bericht');
    expect(md).toContain('## Gezeigte Aufträge');
    expect(md).toContain('150.703.825');
  });

  test('page text cannot become a link, HTML or a table cell break', () => {
    const text = '[click](https://evil.example) <img src=x> a|b';
    const md = toMarkdown(synthetic({ text, loaded: [{ start: 0, end: text.length, text, category: 'x', reason: 'r' }] }));
    expect(md).not.toMatch(/(^|[^\\])\[click/);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toContain('\\[click\\]\\(https://evil.example\\) \\<img src=x\\> a\\|b');
  });

  test('empty lists say so', () => {
    const md = toMarkdown(synthetic());
    expect(md.match(/^None\.$/gm)?.length).toBe(4);
  });
});

describe('toCsv', () => {
  test('a header, one row per mention, loaded phrase, claim and award; every row names page, date and index', () => {
    const rows = parseCsv(toCsv(real));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body.filter((r) => r[0] === 'mention').length).toBe(real.mentions.length);
    expect(body.filter((r) => r[0] === 'award').length).toBe(awardsShown(real).length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    for (const r of body) {
      expect(r.length).toBe(CSV_COLUMNS.length);
      expect(r[col('page')]).toBe('https://example.org/story');
      expect(r[col('index_version')]).toBe(real.index.version);
    }
    const order = body.find((r) => r[col('id')] === ORDER && r[0] === 'award')!;
    expect(order[col('obligated')]).toBe('150703825');
    const first = real.mentions[0]!;
    const m0 = body.find((r) => r[0] === 'mention' && r[1] === '0')!;
    expect(m0[col('text')]).toBe(first.text);
    expect(Number(m0[col('start')])).toBe(first.start);
  });

  test.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('cell %j → %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  test('numbers are not treated as formulas (a negative amount stays a number)', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(undefined)).toBe('');
  });

  test('a formula in page text reaches the file neutralised', () => {
    const text = '=cmd|"/c calc"!A1';
    const csv = toCsv(synthetic({ text, claims: [{ start: 0, end: text.length, text, kind: 'amount' }] }));
    const row = parseCsv(csv).find((r) => r[0] === 'claim')!;
    expect(row[CSV_COLUMNS.indexOf('text')]).toBe(`'${text}`);
  });
});

describe('toJson', () => {
  test('round-trips to the same report', () => {
    expect(JSON.parse(toJson(real))).toEqual(JSON.parse(JSON.stringify(real)));
  });
});

describe('toCitations', () => {
  test.each(['apa', 'mla', 'chicago'] as const)('%s: one citation per record shown, accessed on the report date', (style) => {
    const out = toCitations(real, style, 'en');
    const records = citedRecords(real);
    expect(out.trim().split('\n\n').length).toBe(records.length);
    expect(out).toContain('usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/');
    expect(out).toMatch(/2026|Nov/);
  });

  test('CSL-JSON: one item per record, with the access date', () => {
    const items = JSON.parse(toCitations(real, 'csl-json')) as Array<{ id: string; accessed: { 'date-parts': number[][] } }>;
    expect(items.map((i) => i.id)).toEqual(citedRecords(real).map((r) => r.id));
    expect(items[0]!.accessed['date-parts']).toEqual([[2026, 11, 29]]);
  });

  test('no records, no citations', () => {
    expect(toCitations(synthetic(), 'apa').trim()).toBe('');
  });
});
