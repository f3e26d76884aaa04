// @vitest-environment happy-dom
// Property-based tests of the page reader (issue 8): random DOMs with random
// nesting, inline markup, RTL text, emoji, combining marks, very long words
// and zero-width characters, read by the content script's `readPage`, matched
// with the bundled index's compiled dictionary, and mapped back with
// `rangeFor`. Properties: nothing throws; every range covers exactly the
// characters of the mention it claims (Range.toString() equals the mention's
// text, after the reader's one-for-one newline-to-space mapping); the page's
// DOM is unchanged, node for node.
//
// Size: RECEIPTS_FUZZ_RUNS sets the runs per property (default 150 keeps
// `npm test` quick; the full run is RECEIPTS_FUZZ_RUNS=3000, 20×). Seeds are
// fixed so a failure reproduces; fast-check prints the shrunk counterexample.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { offsetOf, rangeFor, readPage, type PageText } from '../../extension/content/read-page.ts';
import { openIndex } from '../../src/cli/load-index.ts';
import { findMentions, type CompiledDictionary } from '../../src/match/index.ts';

const RUNS = Number(process.env.RECEIPTS_FUZZ_RUNS ?? 150);

let dict: CompiledDictionary;
beforeAll(async () => {
  dict = (await openIndex()).dictionary;
});

// ---- Node specs: plain data, so fast-check can print and shrink them. ----
type Spec = { t: 'text'; s: string } | { t: 'el'; tag: string; attrs: [string, string][]; kids: Spec[] };

/** Names the bundled index knows, so the random pages actually produce mentions. */
const NAMES = [
  'Palantir', 'Palantir Technologies', 'ICE', 'US-Einwanderungsbehörde', 'Immigration and Customs Enforcement',
  'ImmigrationOS', 'FALCON', 'BI Incorporated', 'GEO Group', 'Department of Homeland Security', '70CTD022FR0000170',
  'HSCETC14C00002', '$30 million', '30 Mio. US-Dollar', 'Investigative Case Management',
];
const RTL = ['\u05E9\u05DC\u05D5\u05DD', '\u0645\u0631\u062D\u0628\u0627 \u0628\u0643\u0645', '\u202EPalantir\u202C', '\u200FICE\u200F', '\u061C'];
const EMOJI = ['🧊', '👩🏽‍💻', '🇺🇸', '🏳️‍🌈', '1️⃣', '\uD83D', '\uDE00'];
const COMBINING = ['e\u0301', 'U\u0308', 'a\u0308\u0308\u0308', '\u0301', 'Z\u0336\u0335\u0334'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F'];
const SPACES = [' ', ' ', '\n', '\r\n', '\t', '\u00A0', '\u2029', '\u3000'];

const INLINE = ['span', 'b', 'i', 'em', 'strong', 'a', 'mark', 'code', 'sup', 'small', 'bdi', 'bdo', 'q', 'abbr', 'time', 'font'];
const BLOCK = ['p', 'div', 'section', 'li', 'h2', 'blockquote', 'td', 'br', 'figure', 'article'];
const SKIPPED = ['script', 'style', 'button', 'textarea', 'pre', 'noscript', 'template', 'select'];

/** A long word: one letter repeated, or a name glued to a long run, up to 6,000 characters. */
const longWord = fc.tuple(fc.constantFrom('a', 'Ü', '字', '🧊', 'Palantir'), fc.integer({ min: 50, max: 6000 })).map(([c, n]) => c.repeat(Math.ceil(n / c.length)));

/** An entity name with zero-width characters or combining marks inserted at random points. */
const mangledName = fc
  .tuple(fc.constantFrom(...NAMES), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ZERO_WIDTH, ...COMBINING.slice(3))), { maxLength: 3 }))
  .map(([name, ins]) => ins.reduce((s, [at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1)), name));

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: mangledName },
  { weight: 2, arbitrary: fc.constantFrom(...RTL, ...EMOJI, ...COMBINING, ...ZERO_WIDTH) },
  { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: longWord },
);
const textSpec: fc.Arbitrary<Spec> = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => ({ t: 'text', s: p.join('') }));

const attrs = fc.array(
  fc.oneof(
    fc.constant<[string, string]>(['dir', 'rtl']),
    fc.constant<[string, string]>(['lang', 'ar']),
    fc.constant<[string, string]>(['class', 'x']),
    fc.constant<[string, string]>(['title', 'Palantir <b>']),
    fc.constant<[string, string]>(['contenteditable', 'false']),
  ),
  { maxLength: 2 },
);

function specTree(tags: string[]): fc.Arbitrary<Spec> {
  const { node } = fc.letrec<{ node: Spec }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      textSpec,
      fc.record({ t: fc.constant('el' as const), tag: fc.constantFrom(...tags), attrs, kids: fc.array(tie('node'), { maxLength: 4 }) }),
    ),
  }));
  return node;
}

/** Text split across inline elements at random points ("Pal<b>an</b>tir"). */
const splitName: fc.Arbitrary<Spec> = fc
  .tuple(fc.constantFrom(...NAMES), fc.uniqueArray(fc.nat(), { maxLength: 3 }), fc.constantFrom(...INLINE))
  .map(([name, cuts, tag]) => {
    const at = [...new Set(cuts.map((c) => c % name.length))].filter((c) => c > 0).sort((a, b) => a - b);
    const parts: string[] = [];
    let from = 0;
    for (const c of [...at, name.length]) {
      parts.push(name.slice(from, c));
      from = c;
    }
    const kids: Spec[] = parts.map((s, i) => (i % 2 ? { t: 'el', tag, attrs: [], kids: [{ t: 'text', s }] } : { t: 'text', s }));
    return { t: 'el', tag: 'p', attrs: [], kids: [{ t: 'text', s: 'Heute: ' }, ...kids, { t: 'text', s: ' gewinnt den ICE-Vertrag.' }] };
  });

