// `annotate` and the `receipts` CLI against the real bundled index (assets/index).
// Subprocess runs are slow (tsx compiles, the 12 MB snapshot is parsed), so the
// five of them start together in beforeAll; the cheap CLI paths run in-process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { htmlToText, readInput } from '../../src/cli/input.ts';
import { DEFAULT_INDEX_DIR, IndexLoadError, openIndex } from '../../src/cli/load-index.ts';
import { main } from '../../src/cli/main.ts';
import { textReport } from '../../src/cli/text-report.ts';
import { annotate, type Engine } from '../../src/report/annotate.ts';
import type { Mention, Report } from '../../src/report/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIX = resolve(ROOT, 'test/fixtures/report');
const EN = join(FIX, 'en.txt');
const DE = join(FIX, 'de.txt');
const HTML = join(FIX, 'article.html');

const PALANTIR = 'vendor:uei:FSY4LVSBGWB7';
const ICE = 'agency:7012';
const ICM = 'program:icm';
const IOS = 'program:immigrationos';
const LAKEHOUSE = 'program:ice-enterprise-lakehouse';
const ORDER = 'award:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730';
const ORDER_URL = 'https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], input?: string): Promise<Run> {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, ['bin/receipts.mjs', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', rej);
    p.on('close', (code) => res({ code, stdout, stderr }));
    p.stdin.end(input ?? '');
  });
}

const triples = (ms: Mention[]) => ms.map((m) => [m.kind, m.text, m.id]);

let engine: Engine;
let corruptDir: string;
const cli: Record<'en' | 'stdin' | 'html' | 'missing' | 'corrupt', Run> = {} as never;

beforeAll(async () => {
  corruptDir = mkdtempSync(join(tmpdir(), 'receipts-corrupt-'));
  const snap = readFileSync(join(DEFAULT_INDEX_DIR, 'snapshot.json'), 'utf8');
  writeFileSync(join(corruptDir, 'snapshot.json'), snap.slice(0, 4096));
  writeFileSync(join(corruptDir, 'manifest.json'), readFileSync(join(DEFAULT_INDEX_DIR, 'manifest.json')));
  const runs = Promise.all([
    run(['annotate', EN, '--json']),
    run(['annotate', '-', '--json'], readFileSync(DE, 'utf8')),
    run(['annotate', '--json', HTML]),
    run(['annotate', join(FIX, 'does-not-exist.txt')]),
    run(['annotate', EN, '--index', corruptDir]),
  ]);
  engine = await openIndex();
  [cli.en, cli.stdin, cli.html, cli.missing, cli.corrupt] = await runs;
}, 120_000);

afterAll(() => {
  rmSync(corruptDir, { recursive: true, force: true });
});

