import { describe, expect, test } from 'vitest';
import {
  ALLOWED_HOSTS,
  edgarFilerUrl,
  fpdsFeedUrl,
  safeUrl,
  samNoticeUrl,
  usaspendingAwardUrl,
} from '../../src/links/primary-sources.ts';

describe('safeUrl', () => {
  test.each([
    ['https://www.usaspending.gov/award/CONT_AWD_X/', 'https://www.usaspending.gov/award/CONT_AWD_X/'],
    ['https://api.usaspending.gov/api/v2/awards/X/', 'https://api.usaspending.gov/api/v2/awards/X/'],
    ['https://sam.gov/opp/abc/view', 'https://sam.gov/opp/abc/view'],
    ['https://www.fpds.gov/ezsearch/', 'https://www.fpds.gov/ezsearch/'],
    ['https://www.sec.gov/cgi-bin/browse-edgar?CIK=1', 'https://www.sec.gov/cgi-bin/browse-edgar?CIK=1'],
    ['https://data.sec.gov/submissions/CIK0001321655.json', 'https://data.sec.gov/submissions/CIK0001321655.json'],
    // Normalised by the URL parser: host case, a bare host, the default port.
    ['HTTPS://WWW.USASPENDING.GOV/award/X/', 'https://www.usaspending.gov/award/X/'],
    ['https://www.usaspending.gov', 'https://www.usaspending.gov/'],
    ['https://www.usaspending.gov:443/x', 'https://www.usaspending.gov/x'],
  ])('accepts %s', (input, href) => {
    expect(safeUrl(input)).toBe(href);
  });

  test.each([
    ['http:', 'http://www.usaspending.gov/award/X/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with an allowed host in it', 'javascript://www.usaspending.gov/%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['ftp:', 'ftp://www.usaspending.gov/'],
    ['another host', 'https://evil.com/'],
    ['a government host not on the list', 'https://www.gsa.gov/'],
    ['bare parent domain', 'https://usaspending.gov/'],
    ['userinfo that looks like the host', 'https://www.usaspending.gov@evil.com/'],
    ['userinfo on an allowed host', 'https://user:pw@www.usaspending.gov/'],
    ['username only', 'https://user@www.usaspending.gov/'],
    ['non-default port', 'https://www.usaspending.gov:8443/'],
    ['port 80 on https', 'https://www.usaspending.gov:80/'],
    ['lookalike suffix host', 'https://www.usaspending.gov.evil.com/'],
    ['encoded dot lookalike', 'https://www.usaspending.gov%2eevil.com/'],
    ['lookalike prefix host', 'https://evilwww.usaspending.gov/'],
    ['trailing-dot host', 'https://www.usaspending.gov./'],
    ['homoglyph host (Cyrillic o)', 'https://www.usaspending.g\u043Ev/'],
    ['backslash authority trick', 'https://evil.com\\@www.usaspending.gov/'],
    ['protocol-relative', '//www.usaspending.gov/'],
    ['relative path', '/award/X/'],
    ['empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, input) => {
    expect(safeUrl(input)).toBeNull();
  });

  test('every allowed host is accepted over https and refused over http', () => {
    expect(ALLOWED_HOSTS.size).toBeGreaterThan(0);
    for (const host of ALLOWED_HOSTS) {
      expect(safeUrl(`https://${host}/x`)).toBe(`https://${host}/x`);
      expect(safeUrl(`http://${host}/x`)).toBeNull();
    }
  });
});

describe('usaspendingAwardUrl', () => {
  test.each([
    ['CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730', 'https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/'],
    ['CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-', 'https://www.usaspending.gov/award/CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-/'],
    ['CONT_IDV_HSCETC14C00002_7012', 'https://www.usaspending.gov/award/CONT_IDV_HSCETC14C00002_7012/'],
  ])('%s', (id, url) => {
    expect(usaspendingAwardUrl(id)).toBe(url);
  });

  test.each([
    ['slash', 'CONT_AWD_X/../../evil'],
    ['single slash', 'a/b'],
    ['dot-dot', '..'],
    ['dots inside', 'CONT..AWD'],
    ['space', 'CONT AWD'],
    ['javascript:', 'javascript:alert(1)'],
    ['query', 'X?redirect=https://evil.com'],
    ['fragment', 'X#y'],
    ['percent-encoding', 'X%2F..'],
    ['at sign', 'x@evil.com'],
    ['empty', ''],
    ['newline', 'CONT_AWD\n'],
    ['non-ASCII letter', 'CONT_AWD_\u00C4'],
    ['too long', 'A'.repeat(201)],
  ])('refuses an id with %s', (_name, id) => {
    expect(usaspendingAwardUrl(id)).toBeNull();
  });

  test('the 200-character limit is inclusive', () => {
    expect(usaspendingAwardUrl('A'.repeat(200))).toBe(`https://www.usaspending.gov/award/${'A'.repeat(200)}/`);
  });
});

describe('edgarFilerUrl', () => {
  test.each([
    ['1321655', 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001321655'],
    ['1', 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000000001'],
    ['0001321655', 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001321655'],
    ['9999999999', 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=9999999999'],
  ])('pads CIK %s to 10 digits', (cik, url) => {
    expect(edgarFilerUrl(cik)).toBe(url);
  });

  test.each([
    ['letters', '13216a5'],
    ['empty', ''],
    ['11 digits', '12345678901'],
    ['negative', '-1321655'],
    ['decimal', '1321.655'],
    ['surrounding space', ' 1321655'],
    ['full-width digits', '\uFF11\uFF12\uFF13'],
    ['injection', '1321655&action=evil'],
  ])('refuses %s', (_name, cik) => {
    expect(edgarFilerUrl(cik)).toBeNull();
  });
});

describe('fpdsFeedUrl', () => {
  test('quotes and encodes the PIID in the query', () => {
    expect(fpdsFeedUrl('70CTD022FR0000170')).toBe(
      'https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&q=PIID%3A%2270CTD022FR0000170%22',
    );
  });

  test('a dashed PIID is kept as written', () => {
    expect(fpdsFeedUrl('HSCETC-15-C-00001')).toBe(
      'https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&q=PIID%3A%22HSCETC-15-C-00001%22',
    );
  });

  test.each([['"'], ['X" OR PIID:"Y'], ['X&FEEDNAME=OTHER'], ['a b'], [''], ['../x']])('refuses %j', (piid) => {
    expect(fpdsFeedUrl(piid)).toBeNull();
  });
});

describe('samNoticeUrl', () => {
  test.each([
    ['0123456789abcdef0123456789abcdef', 'https://sam.gov/opp/0123456789abcdef0123456789abcdef/view'],
    ['ABCDEFGH', 'https://sam.gov/opp/ABCDEFGH/view'],
  ])('%s', (id, url) => {
    expect(samNoticeUrl(id)).toBe(url);
  });

  test.each([
    ['too short', 'abc1234'],
    ['too long', 'a'.repeat(65)],
    ['dash', 'abcd-1234-efgh'],
    ['slash', 'abcdefgh/../x'],
    ['dot-dot', '..abcdefgh'],
    ['space', 'abcd efgh'],
    ['javascript:', 'javascript:alert1'],
  ])('refuses %s', (_name, id) => {
    expect(samNoticeUrl(id)).toBeNull();
  });
});
