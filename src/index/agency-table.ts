// Agencies we can name with confidence. Codes are the four-character FPDS/
// USAspending agency codes (toptier departments as `<CGAC>00`, e.g. DHS 7000).
// `verified` marks codes that the 2018 ICE export itself pairs with the name
// (parent_award_agency_id/name, awarding_sub_agency_code/name); the others are
// standard codes we are sure of. Agencies whose code we could not confirm
// (e.g. WHS, CDAO, SOCOM, DIU, NGA, GSA's "Federal Acquisition Service", which
// the export lists under both 4730 and 4732) get `agency:name:<slug>` instead.

export interface AgencyInfo {
  code: string;
  name: string;
  acronyms: string[];
  /** Acronyms that are also ordinary words; matched only with context. */
  ambiguousAcronyms?: string[];
  parentCode?: string;
  /** CGAC toptier code as the 2018 layout's awarding_agency_code gives it (leading zeros may be lost). */
  cgac?: string;
  /** Other spellings seen in source rows. */
  names?: string[];
  verified?: boolean;
}

export const AGENCIES: AgencyInfo[] = [
  { code: '7000', name: 'Department of Homeland Security', acronyms: ['DHS'], cgac: '070', verified: true, names: ['DEPARTMENT OF HOMELAND SECURITY (DHS)'] },
  { code: '7001', name: 'Office of Procurement Operations', acronyms: [], parentCode: '7000', verified: true },
  { code: '7008', name: 'U.S. Coast Guard', acronyms: ['USCG'], parentCode: '7000', verified: true },
  { code: '7009', name: 'U.S. Secret Service', acronyms: ['USSS'], parentCode: '7000', verified: true },
  { code: '7012', name: 'U.S. Immigration and Customs Enforcement', acronyms: [], ambiguousAcronyms: ['ICE'], parentCode: '7000', verified: true },
  { code: '7013', name: 'Transportation Security Administration', acronyms: ['TSA'], parentCode: '7000', verified: true },
  { code: '7014', name: 'U.S. Customs and Border Protection', acronyms: ['CBP'], parentCode: '7000', verified: true },
  { code: '7015', name: 'Federal Law Enforcement Training Center', acronyms: ['FLETC'], parentCode: '7000', verified: true },
  { code: '7022', name: 'Federal Emergency Management Agency', acronyms: ['FEMA'], parentCode: '7000', verified: true },
  { code: '9700', name: 'Department of Defense', acronyms: ['DoD', 'DOD'], cgac: '097', verified: true, names: ['DEPT OF DEFENSE'] },
  { code: '2100', name: 'Department of the Army', acronyms: [], parentCode: '9700', names: ['U.S. Army'] },
  { code: '1700', name: 'Department of the Navy', acronyms: [], parentCode: '9700', names: ['U.S. Navy'] },
  { code: '5700', name: 'Department of the Air Force', acronyms: [], parentCode: '9700', names: ['U.S. Air Force'] },
  { code: '97AK', name: 'Defense Information Systems Agency', acronyms: ['DISA'], parentCode: '9700' },
  { code: '7500', name: 'Department of Health and Human Services', acronyms: ['HHS'], cgac: '075' },
  { code: '7523', name: 'Centers for Disease Control and Prevention', acronyms: ['CDC'], parentCode: '7500' },
  { code: '8900', name: 'Department of Energy', acronyms: ['DOE'], cgac: '089' },
  { code: '1500', name: 'Department of Justice', acronyms: ['DOJ'], cgac: '015' },
  { code: '1501', name: 'Offices, Boards and Divisions', acronyms: [], parentCode: '1500', verified: true },
  { code: '1524', name: 'Drug Enforcement Administration', acronyms: ['DEA'], parentCode: '1500', verified: true },
  { code: '1549', name: 'Federal Bureau of Investigation', acronyms: ['FBI'], parentCode: '1500', verified: true },
  { code: '1200', name: 'Department of Agriculture', acronyms: ['USDA'], cgac: '012' },
  { code: '8000', name: 'National Aeronautics and Space Administration', acronyms: ['NASA'], cgac: '080', verified: true },
  { code: '4900', name: 'National Science Foundation', acronyms: ['NSF'], cgac: '049' },
  { code: '4700', name: 'General Services Administration', acronyms: ['GSA'], cgac: '047' },
  { code: '2000', name: 'Department of the Treasury', acronyms: [], cgac: '020' },
  { code: '2050', name: 'Internal Revenue Service', acronyms: ['IRS'], parentCode: '2000', verified: true },
  { code: '3600', name: 'Department of Veterans Affairs', acronyms: ['VA'], cgac: '036', verified: true, names: ['VETERANS AFFAIRS, DEPARTMENT OF'] },
];

/** Comparable form of an agency name: case, "Dept", "U.S." and a trailing "(DHS)" are ignored. */
export function agencyNameKey(name: string): string {
  return name
    .toUpperCase()
    .replace(/\([A-Z]{2,6}\)\s*$/, '')
    .replace(/\bDEPT\b\.?/g, 'DEPARTMENT')
    .replace(/\bU\.\s?S\.\s?/g, 'US ')
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

const byCode = new Map<string, AgencyInfo>();
const byCgac = new Map<string, AgencyInfo>();
const byName = new Map<string, AgencyInfo>();
for (const a of AGENCIES) {
  byCode.set(a.code, a);
  if (a.cgac) byCgac.set(a.cgac, a);
  for (const n of [a.name, ...(a.names ?? [])]) byName.set(agencyNameKey(n), a);
}

export function agencyByCode(code: string): AgencyInfo | undefined {
  return byCode.get(code);
}

export function agencyByCgac(cgac: string): AgencyInfo | undefined {
  return /^\d{1,3}$/.test(cgac) ? byCgac.get(cgac.padStart(3, '0')) : undefined;
}

export function agencyByName(name: string): AgencyInfo | undefined {
  return byName.get(agencyNameKey(name));
}
