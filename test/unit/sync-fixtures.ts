// Small hand-made index snapshots for the store and sync tests.
import type { AwardRecord, IndexRecord, Snapshot } from '../../src/model/types.ts';
import { countRecords } from '../../src/model/counts.ts';

const prov = { tier: 'primary' as const, sources: [{ url: 'https://example.gov/x', title: 'x', retrieved: '2026-01-01' }] };

export function award(id: string, extra: Partial<AwardRecord> = {}): AwardRecord {
  return { id: `award:${id}`, kind: 'award', name: id, piid: id.split('_')[2] ?? id, values: {}, dates: {}, competition: {}, modifications: [], provenance: prov, ...extra };
}

export function records(tag = 'a'): IndexRecord[] {
  return [
    { id: 'vendor:uei:FSY4LVSBGWB7', kind: 'vendor', name: 'Palantir Technologies', aliases: ['Palantir'], weakAliases: [], previousNames: [], identifiers: { uei: 'FSY4LVSBGWB7' }, subsidiaryIds: [], awardIds: ['award:CONT_AWD_70CMSD18C00000001_7012_-NONE-_-NONE-'], provenance: prov },
    { id: 'agency:7000', kind: 'agency', name: 'Department of Homeland Security', code: '7000', acronyms: ['DHS'], aliases: [], awardIds: [], provenance: prov },
    { id: 'agency:7012', kind: 'agency', name: 'U.S. Immigration and Customs Enforcement', code: '7012', parentId: 'agency:7000', acronyms: [], aliases: [], awardIds: ['award:CONT_AWD_70CMSD18C00000001_7012_-NONE-_-NONE-'], provenance: prov },
    { id: 'program:falcon', kind: 'program', name: 'FALCON', aliases: [], description: { en: 'e', de: 'd' }, vendorIds: [], agencyIds: [], awardIds: ['award:CONT_AWD_70CMSD18C00000001_7012_-NONE-_-NONE-'], modificationIds: [], provenance: prov },
    award('CONT_AWD_70CMSD18C00000001_7012_-NONE-_-NONE-', { vendorId: 'vendor:uei:FSY4LVSBGWB7', agencyId: 'agency:7000', subAgencyId: 'agency:7012', description: `falcon ${tag}` }),
    award('CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-', { vendorId: 'vendor:uei:OTHER', agencyId: 'agency:7000', subAgencyId: 'agency:7012' }),
  ];
}

export function snapshot(version: string, recs: IndexRecord[] = records(version)): Snapshot {
  return {
    manifest: { format: 1, version, created: '2026-01-01T00:00:00Z', counts: countRecords(recs), sources: [], sha256: version.padEnd(64, '0') },
    records: recs,
    aliases: [],
    dictionary: { tag: version },
  };
}
