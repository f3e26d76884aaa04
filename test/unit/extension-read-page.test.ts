// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { BLOCK_BREAK, offsetOf, rangeFor, rangeMaker, readPage, segmentAt, type PageText } from '../../extension/content/read-page.ts';

function load(html: string): { page: PageText; before: string } {
  document.body.innerHTML = html;
  const before = document.body.innerHTML;
  const page = readPage(document.body);
  expect(document.body.innerHTML).toBe(before);
  return { page, before };
}

const textOf = (html: string) => load(html).page.text;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readPage: block boundaries', () => {
  test.each([
    ['two paragraphs', '<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['div and heading', '<h1>Title</h1><div>Body</div>', 'Title\n\nBody'],
    ['list items', '<ul><li>a</li><li>b</li></ul>', 'a\n\nb'],
    ['table cells', '<table><tbody><tr><td>x</td><td>y</td></tr></tbody></table>', 'x\n\ny'],
    ['br', 'a<br>b', 'a\n\nb'],
    ['inline elements do not break', '<p>Pal<a href="#">an</a>t<em>i</em><span>r</span> won</p>', 'Palantir won'],
    ['strong, b, i, mark inline', '<p><strong>A</strong><b>B</b><i>C</i><mark>D</mark></p>', 'ABCD'],
    ['nested blocks give one break', '<div><div><p>a</p></div></div><div><section><p>b</p></section></div>', 'a\n\nb'],
    ['text after a closing block', '<div>a<p>b</p>c</div>', 'a\n\nb\n\nc'],
    ['no leading break before the first text', '<div><p></p><p>first</p></div>', 'first'],
    ['no trailing break', '<p>last</p><div></div>', 'last'],
    ['empty blocks between text collapse', '<p>a</p><p></p><div></div><p>b</p>', 'a\n\nb'],
    ['whitespace text nodes are kept as is', '<p>a</p> <p>b</p>', 'a\n\n \n\nb'],
    ['comments are ignored', '<p>a<!-- hidden note -->b</p>', 'ab'],
  ])('%s', (_name, html, text) => {
    expect(textOf(html)).toBe(text);
  });

  test('BLOCK_BREAK is a blank line', () => {
    expect(BLOCK_BREAK).toBe('\n\n');
  });
});

describe('readPage: skipped subtrees', () => {
  test.each([
    ['script', '<p>a<script>var ICE = 1;</script>b</p>'],
    ['style', '<p>a<style>.Palantir{}</style>b</p>'],
    ['noscript', '<p>a<noscript>Palantir</noscript>b</p>'],
    ['textarea', '<p>a<textarea>Palantir</textarea>b</p>'],
    ['input', '<p>a<input value="Palantir">b</p>'],
    ['select/option', '<p>a<select><option>Palantir</option></select>b</p>'],
    ['button', '<p>a<button>Palantir</button>b</p>'],
    ['pre', '<div>a<pre>Palantir</pre>b</div>'],
    ['template', '<p>a<template>Palantir</template>b</p>'],
    ['hidden attribute', '<p>a<span hidden>Palantir</span>b</p>'],
    ['hidden block', '<p>a</p><div hidden><p>Palantir</p></div><p>b</p>'],
    ['contenteditable="true"', '<p>a<span contenteditable="true">Palantir</span>b</p>'],
    ['contenteditable with no value', '<p>a<span contenteditable>Palantir</span>b</p>'],
    ['contenteditable="plaintext-only"', '<p>a<span contenteditable="plaintext-only">Palantir</span>b</p>'],
    ['contenteditable="TRUE"', '<p>a<span contenteditable="TRUE">Palantir</span>b</p>'],
  ])('%s', (_name, html) => {
    const t = textOf(html);
    expect(t).not.toContain('Palantir');
    expect(t.replace(/\s/g, '')).toBe('ab');
  });

  test('inline <code> is read (news sites set contract numbers in it), <pre> is not', () => {
    expect(textOf('<p>order <code>70CTD022FR0000170</code> ran</p><pre>x = ICE</pre>')).toBe('order 70CTD022FR0000170 ran');
  });

  test('contenteditable="false" is read', () => {
    expect(textOf('<p>a<span contenteditable="false">X</span>b</p>')).toBe('aXb');
  });

  test('a hidden or skipped block still separates its neighbours', () => {
    // Skipped subtrees contribute nothing, not even a break; the surrounding blocks do.
    expect(textOf('<p>a</p><pre>code</pre><p>b</p>')).toBe('a\n\nb');
  });

  test('exclude() drops matching elements and their subtree', () => {
    document.body.innerHTML = '<p>keep</p><div class="receipts-host"><p>Palantir</p></div><p>also</p>';
    const before = document.body.innerHTML;
    const seen: string[] = [];
    const page = readPage(document.body, {
      exclude: (el) => {
        seen.push(el.tagName);
        return el.classList.contains('receipts-host');
      },
    });
    expect(page.text).toBe('keep\n\nalso');
    // Only elements outside the excluded subtree are asked about.
    expect(seen).toEqual(['P', 'DIV', 'P']);
    expect(document.body.innerHTML).toBe(before);
  });

  test('reads only below the root', () => {
    document.body.innerHTML = '<p>before</p><article id="a"><p>inside</p></article><p>after</p>';
    expect(readPage(document.getElementById('a')!).text).toBe('inside');
  });
});

