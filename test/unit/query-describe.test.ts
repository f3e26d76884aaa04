import { describe as suite, expect, test } from 'vitest';
import type {
  AgencyRecord,
  AwardRecord,
  IndexRecord,
  ProgramRecord,
  Provenance,
  Snapshot,
  Tier,
  VendorRecord,
} from '../../src/model/types.ts';
import { AWARD_CAP, awardSize, compareAwards, describe } from '../../src/query/describe.ts';
import { MemoryReader } from '../../src/query/reader.ts';

const prov = (tier: Tier = 'primary'): Provenance => ({
  tier,
  sources: [{ url: 'https://www.usaspending.gov/', title: 'test', retrieved: '2026-01-01' }],
});

function vendor(id: string, extra: Partial<VendorRecord> = {}): VendorRecord {
  return { id, kind: 'vendor', name: id, provenance: prov(), aliases: [], weakAliases: [], previousNames: [], identifiers: {}, subsidiaryIds: [], awardIds: [], ...extra };
}
function agency(id: string, extra: Partial<AgencyRecord> = {}): AgencyRecord {
  return { id, kind: 'agency', name: id, provenance: prov(), acronyms: [], aliases: [], awardIds: [], ...extra };
}
function program(id: string, extra: Partial<ProgramRecord> = {}): ProgramRecord {
  return {
    id, kind: 'program', name: id, provenance: prov('reported'), aliases: [], description: { en: '', de: '' },
    vendorIds: [], agencyIds: [], awardIds: [], modificationIds: [], ...extra,
  };
}
function award(id: string, extra: Partial<AwardRecord> = {}): AwardRecord {
  return { id, kind: 'award', name: id, provenance: prov(), values: {}, dates: {}, competition: {}, modifications: [], ...extra };
}

