// @vitest-environment happy-dom
// The draft review page: typed, pasted (rich) and dropped text gets the same
// report as `annotate` (the CLI's pipeline), findings are marked in our own
// text view as text (never as HTML), and a click in the list flashes the mark.
// The background is answered by the real engine over the bundled index.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { openIndex } from '../../src/cli/load-index.ts';
import { analyze, annotate, type Engine } from '../../src/report/annotate.ts';
import { describe as describeIds } from '../../src/query/describe.ts';

const bg = vi.hoisted(() => ({ engine: null as unknown, calls: [] as string[] }));

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { sync: { get: async () => ({}), set: async () => undefined }, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    runtime: {
      id: 'test',
      sendMessage: async (m: { type: string; payload: { text?: string; ids?: string[] } }) => {
        bg.calls.push(m.type);
        const engine = bg.engine as Engine;
        const mf = engine.reader.manifest;
        if (m.type === 'annotate') return { ok: true, value: { ...(await analyze(m.payload.text!, engine)), version: mf.version } };
        if (m.type === 'describe') {
          const { records, missing } = await describeIds(engine.reader, m.payload.ids!);
          return { ok: true, value: { records, missing, index: { version: mf.version, created: mf.created, ...(mf.dataAsOf ? { dataAsOf: mf.dataAsOf } : {}) } } };
        }
        return { ok: false, error: { code: 'bad-request', message: m.type } };
      },
    },
  },
}));

const { Review } = await import('../../extension/ui/review/Review.tsx');
const { fileText, htmlToText, accepted } = await import('../../extension/ui/review/read-input.ts');
const { segmentText } = await import('../../extension/ui/review/AnnotatedText.tsx');

const FIX = resolve(import.meta.dirname, '../fixtures/report');
let engine: Engine;
beforeAll(async () => {
  engine = await openIndex();
  bg.engine = engine;
}, 60_000);
afterEach(cleanup);

function textarea(c: Element): HTMLTextAreaElement {
  return c.querySelector('textarea')!;
}

describe('review page', () => {
  test('typed text: the same mentions, loaded and claims as annotate(), each marked in the text', async () => {
    const text = readFileSync(resolve(FIX, 'en.txt'), 'utf8');
    const { container } = render(h(Review, {}));
    fireEvent.input(textarea(container), { target: { value: text } });
    await waitFor(() => expect(container.querySelector('.annotated')).not.toBeNull(), { timeout: 10_000 });
    const cli = await annotate(text, engine);
    const findings = container.querySelectorAll('.finding[data-list="mentions"]');
    expect(findings.length).toBe(cli.mentions.length);
    expect(container.querySelectorAll('.finding[data-list="loaded"]').length).toBe(cli.loaded.length);
    expect(container.querySelectorAll('.finding[data-list="claims"]').length).toBe(cli.claims.length);
    // Every mention has at least one mark, and the marks' text is the mention's text.
    cli.mentions.forEach((m, i) => {
      const marks = [...container.querySelectorAll(`mark[data-f~="mentions:${i}"]`)];
      expect(marks.map((x) => x.textContent).join('')).toBe(m.text);
    });
    // The view holds the text exactly, as text.
    expect(container.querySelector('.annotated')!.textContent).toBe(text);
    expect(bg.calls).toContain('describe');
  });

  test('clicking a finding flashes its mark', async () => {
    const text = 'Palantir Technologies won again.';
    const { container } = render(h(Review, {}));
    fireEvent.input(textarea(container), { target: { value: text } });
    const button = await waitFor(
      () => {
        const b = container.querySelector<HTMLButtonElement>('.finding[data-list="mentions"]');
        if (!b) throw new Error('no finding yet');
        return b;
      },
      { timeout: 10_000 },
    );
    fireEvent.click(button);
    expect(container.querySelector('mark[data-f~="mentions:0"]')!.classList.contains('flash')).toBe(true);
  });

  test('pasted rich text is read as the page reader reads it, and markup stays text', async () => {
    const { container } = render(h(Review, {}));
    const html = '<p>ICE paid <b>Palantir</b> again.</p><p>&lt;img src=x onerror=alert(1)&gt;<script>alert(2)</script></p>';
    const ta = textarea(container);
    const data = { getData: (t: string) => (t === 'text/html' ? html : 'plain') };
    fireEvent.paste(ta, { clipboardData: data });
    await waitFor(() => expect(container.querySelector('.annotated')).not.toBeNull(), { timeout: 10_000 });
    expect(ta.value).toBe('ICE paid Palantir again.\n\n<img src=x onerror=alert(1)>');
    expect(container.querySelector('.annotated img, .annotated script')).toBeNull();
    expect(container.querySelector('.annotated')!.textContent).toBe(ta.value);
  });

  test('an unsupported file is refused with the accepted types', async () => {
    const { container } = render(h(Review, {}));
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['x'], 'draft.docx');
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() => expect(container.querySelector('[data-field="review-status"]')!.textContent).toContain('draft.docx is not a file Receipts reads'));
  });
});

describe('reading input', () => {
  test('HTML files go through the page reader (as the CLI does), text files as they are', () => {
    const html = readFileSync(resolve(FIX, 'article.html'), 'utf8');
    expect(fileText('article.html', html)).toBe(htmlToText(html));
    expect(fileText('article.html', html)).not.toContain('<');
    expect(fileText('draft.txt', '\uFEFFICE <b>')).toBe('ICE <b>');
    expect(fileText('notes.md', '# ICE\n\n*Palantir*')).toBe('# ICE\n\n*Palantir*');
    expect(accepted('A.HTML')).toBe(true);
    expect(accepted('a.pdf')).toBe(false);
  });

  test('overlapping findings are cut into segments that name every finding', () => {
    const spans = [
      { start: 0, end: 10, list: 'mentions' as const, index: 0, cls: 'entity' },
      { start: 5, end: 15, list: 'loaded' as const, index: 0, cls: 'loaded' },
    ];
    const segs = segmentText(20, spans);
    expect(segs.map((s) => [s.start, s.end, s.spans.length])).toEqual([[0, 5, 1], [5, 10, 2], [10, 15, 1], [15, 20, 0]]);
  });
});