describe('readPage: newlines and offsets', () => {
  test.each([
    ['LF', '<p>Immigration and Customs\nEnforcement</p>', 'Immigration and Customs Enforcement'],
    ['CRLF one-for-one', '<p>a\r\nb</p>', 'a  b'],
    ['several', '<p>\nx\n\ny\n</p>', ' x  y '],
  ])('newlines inside a text node become spaces: %s', (_name, html, text) => {
    const { page } = load(html);
    expect(page.text).toBe(text);
    const seg = page.segments[0]!;
    expect(seg.node.data.length).toBe(text.length);
  });

  test('segments point at the page text exactly', () => {
    const { page } = load('<h2>Head\nline</h2><p>Pal<em>an</em>tir and <a href="#">ICE</a>.</p><ul><li>one</li></ul>');
    for (const s of page.segments) {
      expect(page.text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data.replace(/[\n\r]/g, ' '));
    }
    // Segments are in increasing order and do not overlap.
    for (let i = 1; i < page.segments.length; i++) {
      const prev = page.segments[i - 1]!;
      expect(page.segments[i]!.start).toBeGreaterThanOrEqual(prev.start + prev.node.data.length);
    }
  });
});

describe('rangeFor, segmentAt, offsetOf', () => {
  test('a range across inline elements reads the same text', () => {
    const { page } = load('<p>Der Konzern Pal<em>an</em>tir gewann.</p>');
    const start = page.text.indexOf('Palantir');
    expect(start).toBeGreaterThan(0);
    const range = rangeFor(page, start, start + 'Palantir'.length, document)!;
    expect(range).not.toBeNull();
    expect(range.toString()).toBe('Palantir');
    expect(range.startContainer).toBe(page.segments[0]!.node);
    expect(range.endContainer).toBe(page.segments[2]!.node);
  });

  test.each([
    ['whole first word', 0, 3],
    ['inside one node', 4, 11],
    ['across three nodes', 12, 20],
    ['up to the end of the page', 12, -1],
    ['a single character', 5, 6],
  ])('range text equals text.slice: %s', (_name, start, endOrMinus) => {
    const { page } = load('<p>Die Behörde <b>ICE</b> und Pal<em>an</em>tir<span> verlängern</span></p>');
    const end = endOrMinus < 0 ? page.text.length : endOrMinus;
    const range = rangeFor(page, start, end, document)!;
    expect(range.toString()).toBe(page.text.slice(start, end));
  });

  test('every in-text span round-trips through rangeFor', () => {
    const { page } = load('<p>a<i>bc</i>d</p><p>e<b>f</b></p>');
    expect(page.text).toBe('abcd\n\nef');
    for (let s = 0; s < page.text.length; s++) {
      for (let e = s + 1; e <= page.text.length; e++) {
        const r = rangeFor(page, s, e, document);
        const slice = page.text.slice(s, e);
        const startsInBreak = page.text[s] === '\n';
        const endsInBreak = page.text[e - 1] === '\n';
        if (startsInBreak || endsInBreak) {
          expect(r).toBeNull();
        } else {
          // A range over a block break reads the DOM text, which has no blank line.
          expect(r!.toString()).toBe(slice.replace(BLOCK_BREAK, ''));
        }
      }
    }
  });

  test('rangeMaker gives the same range as rangeFor, in order, out of order and at random', () => {
    const { page } = load('<h1>Ti<b>tle</b></h1><p>Pal<em>an</em>tir, <a href="#">ICE</a> und ICM.</p><ul><li>x<i>y</i></li><li>z</li></ul>');
    const spans: [number, number][] = [];
    for (let s = 0; s < page.text.length; s++) for (let e = s + 1; e <= page.text.length; e++) spans.push([s, e]);
    const same = (make: (s: number, e: number) => Range | null, order: [number, number][]) => {
      for (const [s, e] of order) {
        const want = rangeFor(page, s, e);
        const got = make(s, e);
        expect(got === null, `${s}-${e}`).toBe(want === null);
        if (got && want) {
          expect([got.startContainer, got.startOffset, got.endContainer, got.endOffset]).toEqual([want.startContainer, want.startOffset, want.endContainer, want.endOffset]);
        }
      }
    };
    same(rangeMaker(page), spans);
    same(rangeMaker(page), [...spans].reverse());
    let seed = 7;
    const shuffled = [...spans].sort(() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5);
    same(rangeMaker(page), shuffled);
  });

  test('a span the page has since shortened gets no range, not an exception', () => {
    const { page } = load('<p>Palantir gewann</p>');
    page.segments[0]!.node.data = 'Pal';
    expect(rangeFor(page, 0, 8)).toBeNull();
    expect(rangeMaker(page)(0, 8)).toBeNull();
    expect(rangeMaker(page)(0, 3)!.toString()).toBe('Pal');
  });

  test('a range inside a block break is null', () => {
    const { page } = load('<p>ab</p><p>cd</p>');
    expect(page.text).toBe('ab\n\ncd');
    expect(rangeFor(page, 2, 4, document)).toBeNull();
    expect(rangeFor(page, 0, 99, document)).toBeNull();
  });

  test('segmentAt and offsetOf round-trip for every character', () => {
    const { page } = load('<h1>Title</h1><p>Pal<em>an</em>tir, <a href="#">ICE</a> und ICM.</p><ul><li>x</li></ul>');
    let checked = 0;
    for (let i = 0; i < page.text.length; i++) {
      const seg = segmentAt(page, i);
      if (page.text[i] === '\n') {
        expect(seg).toBeUndefined();
        continue;
      }
      expect(seg).toBeDefined();
      expect(offsetOf(page, seg!.node, i - seg!.start)).toBe(i);
      expect(seg!.node.data[i - seg!.start]).toBe(page.text[i]);
      checked++;
    }
    expect(checked).toBe(page.text.replace(/\n/g, '').length);
    expect(segmentAt(page, -1)).toBeUndefined();
    expect(segmentAt(page, page.text.length)).toBeUndefined();
  });

  test('offsetOf is undefined for a node that was not read', () => {
    const { page } = load('<p>a</p><script>b</script>');
    const script = document.querySelector('script')!.firstChild!;
    expect(offsetOf(page, script, 0)).toBeUndefined();
    expect(offsetOf(page, document.body, 0)).toBeUndefined();
  });
});

