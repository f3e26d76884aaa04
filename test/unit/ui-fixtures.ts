// Records for the UI and citation tests. The facts (ids, amounts, dates,
// names) are those of the bundled index; the records are trimmed to what the
// tests look at.
import type { AgencyRecord, AwardRecord, IndexRecord, ProgramRecord, VendorRecord } from '../../src/model/types.ts';
import type { DescribeResponse } from '../../extension/protocol.ts';

const usaSource = (id: string) => ({ url: `https://www.usaspending.gov/award/${id}/`, title: `USAspending.gov award ${id}`, retrieved: '2026-11-29' });

export const AWARD_ICM: AwardRecord = {
  id: 'award:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730',
  kind: 'award',
  name: '70CTD022FR0000170',
  generatedId: 'CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730',
  piid: '70CTD022FR0000170',
  parentPiid: 'GS35F0086U',
  awardClass: 'award',
  vendorId: 'vendor:uei:FSY4LVSBGWB7',
  recipientName: 'Palantir Technologies Inc.',
  agencyId: 'agency:7000',
  subAgencyId: 'agency:7012',
  values: { obligated: 150703825 },
  dates: { start: '2022-09-26', currentEnd: '2026-05-04' },
  description: 'INVESTIGATIVE CASE MANAGEMENT (ICM) OPERATIONS AND MAINTENANCE (O&M) SUPPORT SERVICES AND CUSTOM ENHANCEMENTS',
  competition: { extentCompeted: { code: 'A', recorded: 'FULL AND OPEN COMPETITION' }, offersReceived: 1 },
  modifications: [
    {
      id: 'mod:CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730:2025-04-immigrationos',
      number: '2025-04-immigrationos',
      date: '2025-04-17',
      note: 'Reported, not a government record: ICE published a limited-source justification for this modification on 2025-04-17.',
      provenance: {
        tier: 'reported',
        asOf: '2025-04-17',
        sources: [{ url: 'https://www.businessinsider.de/wirtschaft/palantir/', title: 'Business Insider Deutschland', retrieved: '2026-11-29' }],
      },
    },
  ],
  provenance: { tier: 'primary', sources: [usaSource('CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730')] },
};

export const AWARD_NOT_COMPETED: AwardRecord = {
  id: 'award:CONT_AWD_70CDCR18C00000002_7012_-NONE-_-NONE-',
  kind: 'award',
  name: '70CDCR18C00000002',
  generatedId: 'CONT_AWD_70CDCR18C00000002_7012_-NONE-_-NONE-',
  piid: '70CDCR18C00000002',
  vendorId: 'vendor:duns:019992424',
  recipientName: 'INGENESIS INC.',
  agencyId: 'agency:7000',
  subAgencyId: 'agency:7012',
  values: { obligated: 0, current: 33108514.74, ceiling: 33108514.74 },
  dates: { currentEnd: '2018-07-15', potentialEnd: '2018-07-15', lastModified: '2018-06-21' },
  competition: {
    extentCompeted: { code: 'C', recorded: 'NOT COMPETED' },
    otherThanFullAndOpen: { code: 'ONE', recorded: 'ONLY ONE SOURCE-OTHER (FAR 6.302-1 OTHER)' },
    solicitationProcedures: { code: 'SSS', recorded: 'ONLY ONE SOURCE' },
    offersReceived: 1,
  },
  modifications: [],
  provenance: { tier: 'primary', asOf: '2018-06-21', sources: [usaSource('CONT_AWD_70CDCR18C00000002_7012_-NONE-_-NONE-')] },
};

export const AWARD_ARMY: AwardRecord = {
  ...AWARD_NOT_COMPETED,
  id: 'award:army-1',
  name: 'W52P1J19C0001',
  generatedId: 'CONT_AWD_W52P1J19C0001_9700_-NONE-_-NONE-',
  piid: 'W52P1J19C0001',
  vendorId: 'vendor:uei:FSY4LVSBGWB7',
  recipientName: 'Palantir Technologies Inc.',
  agencyId: 'agency:9700',
  subAgencyId: 'agency:2100',
  values: { obligated: 400000000, ceiling: 876000000 },
};

