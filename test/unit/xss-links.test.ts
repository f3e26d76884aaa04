// Primary-source links from poisoned ids (issue 8b): whatever an index record
// holds, a link is either null or https on the allow-list, with the id encoded
// into the path or query and nothing else changed. Fixed hostile URLs plus
// random strings (fast-check; RECEIPTS_FUZZ_RUNS runs, default 500).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ALLOWED_HOSTS, edgarFilerUrl, fpdsFeedUrl, safeUrl, samNoticeUrl, usaspendingAwardUrl } from '../../src/links/primary-sources.ts';
import { XSS_VECTORS } from '../fixtures/hostile/vectors.ts';

const RUNS = Number(process.env.RECEIPTS_FUZZ_RUNS ?? 500);
const BUILDERS = { usaspendingAwardUrl, fpdsFeedUrl, samNoticeUrl, edgarFilerUrl };

function assertAllowed(url: string | null): void {
  if (url === null) return;
  const u = new URL(url);
  expect(u.protocol).toBe('https:');
  expect(ALLOWED_HOSTS.has(u.hostname)).toBe(true);
  expect(u.username + u.password + u.port).toBe('');
  expect(u.href).toBe(url);
}

const REFUSED = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'http://www.usaspending.gov/award/X/',
  'ftp://www.usaspending.gov/',
  'https://evil.example/',
  'https://www.usaspending.gov.evil.example/',
  'https://www.usaspending.gov@evil.example/',
  'https://user:pw@www.usaspending.gov/',
  'https://www.usaspending.gov:8443/',
  'https://usaspending.gov/',
  'https://xn--www-usaspending-gov.example/',
  'https://www.sec.gov%2e.evil.example/',
  '//www.usaspending.gov/award/X/',
  '/award/X/',
  'https://www.usaspending.gov\u202E/',
  'blob:https://www.usaspending.gov/1',
  'file:///etc/passwd',
  'chrome-extension://abc/options.html',
];

describe('safeUrl refuses everything but https on the allow-list', () => {
  test.each(REFUSED)('%s', (url) => expect(safeUrl(url)).toBeNull());

  test('allow-listed https URLs pass, normalised', () => {
    expect(safeUrl('https://WWW.USASPENDING.GOV/award/X/')).toBe('https://www.usaspending.gov/award/X/');
    expect(safeUrl('https://www.sec.gov/cgi-bin/browse-edgar?CIK=1')).toBe('https://www.sec.gov/cgi-bin/browse-edgar?CIK=1');
  });

  test('random strings: null or allowed', () => {
    fc.assert(fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ unit: 'binary' })), (s) => assertAllowed(safeUrl(s))), { numRuns: RUNS, seed: 10_001 });
  });
});

describe(`link builders with poisoned ids (${XSS_VECTORS.length} vectors × ${Object.keys(BUILDERS).length} builders)`, () => {
  test.each(Object.entries(BUILDERS))('%s refuses every vector with markup, a scheme, a space or a control character', (_name, build) => {
    let refused = 0;
    for (const v of XSS_VECTORS) {
      const url = build(v);
      assertAllowed(url);
      if (/[^A-Za-z0-9_-]/.test(v)) {
        expect(url, JSON.stringify(v.slice(0, 40))).toBeNull();
        refused++;
      } else if (url) {
        // A plain identifier ("__proto__") is only a path or query value on the allowed host.
        expect(decodeURIComponent(url)).toContain(v);
      }
    }
    expect(refused).toBeGreaterThanOrEqual(30);
  });

  test.each(Object.entries(BUILDERS))('%s: random ids give null or an allowed link that carries the id only in its path or query', (_name, build) => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.stringMatching(/^[A-Za-z0-9_\-./%?#&=:@]{1,80}$/)), (id) => {
        const url = build(id);
        assertAllowed(url);
        if (url) expect(new URL(url).hash).toBe('');
      }),
      { numRuns: RUNS, seed: 10_002 },
    );
  });

  test('path traversal and query smuggling never leave the award path', () => {
    for (const id of ['..', '../../x', '%2e%2e', 'X?evil=1', 'X#frag', 'X/../../', 'X&FEEDNAME=PRIVATE']) {
      const url = usaspendingAwardUrl(id);
      if (url) expect(new URL(url).pathname.startsWith('/award/')).toBe(true);
      expect(fpdsFeedUrl(id)).toBeNull();
    }
  });
});
