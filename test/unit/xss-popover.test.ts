// @vitest-environment happy-dom
// Poisoned index records rendered by the popover (issue 8a). Every text field
// of a vendor, an agency, a program and an award holds the same hostile
// string (test/fixtures/hostile/vectors.ts); so do the mention, the match
// reason and the index version. The popover must show each one as text: no
// element or attribute from the data, no event handler, every link https on
// the primary-source allow-list. Written with `h` so it needs no JSX.
import { cleanup, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AgencyRecord, AwardRecord, IndexRecord, ProgramRecord, Provenance, VendorRecord } from '../../src/model/types.ts';
import type { Mention } from '../../src/report/types.ts';
import { ALLOWED_HOSTS } from '../../src/links/primary-sources.ts';
import type { DescribeResponse } from '../../extension/protocol.ts';
import { Popover } from '../../extension/ui/popover/Popover.tsx';
import { MEGABYTE, XSS_VECTORS } from '../fixtures/hostile/vectors.ts';

// The popover reads the reader's language from storage.sync; outside a browser there is none.
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { sync: { get: async () => ({}), set: async () => undefined }, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    runtime: { id: 'test' },
  },
}));

afterEach(cleanup);

// Elements the vectors carry. The popover itself uses none of them (links are checked separately).
const FORBIDDEN_TAGS = new Set([
  'SCRIPT', 'IMG', 'SVG', 'IFRAME', 'MATH', 'MI', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'BODY', 'LINK', 'META', 'BASE',
  'FRAME', 'INPUT', 'TEMPLATE', 'VIDEO', 'AUDIO', 'SOURCE',
]);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster', 'background'];

function poisoned(v: string): { records: Record<string, IndexRecord>; ids: Record<IndexRecord['kind'], string> } {
  const prov = (): Provenance => ({ tier: 'reported', sources: [{ url: v, title: v, retrieved: v }], asOf: v });
  const ids = { vendor: `vendor:${v}`, agency: `agency:${v}`, program: `program:${v}`, award: `award:${v}` };
  const award: AwardRecord = {
    id: ids.award, kind: 'award', name: v, provenance: { ...prov(), tier: 'primary' },
    generatedId: v, piid: v, parentPiid: v, vendorId: ids.vendor, recipientName: v, agencyId: ids.agency, subAgencyId: v,
    values: { obligated: 1, obligatedBasis: v, current: 2, ceiling: 3 },
    dates: { signed: v, start: v, currentEnd: v, potentialEnd: v, lastModified: v },
    description: v, descriptionIsSummary: true,
    competition: {
      extentCompeted: { code: v, recorded: v }, fairOpportunity: { code: v, recorded: v },
      otherThanFullAndOpen: { code: v, recorded: v }, solicitationProcedures: { code: v, recorded: v },
      offersReceived: 2, solicitationId: v,
    },
    pricing: v,
    modifications: [{ id: `mod:${v}`, number: v, date: v, description: v, note: v, provenance: prov() }],
    caveats: [v, `${v} (2)`],
  };
  const vendor: VendorRecord = {
    id: ids.vendor, kind: 'vendor', name: v, provenance: prov(), aliases: [v], weakAliases: [v], previousNames: [v],
    identifiers: { uei: v, duns: v, cage: v, cik: v }, parentId: ids.agency, subsidiaryIds: [v], awardIds: [ids.award, v],
  };
  const agency: AgencyRecord = {
    id: ids.agency, kind: 'agency', name: v, provenance: prov(), code: v, acronyms: [v], aliases: [v], parentId: v, awardIds: [ids.award, v],
  };
  const program: ProgramRecord = {
    id: ids.program, kind: 'program', name: v, provenance: prov(), aliases: [v], description: { en: v, de: v },
    vendorIds: [ids.vendor, v], agencyIds: [ids.agency, v], awardIds: [ids.award, v], modificationIds: [`mod:${v}`],
  };
  // Built through JSON, as a structured-cloned message would arrive: a plain object, prototype and all.
  const records = JSON.parse(JSON.stringify({ [vendor.id]: vendor, [agency.id]: agency, [program.id]: program, [award.id]: award })) as Record<string, IndexRecord>;
  return { records, ids };
}

function mentionOf(v: string, id: string): Mention {
  return {
    start: 0, end: v.length, text: v, kind: 'company', id, confidence: 0.9,
    reason: { rule: v, alias: v, context: [v, v], explanation: v },
  };
}

function renderPoisoned(v: string, kind: IndexRecord['kind']): Element {
  const { records, ids } = poisoned(v);
  const data: DescribeResponse = { records, missing: [v], index: { version: v, created: v, dataAsOf: v } };
  const { container } = render(
    h(Popover, {
      mention: mentionOf(v, ids[kind]),
      data,
      error: null,
      position: { index: 0, total: 1 },
      pageIds: new Set([v, ids.agency]),
      focus: false,
      onClose: () => undefined,
      onStep: () => undefined,
      loaded: [{ start: 0, end: v.length, text: v, category: v, reason: v }],
      claims: [
        {
          start: 0, end: v.length, text: v, kind: v, refersTo: [ids.award, v], scope: 'sentence', verdict: 'differs',
          sources: [v, 'https://evil.example/'], explanation: { en: v, de: v },
        },
      ],
    }),
  );
  return container;
}