export const VENDOR_PALANTIR: VendorRecord = {
  id: 'vendor:uei:FSY4LVSBGWB7',
  kind: 'vendor',
  name: 'Palantir Technologies Inc.',
  aliases: ['Palantir'],
  weakAliases: ['PLTR'],
  previousNames: [],
  identifiers: { uei: 'FSY4LVSBGWB7', duns: '362130952', cik: '1321655' },
  subsidiaryIds: ['vendor:uei:HNN4F9JZWDY8'],
  awardIds: [AWARD_ARMY.id, AWARD_ICM.id],
  provenance: { tier: 'primary', asOf: '2025-07-31', sources: [{ url: 'https://sam.gov/entity/FSY4LVSBGWB7/coreData', title: 'SAM.gov entity record', retrieved: '2026-11-29' }] },
};

export const VENDOR_USG: VendorRecord = {
  ...VENDOR_PALANTIR,
  id: 'vendor:uei:HNN4F9JZWDY8',
  name: 'Palantir USG, Inc.',
  identifiers: { uei: 'HNN4F9JZWDY8' },
  subsidiaryIds: [],
  awardIds: [],
  parentId: VENDOR_PALANTIR.id,
};

export const AGENCY_ICE: AgencyRecord = {
  id: 'agency:7012',
  kind: 'agency',
  name: 'U.S. Immigration and Customs Enforcement',
  code: '7012',
  acronyms: ['ICE'],
  aliases: [],
  parentId: 'agency:7000',
  awardIds: [AWARD_ICM.id, AWARD_NOT_COMPETED.id],
  provenance: { tier: 'primary', asOf: '2025-09-05', sources: [] },
};

export const AGENCY_DHS: AgencyRecord = {
  id: 'agency:7000',
  kind: 'agency',
  name: 'Department of Homeland Security',
  code: '7000',
  acronyms: ['DHS'],
  aliases: [],
  awardIds: [],
  provenance: { tier: 'primary', sources: [] },
};

export const AGENCY_ARMY: AgencyRecord = { ...AGENCY_DHS, id: 'agency:2100', name: 'Department of the Army', code: '2100', acronyms: [] };

export const PROGRAM_ACCURINT: ProgramRecord = {
  id: 'program:accurint',
  kind: 'program',
  name: 'Accurint Virtual Crime Center',
  aliases: ['Accurint'],
  description: {
    en: "LexisNexis Risk Solutions' investigative data tool used by ICE under a five-year contract reported at $16.8M, which began in 2021.",
    de: 'Das Ermittlungs-Datenwerkzeug von LexisNexis Risk Solutions, das ICE im Rahmen eines 2021 begonnenen Fünfjahresvertrags nutzt.',
  },
  vendorIds: ['vendor:name:lexisnexis-risk-solutions'],
  agencyIds: ['agency:7012'],
  awardIds: [],
  modificationIds: [],
  noAwardRecord: true,
  provenance: {
    tier: 'reported',
    sources: [{ url: 'https://nextgov.com/acquisition/2023/02/rights-groups-push-ice-end-contract-lexisnexis/383383/', title: 'Nextgov (Feb 2023)', retrieved: '2026-11-29' }],
  },
};

export const VENDOR_LEXIS: VendorRecord = {
  ...VENDOR_USG,
  id: 'vendor:name:lexisnexis-risk-solutions',
  name: 'LexisNexis Risk Solutions',
  identifiers: {},
  parentId: undefined,
  provenance: PROGRAM_ACCURINT.provenance,
};

export const ALL: IndexRecord[] = [AWARD_ICM, AWARD_NOT_COMPETED, AWARD_ARMY, VENDOR_PALANTIR, VENDOR_USG, AGENCY_ICE, AGENCY_DHS, AGENCY_ARMY, PROGRAM_ACCURINT, VENDOR_LEXIS];

export function describeResponse(): DescribeResponse {
  return {
    records: Object.fromEntries(ALL.map((r) => [r.id, r])),
    missing: [],
    index: { version: '0123456789abcdef', created: '2026-11-29T18:26:00Z', dataAsOf: '2026-05-04' },
  };
}