function snapshot(records: IndexRecord[]): Snapshot {
  return {
    manifest: {
      format: 1,
      version: 'test000000000000',
      created: '2026-01-01',
      counts: { byKind: { vendor: 0, agency: 0, program: 0, award: 0 }, byTier: { primary: 0, reported: 0 } },
      sources: [],
      sha256: 'x',
    },
    records: [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    aliases: [],
  };
}

// A parent vendor with one subsidiary; awards under the Army and under ICE
// (whose parent is DHS); a program tied to ICE with no awards.
const RECORDS: IndexRecord[] = [
  vendor('vendor:parent', { subsidiaryIds: ['vendor:sub'], awardIds: ['award:p1'] }),
  vendor('vendor:sub', { parentId: 'vendor:parent', awardIds: ['award:s1', 'award:s2'] }),
  vendor('vendor:lonely'),
  agency('agency:7000', { code: '7000', acronyms: ['DHS'] }),
  agency('agency:7012', { code: '7012', acronyms: ['ICE'], parentId: 'agency:7000', awardIds: ['award:s1'] }),
  agency('agency:2100', { code: '2100', awardIds: ['award:p1', 'award:s2'] }),
  award('award:p1', { piid: 'W91QUZ06D0010', vendorId: 'vendor:parent', agencyId: 'agency:2100', values: { obligated: 5 } }),
  award('award:s1', { piid: '70CTD022FR0000170', vendorId: 'vendor:sub', agencyId: 'agency:7000', subAgencyId: 'agency:7012', values: { obligated: 10 } }),
  award('award:s2', { piid: 'HSCETC-15-C-00001', vendorId: 'vendor:sub', agencyId: 'agency:2100', values: { current: 20 } }),
  program('program:alpha', { vendorIds: ['vendor:sub'], agencyIds: ['agency:7012'], awardIds: ['award:s1'] }),
  program('program:empty', { agencyIds: ['agency:7012'], noAwardRecord: true }),
];

const reader = new MemoryReader(snapshot(RECORDS));
const keys = async (ids: string[]) => Object.keys((await describe(reader, ids)).records).sort();

suite('describe', () => {
  test.each<[string, string[], string[]]>([
    [
      'subsidiary vendor → parent, its awards, their agencies, the parent’s awards, programs naming it',
      ['vendor:sub'],
      ['agency:2100', 'agency:7000', 'agency:7012', 'award:p1', 'award:s1', 'award:s2', 'program:alpha', 'vendor:parent', 'vendor:sub'],
    ],
    [
      'parent vendor → subsidiaries and the subsidiaries’ awards',
      ['vendor:parent'],
      ['agency:2100', 'award:p1', 'award:s1', 'award:s2', 'vendor:parent', 'vendor:sub'],
    ],
    [
      'award → vendor, agency, sub-agency and the programs listing it',
      ['award:s1'],
      ['agency:7000', 'agency:7012', 'award:s1', 'award:s2', 'program:alpha', 'vendor:sub'],
    ],
    ['award without programs: its vendor’s own awards, not the subsidiaries’', ['award:p1'], ['agency:2100', 'award:p1', 'vendor:parent']],
    [
      'program → its vendors, agencies and awards',
      ['program:alpha'],
      ['agency:7000', 'agency:7012', 'award:s1', 'award:s2', 'program:alpha', 'vendor:sub'],
    ],
    ['program with no awards → only its agency', ['program:empty'], ['agency:7012', 'program:empty']],
    [
      'agency → parent agency, awards, programs touching it',
      ['agency:7012'],
      ['agency:7000', 'agency:7012', 'award:s1', 'program:alpha', 'program:empty', 'vendor:sub'],
    ],
    ['vendor with nothing linked', ['vendor:lonely'], ['vendor:lonely']],
    ['nothing asked', [], []],
  ])('%s', async (_name, ids, expected) => {
    expect(await keys(ids)).toEqual(expected);
  });

  test('records are the reader’s records, keyed by their own id', async () => {
    const { records } = await describe(reader, ['vendor:sub']);
    for (const [id, r] of Object.entries(records)) {
      expect(r.id).toBe(id);
      expect(r).toBe(RECORDS.find((x) => x.id === id));
    }
  });

  test('unknown ids land in missing, once each, and the rest still expands', async () => {
    const d = await describe(reader, ['vendor:nope', 'program:alpha', 'vendor:nope', 'award:none']);
    expect(d.missing).toEqual(['vendor:nope', 'award:none']);
    expect(d.records['program:alpha']).toBeDefined();
    expect(d.records['award:s1']).toBeDefined();
    expect('vendor:nope' in d.records).toBe(false);
  });

  test('a dangling link is skipped silently, not reported missing', async () => {
    const r = new MemoryReader(snapshot([vendor('vendor:v', { awardIds: ['award:gone'], parentId: 'vendor:gone' })]));
    const d = await describe(r, ['vendor:v']);
    expect(Object.keys(d.records)).toEqual(['vendor:v']);
    expect(d.missing).toEqual([]);
  });

  test('ids like __proto__ are treated as plain ids', async () => {
    const d = await describe(reader, ['__proto__', 'constructor']);
    expect(d.missing).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(d.records)).toEqual([]);
  });
});

suite('describe caps award lists', () => {
  const many = (prefix: string, n: number, extra: Partial<AwardRecord> = {}) =>
    Array.from({ length: n }, (_, i) => award(`award:${prefix}${String(i).padStart(4, '0')}`, extra));
  const bigAgencyAwards = many('ag', AWARD_CAP + 40, { agencyId: 'agency:big' });
  const subAwards = many('sub', AWARD_CAP + 25, { vendorId: 'vendor:bigsub' });
  const big = new MemoryReader(
    snapshot([
      agency('agency:big', { awardIds: bigAgencyAwards.map((a) => a.id) }),
      vendor('vendor:bigparent', { subsidiaryIds: ['vendor:bigsub'] }),
      vendor('vendor:bigsub', { parentId: 'vendor:bigparent', awardIds: subAwards.map((a) => a.id) }),
      ...bigAgencyAwards,
      ...subAwards,
    ]),
  );
  const awardsIn = (records: Record<string, IndexRecord>) => Object.values(records).filter((r) => r.kind === 'award').length;

  test('an agency root lists at most AWARD_CAP awards', async () => {
    expect(awardsIn((await describe(big, ['agency:big'])).records)).toBe(AWARD_CAP);
  });

  test('a vendor root lists at most AWARD_CAP awards', async () => {
    expect(awardsIn((await describe(big, ['vendor:bigsub'])).records)).toBe(AWARD_CAP);
  });

  test('a parent vendor does not pull in more than AWARD_CAP awards of a subsidiary', async () => {
    const { records } = await describe(big, ['vendor:bigparent']);
    expect(records['vendor:bigsub']).toBeDefined();
    expect(awardsIn(records)).toBe(AWARD_CAP);
  });
});