/** Everything a hostile string could have turned into, if it were ever parsed as markup. */
function assertInert(container: Element): void {
  for (const el of container.querySelectorAll('*')) {
    expect(FORBIDDEN_TAGS.has(el.tagName.toUpperCase()), `<${el.tagName}> in the popover`).toBe(false);
    for (const a of el.attributes) {
      expect(a.name.toLowerCase().startsWith('on'), `event handler attribute ${a.name}`).toBe(false);
      expect(a.name.toLowerCase(), 'srcdoc attribute').not.toBe('srcdoc');
      // The popover sizes itself (max-height); a style may never carry data or fetch anything.
      if (a.name.toLowerCase() === 'style') expect(a.value, 'style attribute').toMatch(/^[a-z-]+:\s*[\d.]+px;?(\s*[a-z-]+:\s*[\d.]+px;?)*$/);
      if (URL_ATTRS.includes(a.name.toLowerCase()) && a.name !== 'href') throw new Error(`URL attribute ${a.name}`);
    }
  }
  for (const a of container.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    const u = new URL(href);
    expect(u.protocol).toBe('https:');
    expect(ALLOWED_HOSTS.has(u.hostname), `link to ${u.hostname}`).toBe(true);
    expect(u.username + u.password + u.port).toBe('');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  }
}

const KINDS: IndexRecord['kind'][] = ['vendor', 'agency', 'program', 'award'];
const short = (v: string) => (v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : JSON.stringify(v));

describe(`poisoned records in the popover (${XSS_VECTORS.length} vectors × ${KINDS.length} record kinds)`, () => {
  // The 1 MB string gets its own test below (in every field of all four kinds it takes ~14 s).
  test.each(XSS_VECTORS.filter((v) => v !== MEGABYTE).map((v) => [short(v), v] as const))('%s: shown as text, no markup, no foreign link', (_name, v) => {
    for (const kind of KINDS) {
      const container = renderPoisoned(v, kind);
      assertInert(container);
      // The title is the record's name, character for character.
      expect(container.querySelector('h2')?.textContent).toBe(v);
      // The match reason shows the explanation verbatim.
      expect(container.querySelector('.why p')?.textContent).toBe(v);
      if (kind === 'award' || kind === 'vendor' || kind === 'program') {
        // The award card shows the description literally.
        const desc = [...container.querySelectorAll('.desc')].map((e) => e.textContent ?? '');
        expect(desc.some((t) => t.endsWith(v))).toBe(true);
      }
      cleanup();
    }
  });

  test('the 1 MB string in every field of a vendor is rendered whole, as text', () => {
    const container = renderPoisoned(MEGABYTE, 'vendor');
    assertInert(container);
    expect(container.querySelector('h2')?.textContent).toBe(MEGABYTE);
  });

  test('with a real allow-listed id the links are built, and only they', () => {
    const { records, ids } = poisoned('<b>x</b>');
    const award = records[ids.award] as AwardRecord;
    award.generatedId = 'CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730';
    award.piid = '70CTD022FR0000170';
    const vendor = records[ids.vendor] as VendorRecord;
    vendor.identifiers.cik = '1321655';
    const { container } = render(
      h(Popover, {
        mention: mentionOf('<b>x</b>', ids.vendor),
        data: { records, missing: [], index: { version: '1', created: '2026-11-29' } },
        error: null, position: { index: 0, total: 1 }, pageIds: new Set<string>(), focus: false,
        onClose: () => undefined, onStep: () => undefined,
      }),
    );
    assertInert(container);
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001321655',
      'https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/',
      'https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&q=PIID%3A%2270CTD022FR0000170%22',
    ]);
  });

  test('an error string from the background is shown as text', () => {
    const v = XSS_VECTORS[1]!;
    const { container } = render(
      h(Popover, {
        mention: mentionOf(v, 'vendor:x'), data: null, error: v, position: { index: 0, total: 1 }, pageIds: new Set<string>(),
        focus: false, onClose: () => undefined, onStep: () => undefined,
      }),
    );
    assertInert(container);
    expect(container.querySelector('.error')?.textContent).toBe(v);
  });
});

describe('ids that name Object.prototype members', () => {
  // A record map that arrives by structured clone is a plain object: records["constructor"]
  // is Object itself unless the UI guards its lookups. The popover must not show a
  // name that is not in the data ("Object", "toString", "function …").
  test.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('references to "%s" show no invented name', (key) => {
    const { records, ids } = poisoned('Poisoned');
    const award = records[ids.award] as AwardRecord;
    award.vendorId = key;
    award.agencyId = key;
    award.subAgencyId = key;
    const program = records[ids.program] as ProgramRecord;
    program.vendorIds = [key];
    program.agencyIds = [key];
    for (const kind of ['award', 'program'] as const) {
      const { container } = render(
        h(Popover, {
          mention: mentionOf('Poisoned', ids[kind]),
          data: { records, missing: [], index: { version: '1', created: '2026-11-29' } },
          error: null, position: { index: 0, total: 1 }, pageIds: new Set<string>(), focus: false,
          onClose: () => undefined, onStep: () => undefined,
        }),
      );
      assertInert(container);
      const text = container.textContent ?? "";
      expect(text, `${kind} popover`).not.toMatch(/Object|function|native code/);
      expect(text, `${kind} popover`).not.toMatch(new RegExp(`· ${key}|Run by ?${key}|Built by ?${key}`));
      cleanup();
    }
  });
});
