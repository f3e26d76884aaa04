// @vitest-environment happy-dom
// The element fallback, for browsers without the CSS Custom Highlight API.
// happy-dom has no CSS.highlights, so HighlightLayer takes this path here,
// as it would in such a browser.
import { afterEach, describe, expect, test } from 'vitest';
import { HighlightLayer, HL_ENTITY, HL_LOADED, highlightsSupported } from '../../extension/content/highlight.ts';
import { MARK_TAG } from '../../extension/content/wrap-fallback.ts';
import { rangeFor, readPage } from '../../extension/content/read-page.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

function setup(html: string) {
  document.body.innerHTML = html;
  const before = document.body.innerHTML;
  const page = readPage(document.body);
  const range = (text: string, from = 0) => {
    const at = page.text.indexOf(text, from);
    if (at < 0) throw new Error(`${text} not in page`);
    return rangeFor(page, at, at + text.length, document)!;
  };
  return { before, page, range };
}

describe('highlight fallback: wrapping only where the Highlight API is missing', () => {
  test('happy-dom lacks the API, so the fallback is what runs here', () => {
    expect(highlightsSupported()).toBe(false);
  });

  test('wraps each range in our own element, text unchanged, and unwraps to the identical DOM', () => {
    const { before, range } = setup('<p id="a">Palantir and <b>ICE</b> signed.</p><p>The <i>Department of</i> Homeland Security agreed.</p>');
    const first = document.getElementById('a')!.firstChild!;
    const layer = new HighlightLayer();
    const ranges = [range('Palantir'), range('ICE'), range('Department of Homeland Security')];
    layer.set(HL_ENTITY, ranges);
    const marks = [...document.querySelectorAll(MARK_TAG)];
    expect(marks.map((m) => m.textContent)).toEqual(['Palantir', 'ICE', 'Department of', ' Homeland Security']);
    expect(marks.every((m) => m.getAttribute('data-receipts') === HL_ENTITY && /text-decoration/.test(m.getAttribute('style') ?? ''))).toBe(true);
    expect(document.body.textContent).toBe('Palantir and ICE signed.The Department of Homeland Security agreed.');
    // The ranges now select the wrapped text (hover and reveal keep working).
    expect(ranges.map((r) => r.toString())).toEqual(['Palantir', 'ICE', 'Department of Homeland Security']);
    layer.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    // The original text node kept its identity and its full text.
    expect(document.getElementById('a')!.firstChild).toBe(first);
    expect((first as Text).data).toBe('Palantir and ');
    expect(document.getElementById('a')!.childNodes).toHaveLength(3);
  });

  test('setting a name again unwraps only what was dropped; other names are left alone', () => {
    const { before, range } = setup('<p>Palantir said the deal was scandalous, and ICE agreed with Palantir.</p>');
    const layer = new HighlightLayer();
    const a = range('Palantir');
    const b = range('ICE');
    layer.set(HL_ENTITY, [a, b]);
    // A later scan reads the page as it is now, through our elements.
    const now = readPage(document.body);
    const at = now.text.indexOf('scandalous');
    layer.set(HL_LOADED, [rangeFor(now, at, at + 'scandalous'.length)!]);
    layer.set(HL_ENTITY, [a]);
    expect([...document.querySelectorAll(MARK_TAG)].map((m) => `${m.getAttribute('data-receipts')}:${m.textContent}`)).toEqual([
      `${HL_ENTITY}:Palantir`,
      `${HL_LOADED}:scandalous`,
    ]);
    expect(a.toString()).toBe('Palantir');
    layer.set(HL_ENTITY, []);
    layer.set(HL_LOADED, []);
    expect(document.body.innerHTML).toBe(before);
  });

  test('the page’s own elements and text outside our ranges are never touched', () => {
    const { range } = setup('<p><span class="x">ICE</span> <mark>own mark</mark></p>');
    const span = document.querySelector('span.x')!;
    const own = document.querySelector('mark')!;
    const layer = new HighlightLayer();
    layer.set(HL_ENTITY, [range('ICE')]);
    expect(span.firstElementChild?.tagName.toLowerCase()).toBe(MARK_TAG);
    expect(own.outerHTML).toBe('<mark>own mark</mark>');
    layer.clear();
    expect(span.outerHTML).toBe('<span class="x">ICE</span>');
  });
});
