import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsvString, readCsv } from '../../src/index/csv-reader.ts';
import { parseDate } from '../../src/index/dates.ts';

const fieldsOf = (text: string) => parseCsvString(text).map((r) => r.fields);

describe('streaming CSV reader', () => {
  it.each([
    ['plain', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['no final newline', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted comma', '"x, y",z\n', [['x, y', 'z']]],
    ['escaped quote', '"say ""hi""",z\n', [['say "hi"', 'z']]],
    ['embedded newline', '"line1\nline2",z\r\nnext,row\r\n', [['line1\nline2', 'z'], ['next', 'row']]],
    ['embedded CRLF', '"a\r\nb",c\n', [['a\r\nb', 'c']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['trailing comma at EOF', 'a,', [['a', '']]],
    ['BOM stripped', '\uFEFFcol1,col2\n', [['col1', 'col2']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['empty quoted field', '"",x\n', [['', 'x']]],
  ])('%s', (_name, text, expected) => {
    expect(fieldsOf(text)).toEqual(expected);
  });

  it('reports the 1-based line where each record starts, counting embedded newlines', () => {
    const recs = parseCsvString('h1,h2\n"multi\nline",x\n\nlast,row\n');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('flags an unterminated quote at end of input', () => {
    const recs = parseCsvString('a,b\n"never closed,c\n');
    expect(recs[1]?.error).toMatch(/unterminated/);
  });

  it('gives the same records whatever the chunk boundaries (one char at a time)', () => {
    const text = '\uFEFFa,"b,""c""\r\nd",e\r\nf,g\r\n';
    const parser = new CsvParser();
    const out = [];
    for (const ch of text) out.push(...parser.push(ch));
    out.push(...parser.end());
    expect(out.map((r) => r.fields)).toEqual(fieldsOf(text));
    expect(out.map((r) => r.fields)).toEqual([['a', 'b,"c"\r\nd', 'e'], ['f', 'g']]);
  });

  it('reads a byte stream whose chunks split a multi-byte character', async () => {
    const bytes = Buffer.from('name\nUS-Einwanderungsbehörde\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "ö"
    const stream = Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]);
    const rows = [];
    for await (const r of readCsv(stream)) rows.push(r.fields);
    expect(rows).toEqual([['name'], ['US-Einwanderungsbehörde']]);
  });
});

describe('date parsing', () => {
  it.each([
    ['2022-09-26', '2022-09-26'],
    ['2018-05-30 07:46:00', '2018-05-30'],
    ['2025-04-17T09:00:00Z', '2025-04-17'],
    ['27/03/2014', '2014-03-27'],
    ['01/05/14 00:00', '2014-05-01'],
    ['25/09/17 08:18', '2017-09-25'],
    ['29/02/2016', '2016-02-29'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, iso });
  });

  it.each(['31/02/2018', '29/02/2017', '2018-13-01', '00/01/2018', '2018-04-31', '12/31/2018', '25/09/17 25:00', 'yesterday', '2018/05/30'])(
    'rejects %s with a reason',
    (raw) => {
      const r = parseDate(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
    },
  );
});
