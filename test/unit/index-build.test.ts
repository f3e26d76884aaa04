import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgencyRecord, AwardRecord, IndexRecord, ProgramRecord, Snapshot, VendorRecord } from '../../src/model/types.ts';
import { buildIndex, type BuildResult } from '../../src/index/build.ts';
import { runIndexCommand } from '../../src/index/cli.ts';

const FX = join(import.meta.dirname, '../fixtures/index');
const EXPORT = join(FX, 'ice-fy13-fy18');
const RECENT = join(FX, 'recent-awards-sample.csv');
const CURATED = join(FX, 'curated');
const OPTS = { created: '2026-11-29', retrieved: '2026-11-20', dictionary: false } as const;

function find<T extends IndexRecord>(s: Snapshot, id: string): T {
  const r = s.records.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id}`);
  return r as T;
}

function awardByPiid(s: Snapshot, piid: string): AwardRecord {
  const r = s.records.find((x) => x.kind === 'award' && x.piid === piid);
  if (!r) throw new Error(`no award ${piid}`);
  return r as AwardRecord;
}

describe('buildIndex on the 2018 export, recent awards and curated files', () => {
  let built: BuildResult;
  let s: Snapshot;
  beforeAll(async () => {
    built = await buildIndex([EXPORT, RECENT, CURATED], OPTS);
    s = built.snapshot;
  });

  it('groups transactions across headerless files: the latest modification wins, history is kept', () => {
    const a = awardByPiid(s, 'HSCETC13F00030');
    expect(a.id).toBe('award:CONT_AWD_HSCETC13F00030_7012_GS35F0086U_4730');
    expect(a.transactionCount).toBe(2);
    expect(a.modifications.map((m) => m.id)).toEqual([
      'mod:CONT_AWD_HSCETC13F00030_7012_GS35F0086U_4730:P00001',
      'mod:CONT_AWD_HSCETC13F00030_7012_GS35F0086U_4730:P00006',
    ]);
    expect(a.modifications.map((m) => m.date)).toEqual(['2013-09-26', '2014-09-23']);
    expect(a.dates.currentEnd).toBe('2015-03-13'); // from P00006, the later transaction
    // Modification 0 is not in the fixture, so the award's start is unknown, and a caveat says so.
    expect(a.dates.start).toBeUndefined();
    expect(a.caveats?.join(' ')).toMatch(/earliest transaction held starts 2013-09-26/);
    expect(a.modifications.every((m) => m.provenance.tier === 'primary' && m.provenance.sources.length === 2)).toBe(true);
  });

  it('sums obligations over the transactions held and says so; current and ceiling are cumulative', () => {
    const a = awardByPiid(s, 'HSCETC13F00030');
    expect(a.values.obligated).toBe(2649637.71);
    expect(a.values.obligatedBasis).toMatch(/^sum of 2 transactions in the FY2013–FY2018 ICE export \(FY2013–FY2014\); may be incomplete/);
    expect(a.values.current).toBe(12080065.52);
    expect(a.values.ceiling).toBe(33397847.53);
  });

  it('keeps the real competition facts', () => {
    const icm = awardByPiid(s, 'HSCETC14C00002');
    expect(icm.id).toBe('award:CONT_IDV_HSCETC14C00002_7012');
    expect(icm.awardClass).toBe('idv');
    expect(icm.competition.extentCompeted).toEqual({ code: 'A', recorded: 'FULL AND OPEN COMPETITION' });
    expect(icm.competition.offersReceived).toBe(7);
    expect(icm.recipientName).toBe('PALANTIR USG, INC.');

    const falcon = awardByPiid(s, 'HSCETC15C00001');
    expect(falcon.competition.extentCompeted?.code).toBe('C');
    expect(falcon.competition.otherThanFullAndOpen).toEqual({ code: 'ONE', recorded: 'ONLY ONE SOURCE - OTHER' });
    expect(falcon.competition.offersReceived).toBe(1);

    const order = awardByPiid(s, 'HSCETC13F00030');
    expect(order.parentPiid).toBe('GS35F0086U');
    expect(order.competition.extentCompeted?.code).toBe('A');
    expect(order.competition.fairOpportunity).toEqual({ code: 'ONE', recorded: 'ONLY ONE SOURCE - OTHER' });
    expect(order.competition.offersReceived).toBe(1);
  });

  it('reads the keyed recent-awards row as a primary record', () => {
    const a = find<AwardRecord>(s, 'award:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730');
    expect(a.provenance.tier).toBe('primary');
    expect(a.recipientName).toBe('Palantir Technologies Inc.');
    expect(a.values.obligated).toBe(150703825);
    expect(a.dates).toMatchObject({ start: '2022-09-26', currentEnd: '2026-05-04' });
    expect(a.competition.extentCompeted).toEqual({ code: 'A', recorded: 'FULL AND OPEN COMPETITION' });
    expect(a.competition.offersReceived).toBe(1);
    expect(a.agencyId).toBe('agency:7000');
    expect(a.subAgencyId).toBe('agency:7012');
    expect(a.provenance.sources.map((x) => x.url)).toContain('https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/');
  });

  it('marks rows without a key as reported, with the paraphrase flagged', () => {
    const reported = s.records.filter((r): r is AwardRecord => r.kind === 'award' && r.id.startsWith('award:reported:'));
    expect(reported).toHaveLength(3);
    for (const r of reported) {
      expect(r.provenance.tier).toBe('reported');
      expect(r.descriptionIsSummary).toBe(true);
      expect(r.description).not.toMatch(/^\[summary\]/);
      expect(r.provenance.sources[0]?.title).toBe('example.org');
    }
    const vams = reported.find((r) => r.recipientName === 'Deloitte Consulting LLP');
    expect(vams?.competition.otherThanFullAndOpen).toEqual({ code: 'ONE', recorded: 'only one responsible source' });
    expect(vams?.competition.fairOpportunity?.code).toBe('');
  });

  it('links vendors by UEI/DUNS before names and keeps the parent link', () => {
    const pt = find<VendorRecord>(s, 'vendor:uei:FSY4LVSBGWB7');
    const usg = find<VendorRecord>(s, 'vendor:uei:HNN4F9JZWDY8');
    // DUNS 362130952 rows (two name variants) and the name-only rows all land on the curated vendor.
    expect(pt.awardIds).toEqual(expect.arrayContaining([
      'award:CONT_AWD_HSCETC13F00030_7012_GS35F0086U_4730',
      'award:CONT_AWD_HSCETC13F00010_7012_GS35F0086U_4730',
      'award:CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-',
      'award:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730',
    ]));
    expect(pt.identifiers).toEqual({ uei: 'FSY4LVSBGWB7', duns: '362130952', cik: '1321655' });
    expect(pt.previousNames).toContain('PALANTIR TECHNOLOGIES INCORPORATED');
    expect(pt.aliases).not.toContain('PALANTIR TECHNOLOGIES INCORPORATED');
    expect(usg.parentId).toBe(pt.id);
    expect(pt.subsidiaryIds).toEqual([usg.id]);
    expect(usg.awardIds).toContain('award:CONT_IDV_HSCETC14C00002_7012');
    // "Palantir USG Inc" (no identifier) reaches USG only through curated recipientNames.
    expect(usg.awardIds).toContain('award:CONT_AWD_W9128Z26FA001_9700_W519TC25D0039_9700');
    expect(pt.provenance.tier).toBe('primary');
  });

  it('gives uncurated vendors DUNS or name ids and no ALL-CAPS aliases', () => {
    const duns = find<VendorRecord>(s, 'vendor:duns:222222222');
    expect(duns.name).toBe('SYNTHETIC FIELD ISSUE LLC');
    expect(duns.aliases).toEqual([]);
    const cv = find<VendorRecord>(s, 'vendor:name:clearview-ai');
    expect(cv.provenance.tier).toBe('reported');
    expect(cv.aliases).toEqual(['Clearview AI', 'Clearview AI, Inc.']);
  });

  it('builds agencies from codes and names, merged with curated ones', () => {
    const ice = find<AgencyRecord>(s, 'agency:7012');
    expect(ice.parentId).toBe('agency:7000');
    expect(ice.acronyms).toEqual(['ICE']);
    expect(ice.aliases).toContain('US-Einwanderungsbehörde ICE');
    expect(find<AgencyRecord>(s, 'agency:7000').name).toBe('Department of Homeland Security');
    expect(find<AgencyRecord>(s, 'agency:2100').parentId).toBe('agency:9700');
    expect(find<AgencyRecord>(s, 'agency:7523').parentId).toBe('agency:7500');
  });

  it('links programs to awards and modifications; a program without awards says so', () => {
    const icm = find<ProgramRecord>(s, 'program:icm');
    expect(icm.awardIds).toEqual(['award:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730', 'award:CONT_IDV_HSCETC14C00002_7012']);
    expect(icm.noAwardRecord).toBeUndefined();
    const ios = find<ProgramRecord>(s, 'program:immigrationos');
    expect(ios.modificationIds).toEqual(['mod:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730:2025-04-immigrationos']);
    const order = find<AwardRecord>(s, 'award:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730');
    const mod = order.modifications.find((m) => m.number === '2025-04-immigrationos');
    expect(mod?.provenance.tier).toBe('reported');
    expect(mod?.note).toMatch(/Reported value: \$29,800,000/);
    const lake = find<ProgramRecord>(s, 'program:ice-enterprise-lakehouse');
    expect(lake.awardIds).toEqual([]);
    expect(lake.noAwardRecord).toBe(true);
  });

  it('compiles aliases: acronyms case-sensitive, ambiguous ones need context, weak ones never alone', () => {
    const entry = (alias: string) => s.aliases.filter((a) => a.alias === alias);
    expect(entry('ICE')).toEqual([{ alias: 'ICE', entityId: 'agency:7012', kind: 'agency', caseSensitive: true, needsContext: true }]);
    expect(entry('DHS')[0]).toMatchObject({ entityId: 'agency:7000', caseSensitive: true, needsContext: false });
    expect(entry('PLTR')).toEqual([]);
    expect(entry('GEO')[0]).toMatchObject({ entityId: 'vendor:name:geo-group', kind: 'company', caseSensitive: true, needsContext: true });
    expect(entry('GEO Group')[0]).toMatchObject({ entityId: 'vendor:name:geo-group', caseSensitive: false, needsContext: false });
    expect(entry('ICM')[0]).toMatchObject({ entityId: 'program:icm', kind: 'program', caseSensitive: true, needsContext: true });
    expect(entry('Palantir')).toEqual([{ alias: 'Palantir', entityId: 'vendor:uei:FSY4LVSBGWB7', kind: 'company', caseSensitive: false, needsContext: false }]);
    expect(s.aliases.some((a) => a.alias === 'PALANTIR TECHNOLOGIES INC.')).toBe(false);
  });

  it('reports every rejected row with file, line and reason, and counts field problems', () => {
    const r = built.report;
    expect(r.rowsRead).toBe(15);
    expect(r.rejected).toEqual([
      { file: join(EXPORT, 'fy18.csv'), row: 2, reason: 'action_date: bad date: day 31 does not exist in 2018-02' },
      { file: join(EXPORT, 'fy18.csv'), row: 4, reason: 'expected 259 columns, found 258' },
      { file: RECENT, row: 7, reason: 'row has neither contract_award_unique_key nor source_url: no record to cite' },
    ]);
    expect(r.fieldIssues).toEqual([
      { file: join(EXPORT, 'fy18.csv'), row: 5, reason: 'period_of_performance_current_end_date: bad date: day 30 does not exist in 2019-02' },
    ]);
    expect(r.rowsAccepted + r.rowsRejected + r.rowsIgnored).toBe(r.rowsRead);
    expect(r.rowsPerSecond).toBeGreaterThan(0);
    expect(r.peakRssBytes).toBeGreaterThan(1_000_000);
  });

  it('uses the export’s newest last-modified date as its retrieval date', () => {
    const a = awardByPiid(s, 'HSCETC15C00001');
    const exp = a.provenance.sources.find((x) => x.title.includes('xpmethod/torn-apart'));
    expect(exp).toEqual({
      url: 'https://github.com/xpmethod/torn-apart/blob/28e0bd960d881d7217cf5f518afde10f63de3437/data/districts/fy18.csv',
      title: 'USAspending.gov prime award transactions export (2018), via xpmethod/torn-apart',
      retrieved: '2018-05-30',
    });
    expect(s.manifest.counts.byKind).toEqual({ vendor: 6, agency: 6, program: 3, award: 10 });
    expect(s.manifest.created).toBe('2026-11-29');
  });
});

describe('other input layouts', () => {
  it('reads USAspending API JSON (search results and award detail); non-contracts are counted, not rejected', async () => {
    const { snapshot, report } = await buildIndex([join(FX, 'api')], OPTS);
    const a = find<AwardRecord>(snapshot, 'award:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730');
    expect(a.provenance.tier).toBe('primary');
    expect(a.values).toMatchObject({ obligated: 150703825, current: 150703825, ceiling: 180000000 });
    expect(a.competition).toMatchObject({ extentCompeted: { code: 'A', recorded: 'FULL AND OPEN COMPETITION' }, fairOpportunity: { code: 'FAIR' }, offersReceived: 1 });
    expect(a.dates).toMatchObject({ signed: '2022-09-23', start: '2022-09-26', currentEnd: '2026-05-04', potentialEnd: '2027-09-25' });
    expect(a.vendorId).toBe('vendor:uei:FSY4LVSBGWB7');
    expect(a.agencyId).toBe('agency:7000');
    expect(report.rowsIgnored).toBe(1);
    expect(report.rowsRejected).toBe(0);
    expect(a.provenance.sources.some((x) => x.url.startsWith('https://api.usaspending.gov/api/v2/awards/') && x.retrieved === '2026-11-20')).toBe(true);
  });

  it('reads today’s full award-summary layout, with and without a header', async () => {
    for (const file of ['award-summary-full.csv', 'award-summary-headerless.csv']) {
      const { snapshot, report } = await buildIndex([join(FX, 'summary', file)], OPTS);
      expect(report.rowsRejected).toBe(0);
      const a = find<AwardRecord>(snapshot, 'award:CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-');
      expect(a.vendorId).toBe('vendor:uei:FSY4LVSBGWB7');
      expect(a.values).toMatchObject({ obligated: 39340900.82, current: 39340900.82, ceiling: 39340900.82 });
      expect(a.competition.otherThanFullAndOpen?.code).toBe('ONE');
      expect(a.dates).toMatchObject({ signed: '2014-11-28', start: '2014-11-28', lastModified: '2018-05-30' });
      expect(a.agencyId).toBe('agency:7000');
    }
  });
});

describe('snapshot files and the CLI', () => {
  const lines: string[] = [];
  const print = (l: string) => lines.push(l);

  it('writes byte-identical snapshots when rebuilt from the same inputs', async () => {
    const d1 = await mkdtemp(join(tmpdir(), 'receipts-idx-'));
    const d2 = await mkdtemp(join(tmpdir(), 'receipts-idx-'));
    const args = ['--created', '2026-11-29', '--retrieved', '2026-11-20', EXPORT, RECENT, CURATED];
    expect(await runIndexCommand(['build', '--out', d1, ...args], print)).toBe(0);
    // Same inputs in another order, options moved: the bytes must not change.
    expect(await runIndexCommand(['build', CURATED, RECENT, '--out', d2, EXPORT, ...args.slice(0, 4)], print)).toBe(0);
    const [a, b] = await Promise.all([readFile(join(d1, 'snapshot.json')), readFile(join(d2, 'snapshot.json'))]);
    expect(a.equals(b)).toBe(true);
    const manifest = JSON.parse(await readFile(join(d1, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(manifest.sha256.slice(0, 16));
    expect(manifest.counts.byTier.primary + manifest.counts.byTier.reported).toBe(25);
    expect(lines.some((l) => /snapshot: .* bytes .*gzipped/.test(l))).toBe(true);
    expect(lines.some((l) => /rows\/s/.test(l) && /peak RSS/.test(l))).toBe(true);

    expect(await runIndexCommand(['verify', d1], print)).toBe(0);
    const body = await readFile(join(d1, 'snapshot.json'), 'utf8');
    await writeFile(join(d1, 'snapshot.json'), body.replace('"obligated":150703825', '"obligated":150703826'));
    lines.length = 0;
    expect(await runIndexCommand(['verify', d1], print)).toBe(1);
    expect(lines.join('\n')).toMatch(/does not match manifest/);
    await writeFile(join(d1, 'snapshot.json'), body.slice(0, body.length / 2));
    expect(await runIndexCommand(['verify', d1], print)).toBe(1);
  });

  it('--strict turns any rejection into a non-zero exit', async () => {
    const d = await mkdtemp(join(tmpdir(), 'receipts-idx-'));
    expect(await runIndexCommand(['build', '--out', d, '--strict', '--created', '2026-11-29', EXPORT], print)).toBe(1);
    expect(await runIndexCommand(['build', '--out', d, '--strict', '--created', '2026-11-29', join(FX, 'api')], print)).toBe(0);
    expect(await runIndexCommand(['build', '--out', d], print)).toBe(2);
  });
});