describe('readPage: robustness', () => {
  test('3,000 nested elements do not overflow the stack', () => {
    const depth = 3000;
    let root: Element = document.body;
    for (let i = 0; i < depth; i++) {
      const el = document.createElement(i % 2 ? 'span' : 'div');
      root.appendChild(el);
      root = el;
    }
    root.appendChild(document.createTextNode('deep Palantir'));
    document.body.appendChild(document.createElement('p')).textContent = 'after';
    const page = readPage(document.body);
    expect(page.text).toBe('deep Palantir\n\nafter');
    const start = page.text.indexOf('Palantir');
    expect(rangeFor(page, start, start + 8, document)!.toString()).toBe('Palantir');
  });

  test('an empty body reads as empty', () => {
    expect(load('').page).toEqual({ text: '', segments: [] });
  });

  test('the DOM is unchanged for a mixed page', () => {
    const html =
      '<article><h1>ICE und Palantir</h1><p>Die <em>US-Einwanderungsbehörde</em>\nICE</p>' +
      '<script>1</script><textarea>x</textarea><div hidden>y</div><pre>z</pre></article>';
    const { page, before } = load(html);
    expect(page.text).toBe('ICE und Palantir\n\nDie US-Einwanderungsbehörde ICE');
    rangeFor(page, 0, 3, document);
    segmentAt(page, 5);
    expect(document.body.innerHTML).toBe(before);
  });
});