function checkReport(r: Report, text: string) {
  expect(r.schema).toBe(1);
  expect(r.text).toBe(text);
  // Loaded language and claims have their own tests; here: well-formed, and offsets index into the text.
  for (const f of [...r.loaded, ...r.claims]) expect(r.text.slice(f.start, f.end)).toBe(f.text);
  for (const c of r.claims) expect(['consistent', 'differs', 'not_in_record']).toContain(c.verdict);
  expect(r.index.version).toBe(engine.reader.manifest.version);
  expect(r.mentions.length).toBeGreaterThan(0);
  for (const m of r.mentions) {
    expect(r.text.slice(m.start, m.end)).toBe(m.text);
    expect(m.confidence).toBeGreaterThan(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
    expect(m.reason.explanation.length).toBeGreaterThan(0);
    if (m.id) expect(Object.keys(r.entities)).toContain(m.id);
  }
  for (const [id, e] of Object.entries(r.entities)) {
    expect(e.id).toBe(id);
    expect(['primary', 'reported']).toContain(e.provenance.tier);
    expect(Array.isArray(e.provenance.sources)).toBe(true);
    expect(e.provenance.sources.length).toBeGreaterThan(0);
  }
}

describe('annotate (in-process, real index)', () => {
  test('English paragraph', async () => {
    const text = readFileSync(EN, 'utf8');
    const r = await annotate(text, engine, { file: 'en.txt' }, new Date('2026-01-02T03:04:05Z'));
    checkReport(r, text);
    expect(r.generated).toBe('2026-01-02T03:04:05.000Z');
    expect(r.source).toEqual({ file: 'en.txt' });
    expect(triples(r.mentions)).toEqual([
      ['agency', 'Immigration and Customs Enforcement', ICE],
      ['contract_id', '70CTD022FR0000170', ORDER],
      ['company', 'Palantir Technologies', PALANTIR],
      ['program', 'Investigative Case Management (ICM)', ICM],
      ['contract_id', '70CTD0-22-FR-0000170', ORDER],
      ['program', 'ICE Enterprise Lakehouse', LAKEHOUSE],
      ['program', 'ImmigrationOS', IOS],
      ['amount', '$30 million', null],
    ]);
    const piid = r.mentions.find((m) => m.kind === 'contract_id')!;
    expect(piid.confidence).toBeGreaterThanOrEqual(0.99);
    // Resolved: the explanation must not still say the matcher's "not in the index".
    expect(piid.reason.explanation).not.toMatch(/not in the index/);
    expect(piid.reason.explanation).toMatch(/index holds/);
    expect(r.mentions.at(-1)!.amount).toEqual({ value: 30_000_000, currency: 'USD' });
    // The award's vendor and the records describe() links to come along.
    expect(r.entities[ORDER]!.kind).toBe('award');
    expect(r.entities[PALANTIR]!.kind).toBe('vendor');
    expect(r.entities[LAKEHOUSE]).toMatchObject({ kind: 'program', noAwardRecord: true, awardIds: [] });
  });

  test('German paragraph', async () => {
    const text = readFileSync(DE, 'utf8');
    const r = await annotate(text, engine);
    checkReport(r, text);
    expect(r.source).toBeUndefined();
    expect(triples(r.mentions)).toEqual([
      ['agency', 'US-Einwanderungsbehörde ICE', ICE],
      ['company', 'Palantir', PALANTIR],
      ['program', 'ICM', ICM],
      ['company', 'Palantirs', PALANTIR],
      ['program', 'ImmigrationOS', IOS],
      ['program', 'ICE Enterprise Lakehouse', LAKEHOUSE],
      ['contract_id', '70CTD022FR0000170', ORDER],
      ['agency', 'GSA', 'agency:4700'],
    ]);
  });

  test('a PIID the index does not hold keeps id null', async () => {
    const r = await annotate('The award 70CTD099FR9999999 was reported.', engine);
    const piid = r.mentions.find((m) => m.kind === 'contract_id');
    expect(piid).toMatchObject({ text: '70CTD099FR9999999', id: null });
    expect(r.entities).toEqual({});
  });

  test('text with no mentions', async () => {
    const r = await annotate('Nothing to see here.', engine);
    expect(r.mentions).toEqual([]);
    expect(r.entities).toEqual({});
  });
});

describe('the receipts CLI as a subprocess', () => {
  test('annotate <file> --json: same mentions as in-process, source file set', async () => {
    expect(cli.en.stderr).toBe('');
    expect(cli.en.code).toBe(0);
    const r = JSON.parse(cli.en.stdout) as Report;
    const text = readFileSync(EN, 'utf8');
    checkReport(r, text);
    expect(r.source).toEqual({ file: EN });
    expect(r.mentions).toEqual((await annotate(text, engine)).mentions);
  });

  test('annotate - --json reads standard input', async () => {
    expect(cli.stdin.code).toBe(0);
    const r = JSON.parse(cli.stdin.stdout) as Report;
    const text = readFileSync(DE, 'utf8');
    checkReport(r, text);
    expect(r.source).toBeUndefined();
    expect(r.mentions).toEqual((await annotate(text, engine)).mentions);
  });

  test('an .html file is read as its visible text; offsets index into report.text', async () => {
    expect(cli.html.code).toBe(0);
    const r = JSON.parse(cli.html.stdout) as Report;
    const text = htmlToText(readFileSync(HTML, 'utf8'));
    expect(r.text).toBe(text);
    checkReport(r, text);
    expect(r.text).not.toMatch(/<|not read|\.ICE \{/);
    expect(r.text).toContain('Palantir Technologies');
    expect(triples(r.mentions)).toEqual([
      ['program', 'Palantir Gotham', 'program:palantir-gotham'],
      ['agency', 'U.S. Immigration and Customs Enforcement', ICE],
      ['company', 'Palantir Technologies', PALANTIR],
      ['program', 'Investigative Case Management', ICM],
      ['contract_id', '70CTD022FR0000170', ORDER],
    ]);
    // script, pre and [hidden] content is not read.
    expect(r.mentions.some((m) => m.id === IOS)).toBe(false);
    expect(r.mentions).toEqual((await annotate(text, engine)).mentions);
  });

  test('a missing file exits 1 with a clear message', () => {
    expect(cli.missing.code).toBe(1);
    expect(cli.missing.stdout).toBe('');
    expect(cli.missing.stderr).toBe(`receipts: no such file: ${join(FIX, 'does-not-exist.txt')}\n`);
  });

  test('a corrupt index exits 1 and says so', () => {
    expect(cli.corrupt.code).toBe(1);
    expect(cli.corrupt.stdout).toBe('');
    expect(cli.corrupt.stderr).toMatch(/^receipts: The index in .* is corrupt/);
    expect(cli.corrupt.stderr).toContain(corruptDir);
  });
});

describe('the CLI in-process', () => {
  async function capture(argv: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
    try {
      return { code: await main(argv), stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  test.each<[string, string[], number]>([
    ['--help', ['--help'], 0],
    ['-h', ['-h'], 0],
    ['unknown command', ['frobnicate'], 2],
    ['no command', [], 2],
    ['annotate without a file', ['annotate'], 2],
    ['annotate with two files', ['annotate', EN, DE], 2],
  ])('%s prints usage and exits %i', async (_name, argv, code) => {
    const r = await capture(argv);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage:\n {2}receipts annotate/);
  });

  test('the text report lists each entity once, with links and program notes', async () => {
    const r = await capture(['annotate', EN]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = r.stdout;
    const bullets = report.split('\n').filter((l) => l.startsWith('• '));
    const names = bullets.map((l) => l.replace(/ \[.*$/, ''));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      '• U.S. Immigration and Customs Enforcement',
      '• 70CTD022FR0000170',
      '• Palantir Technologies Inc.',
      '• Investigative Case Management (ICM)',
      '• ICE Enterprise Lakehouse',
      '• ImmigrationOS (Immigration Lifecycle Operating System)',
    ]);
    expect(report).toMatch(/^Receipts report · index [0-9a-f]+ \(data as of \d{4}-\d{2}-\d{2}\)\n8 mentions, 6 entities\n/);
    // The order is mentioned twice but described once.
    expect(bullets.filter((l) => l.includes('[contract_id]'))).toHaveLength(1);
    expect(bullets.find((l) => l.includes('[contract_id]'))).toContain('· 2× ·');
    expect(report).toContain(ORDER_URL);
    expect(report).toContain('SEC EDGAR: https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001321655');
    const lakehouse = report.slice(report.indexOf('• ICE Enterprise Lakehouse'));
    expect(lakehouse.split('\n').slice(0, 5).join('\n')).toContain('  No award record in the index.');
    expect(report).toContain('Amounts in the text:\n  $30 million = 30000000 USD\n');
  });

  test('textReport of annotate() is exactly what `receipts annotate` prints', async () => {
    const text = readFileSync(EN, 'utf8');
    const r = await capture(['annotate', EN]);
    expect(textReport(await annotate(text, engine))).toBe(r.stdout);
  });

  test('no award URL when no award is mentioned', async () => {
    const t = textReport(await annotate('Reports describe an ICE Enterprise Lakehouse.', engine));
    expect(t).not.toContain('https://www.usaspending.gov/award/');
    expect(t).toContain('No award record in the index.');
  });
});

describe('CLI input and index loading', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'receipts-input-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test.each([
    ['plain text as is', 'a.txt', 'ICE and Palantir\n', 'ICE and Palantir\n'],
    ['a BOM is dropped', 'b.txt', '\uFEFFICE', 'ICE'],
    ['.htm by extension', 'c.htm', '<p>a</p><p>b</p>', 'a\n\nb'],
    ['HTML by content', 'd.txt', '<!DOCTYPE html><html><body><p>x<script>y</script></p></body></html>', 'x'],
    ['<html> by content', 'e.txt', '  <html><body><h1>t</h1>u</body></html>', 't\n\nu'],
    ['markup in a .txt without a doctype stays text', 'f.txt', '<b>x</b>', '<b>x</b>'],
  ])('readInput: %s', async (_name, file, content, text) => {
    const path = join(tmp, file);
    writeFileSync(path, content);
    expect(await readInput(path)).toEqual({ text, file: path });
  });

  test('openIndex: a manifest that does not match the snapshot is corrupt', async () => {
    const dir = mkdtempSync(join(tmp, 'mismatch-'));
    writeFileSync(join(dir, 'snapshot.json'), JSON.stringify({ manifest: { sha256: 'aaa' }, records: [], aliases: [] }));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ sha256: 'bbb' }));
    await expect(openIndex(dir)).rejects.toThrow(IndexLoadError);
    await expect(openIndex(dir)).rejects.toThrow(/corrupt: snapshot.json does not belong to manifest.json/);
  });

  test('openIndex: truncated JSON is corrupt', async () => {
    await expect(openIndex(corruptDir)).rejects.toThrow(/is corrupt \(snapshot.json is not valid JSON/);
  });

  test('openIndex: a missing directory cannot be read', async () => {
    await expect(openIndex(join(tmp, 'nope'))).rejects.toThrow(/^Cannot read the index in .*nope/);
  });

  test('openIndex: no compiled dictionary', async () => {
    const dir = mkdtempSync(join(tmp, 'nodict-'));
    writeFileSync(join(dir, 'snapshot.json'), JSON.stringify({ manifest: { sha256: 's' }, records: [], aliases: [] }));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ sha256: 's' }));
    await expect(openIndex(dir)).rejects.toThrow(/no compiled dictionary/);
  });
});