suite('compareAwards and awardSize', () => {
  test.each<[string, AwardRecord['values'], number]>([
    ['obligated first', { obligated: 1, current: 2, ceiling: 3 }, 1],
    ['zero obligated is kept, not skipped', { obligated: 0, current: 2 }, 0],
    ['then current', { current: 2, ceiling: 3 }, 2],
    ['then ceiling', { ceiling: 3 }, 3],
    ['nothing', {}, 0],
  ])('awardSize: %s', (_name, values, size) => {
    expect(awardSize(award('award:x', { values }))).toBe(size);
  });

  test('government records before reported ones, then largest first', () => {
    const list = [
      award('award:r-big', { provenance: prov('reported'), values: { obligated: 1e9 } }),
      award('award:p-small', { values: { obligated: 10 } }),
      award('award:r-small', { provenance: prov('reported'), values: { ceiling: 5 } }),
      award('award:p-none', {}),
      award('award:p-big', { values: { current: 1e6 } }),
    ];
    expect([...list].sort(compareAwards).map((a) => a.id)).toEqual([
      'award:p-big',
      'award:p-small',
      'award:p-none',
      'award:r-big',
      'award:r-small',
    ]);
  });

  test('equal tier and size compare as 0', () => {
    expect(compareAwards(award('award:a', { values: { obligated: 3 } }), award('award:b', { values: { current: 3 } }))).toBe(0);
  });
});

suite('MemoryReader', () => {
  test('get keeps the order of the ids and yields undefined for unknown ones', async () => {
    const got = await reader.get(['award:s2', 'nope', 'vendor:sub']);
    expect(got.map((r) => r?.id)).toEqual(['award:s2', undefined, 'vendor:sub']);
  });

  test('programs lists every program record', async () => {
    expect((await reader.programs()).map((p) => p.id).sort()).toEqual(['program:alpha', 'program:empty']);
  });

  test('manifest is the snapshot’s', () => {
    expect(reader.manifest.version).toBe('test000000000000');
  });

  test.each([
    ['undashed, as stored', '70CTD022FR0000170', 'award:s1'],
    ['dashed', '70CTD0-22-FR-0000170', 'award:s1'],
    ['lower case with spaces', ' 70ctd022fr 0000170 ', 'award:s1'],
    ['en dash', '70CTD0\u201322\u2013FR\u20130000170', 'award:s1'],
    ['stored dashed, asked undashed', 'HSCETC15C00001', 'award:s2'],
    ['stored dashed, asked dashed', 'HSCETC-15-C-00001', 'award:s2'],
    ['another award', 'W91QUZ-06-D-0010', 'award:p1'],
    ['unknown', '70CTD022FR0000171', undefined],
    ['prefix only', '70CTD022FR', undefined],
  ])('awardIdForPiid: %s', async (_name, piid, id) => {
    expect(await reader.awardIdForPiid(piid)).toBe(id);
  });

  test('a PIID shared by two awards resolves to the first by id', async () => {
    const r = new MemoryReader(
      snapshot([award('award:b-second', { piid: 'ABC12300001' }), award('award:a-first', { piid: 'ABC-123-00001' })]),
    );
    expect(await r.awardIdForPiid('abc1230-0001')).toBe('award:a-first');
  });
});