/** A name cut in two by a subtree the reader skips ("Pal<button>X</button>antir"), or by a comment (not skipped text). */
const nameAroundSkipped: fc.Arbitrary<Spec> = fc
  .tuple(fc.constantFrom(...NAMES), fc.nat(), fc.constantFrom(...SKIPPED, 'span-hidden'), fc.string({ minLength: 1, maxLength: 5 }))
  .map(([name, cut, tag, inner]) => {
    const at = 1 + (cut % Math.max(1, name.length - 1));
    const skipped: Spec = tag === 'span-hidden' ? { t: 'el', tag: 'span', attrs: [['hidden', '']], kids: [{ t: 'text', s: inner }] } : { t: 'el', tag, attrs: [], kids: [{ t: 'text', s: inner }] };
    return { t: 'el', tag: 'p', attrs: [], kids: [{ t: 'text', s: `Heute: ${name.slice(0, at)}` }, skipped, { t: 'text', s: `${name.slice(at)} gewinnt.` }] };
  });

function build(spec: Spec, doc: Document): Node {
  if (spec.t === 'text') return doc.createTextNode(spec.s);
  const el = doc.createElement(spec.tag);
  for (const [k, v] of spec.attrs) el.setAttribute(k, v);
  for (const k of spec.kids) el.append(build(k, doc));
  return el;
}

/** Node for node: type, tag, attributes and every text node's data (innerHTML would merge adjacent text nodes). */
function serialize(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) out.push(`#${JSON.stringify((n as Text).data)}`);
    else if (n.nodeType === 1) {
      const el = n as Element;
      out.push(`<${el.tagName}${[...el.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('')}>`);
      n.childNodes.forEach(walk);
      out.push(`</${el.tagName}>`);
    } else out.push(`?${n.nodeType}`);
  };
  walk(node);
  return out.join('');
}

const stats = { cases: 0, mentions: 0 };

/** The properties every page must satisfy; returns the number of mentions checked. */
function checkPage(specs: Spec[]): number {
  document.body.replaceChildren(...specs.map((s) => build(s, document)));
  const before = serialize(document.body);
  const html = document.body.innerHTML;
  const page: PageText = readPage(document.body);
  // Every segment is its node's data, newlines mapped one-for-one to spaces.
  for (const seg of page.segments) {
    expect(page.text.slice(seg.start, seg.start + seg.node.data.length)).toBe(seg.node.data.replace(/[\n\r]/g, ' '));
  }
  const mentions = findMentions(page.text, dict, { threshold: 0 });
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(page.text.length);
    expect(page.text.slice(m.start, m.end)).toBe(m.text);
    const range = rangeFor(page, m.start, m.end, document);
    expect(range, `no range for ${JSON.stringify(m.text)}`).not.toBeNull();
    expect(range!.toString().replace(/[\n\r]/g, ' ')).toBe(m.text);
    expect(offsetOf(page, range!.startContainer, range!.startOffset)).toBe(m.start);
  }
  expect(serialize(document.body)).toBe(before);
  expect(document.body.innerHTML).toBe(html);
  stats.cases++;
  stats.mentions += mentions.length;
  return mentions.length;
}

describe(`fuzz: readPage + findMentions + rangeFor on random DOMs (${RUNS} runs per property)`, () => {
  test('readable markup only (inline and block elements, any text): ranges cover exactly the mention', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(specTree([...INLINE, ...BLOCK]), splitName), { minLength: 1, maxLength: 6 }), (specs) => {
        found += checkPage(specs);
      }),
      { numRuns: RUNS, seed: 8_001 },
    );
    // The generator must produce mentions, or the property is vacuous.
    expect(found).toBeGreaterThan(RUNS / 2);
  });

  test('names split across inline markup are found and their range spans the pieces', () => {
    fc.assert(
      fc.property(splitName, (spec) => {
        expect(checkPage([spec])).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 8_002 },
    );
  });

  test('skipped subtrees (script, style, button, pre, …) mixed in: a range never covers text the reader skipped', () => {
    fc.assert(
      fc.property(fc.array(specTree([...INLINE, ...BLOCK, ...SKIPPED]), { minLength: 1, maxLength: 6 }), (specs) => {
        checkPage(specs);
      }),
      { numRuns: RUNS, seed: 8_003 },
    );
  });

  test('a name cut by a skipped subtree: the range must not paint the skipped text', () => {
    fc.assert(
      fc.property(nameAroundSkipped, (spec) => {
        checkPage([spec]);
      }),
      { numRuns: RUNS, seed: 8_004 },
    );
  });

  test('deep nesting (2,000 levels) and wide pages (5,000 text nodes) read without overflow', () => {
    let deep: Spec = { t: 'text', s: 'Palantir und ICE' };
    for (let i = 0; i < 2000; i++) deep = { t: 'el', tag: i % 2 ? 'div' : 'span', attrs: [], kids: [deep] };
    expect(checkPage([deep])).toBeGreaterThan(0);
    const wide: Spec[] = Array.from({ length: 5_000 }, (_, i) => ({ t: 'text', s: i % 100 === 0 ? ' Palantir ' : ' x ' }));
    expect(checkPage([{ t: 'el', tag: 'p', attrs: [], kids: wide }])).toBe(50);
  });

  test('case counts', () => {
    // Printed for the report; asserted only to be non-trivial.
    console.info(`[fuzz-read-page] ${stats.cases} pages, ${stats.mentions} mentions checked`);
    expect(stats.cases).toBeGreaterThanOrEqual(RUNS * 2);
  });
});
