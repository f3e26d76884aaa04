import { describe, expect, test } from 'vitest';
import { citeRecord, cslJson } from '../../src/cite/index.ts';
import { AGENCY_ICE, AWARD_ICM, AWARD_NOT_COMPETED, PROGRAM_ACCURINT, VENDOR_LEXIS, VENDOR_PALANTIR } from './ui-fixtures.ts';

const USA = 'https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/';
const EDGAR = 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001321655';

describe('citeRecord: an award cites its USAspending award page', () => {
  test('APA, English', () => {
    expect(citeRecord(AWARD_ICM, 'apa', '2026-11-29')).toBe(
      `USAspending.gov. (n.d.). Contract award 70CTD022FR0000170 to Palantir Technologies Inc. [Data set]. U.S. Department of the Treasury. Retrieved November 29, 2026, from ${USA}`,
    );
  });
  test('APA uses the last-modified date when the record has one', () => {
    expect(citeRecord(AWARD_NOT_COMPETED, 'apa', '2026-11-29')).toMatch(/^USAspending\.gov\. \(2018, June 21\)\. Contract award 70CDCR18C00000002 to INGENESIS INC\./);
  });
  test('MLA, English: month abbreviations and the access date at the end', () => {
    expect(citeRecord(AWARD_NOT_COMPETED, 'mla', '2026-09-03')).toBe(
      '“Contract award 70CDCR18C00000002 to INGENESIS INC.” USAspending.gov, U.S. Department of the Treasury, 21 June 2018, www.usaspending.gov/award/CONT_AWD_70CDCR18C00000002_7012_-NONE-_-NONE-/. Accessed 3 Sept. 2026.',
    );
  });
  test('Chicago, English', () => {
    expect(citeRecord(AWARD_ICM, 'chicago', '2026-11-29')).toBe(
      `USAspending.gov. “Contract award 70CTD022FR0000170 to Palantir Technologies Inc.” U.S. Department of the Treasury. Accessed November 29, 2026. ${USA}.`,
    );
  });
  test('German wording and dates', () => {
    expect(citeRecord(AWARD_ICM, 'apa', '2026-11-29', 'de')).toBe(
      `USAspending.gov. (o. D.). Auftrag 70CTD022FR0000170 an Palantir Technologies Inc. [Datensatz]. US-Finanzministerium. Abgerufen am 29. November 2026, von ${USA}`,
    );
    expect(citeRecord(AWARD_NOT_COMPETED, 'mla', '2026-03-01', 'de')).toMatch(/21\. Juni 2018, .* Zugriff am 1\. März 2026\.$/);
    expect(citeRecord(AWARD_NOT_COMPETED, 'chicago', '2026-03-01', 'de')).toMatch(/Zuletzt geändert am 21\. Juni 2018\. Abgerufen am 1\. März 2026\./);
  });
});

describe('citeRecord: other records', () => {
  test('a vendor with a CIK cites its EDGAR filer page', () => {
    const c = citeRecord(VENDOR_PALANTIR, 'apa', '2026-11-29');
    expect(c).toBe(`U.S. Securities and Exchange Commission. (n.d.). Palantir Technologies Inc. (CIK 0001321655): company filings [Data set]. Retrieved November 29, 2026, from ${EDGAR}`);
  });
  test('a vendor without a CIK cites the source its record names', () => {
    expect(citeRecord(VENDOR_LEXIS, 'mla', '2026-11-29')).toBe(
      '“LexisNexis Risk Solutions: Nextgov (Feb 2023).” nextgov.com, nextgov.com/acquisition/2023/02/rights-groups-push-ice-end-contract-lexisnexis/383383/. Accessed 29 Nov. 2026.',
    );
  });
  test('a reported program is cited as the web page that reported it, not as a data set', () => {
    const c = citeRecord(PROGRAM_ACCURINT, 'apa', '2026-11-29');
    expect(c).not.toContain('[Data set]');
    expect(c).toContain('https://nextgov.com/acquisition/2023/02/rights-groups-push-ice-end-contract-lexisnexis/383383/');
  });
  test('a record with no source URL still cites, without a URL', () => {
    expect(citeRecord(AGENCY_ICE, 'chicago', '2026-11-29')).toBe(
      'Receipts contract index. “U.S. Immigration and Customs Enforcement.” Last modified September 5, 2025. Accessed November 29, 2026.',
    );
  });
  test('an access date that is not YYYY-MM-DD is refused', () => {
    expect(() => citeRecord(AWARD_ICM, 'apa', 'yesterday')).toThrow(/YYYY-MM-DD/);
    expect(() => cslJson(AWARD_ICM, '')).toThrow(/YYYY-MM-DD/);
  });
});

describe('cslJson', () => {
  test('an award as a CSL data set with URL, number and access date', () => {
    expect(cslJson(AWARD_ICM, '2026-11-29')).toEqual({
      id: AWARD_ICM.id,
      type: 'dataset',
      title: 'Contract award 70CTD022FR0000170 to Palantir Technologies Inc.',
      author: [{ literal: 'USAspending.gov' }],
      'container-title': 'USAspending.gov',
      publisher: 'U.S. Department of the Treasury',
      URL: USA,
      number: '70CTD022FR0000170',
      accessed: { 'date-parts': [[2026, 11, 29]] },
      note: 'Government record',
    });
  });
  test('issued date parts come from the record; JSON round-trips', () => {
    const item = cslJson(AWARD_NOT_COMPETED, '2026-01-02');
    expect(item.issued).toEqual({ 'date-parts': [[2018, 6, 21]] });
    expect(JSON.parse(JSON.stringify(item))).toEqual(item);
    expect(cslJson(PROGRAM_ACCURINT, '2026-01-02')).toMatchObject({ type: 'webpage', note: 'Reported by a named secondary source' });
  });
});
