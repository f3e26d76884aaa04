// @vitest-environment happy-dom
// Editors: which element is "the editor" for an event, and scanning one never
// writes to it (value, innerHTML and selection are untouched).
import { afterEach, describe, expect, test, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { sync: { get: async () => ({}), set: async () => undefined }, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    runtime: { id: 'test' },
  },
}));

const { EditorWatch, editorOf } = await import('../../extension/content/editable.ts');

afterEach(() => {
  document.body.innerHTML = '';
  document.querySelectorAll('receipts-editor-ui').forEach((h) => h.remove());
});

describe('editorOf', () => {
  test('a textarea, or the outermost contenteditable host; never a contenteditable=false island', () => {
    document.body.innerHTML =
      '<textarea id="ta"></textarea><div id="host" contenteditable="true"><p id="p">a <b id="b">b</b></p>' +
      '<div contenteditable="false"><span id="island">x</span></div></div><p id="plain">c</p>';
    const $ = (id: string) => document.getElementById(id)!;
    expect(editorOf($('ta'))).toBe($('ta'));
    expect(editorOf($('b'))).toBe($('host'));
    expect(editorOf($('p'))).toBe($('host'));
    expect(editorOf($('island'))).toBeNull();
    expect(editorOf($('plain'))).toBeNull();
    expect(editorOf(null)).toBeNull();
  });
});

describe('scanning never writes to an editor', () => {
  test('contenteditable: the analysed text is the editor text; innerHTML unchanged', async () => {
    document.body.innerHTML = '<div id="ce" contenteditable=""><p>Palantir <i>and</i> ICE</p><p>again</p></div>';
    const ce = document.getElementById('ce')!;
    const before = ce.innerHTML;
    const seen: string[] = [];
    const watch = new EditorWatch({
      analyse: async (text) => {
        seen.push(text);
        return { mentions: [{ start: 0, end: 8, text: 'Palantir', kind: 'company', id: 'vendor:x', confidence: 1, reason: { rule: 'alias', explanation: '' } }] };
      },
      report: (e) => {
        throw e;
      },
    });
    watch.start();
    await watch.scan(ce);
    expect(seen).toEqual(['Palantir and ICE\n\nagain']);
    expect(ce.innerHTML).toBe(before);
    watch.stop();
  });

  test('textarea: the note lists findings outside <body>; value and selection unchanged', async () => {
    document.body.innerHTML = '<textarea id="ta">Palantir and ICE</textarea>';
    const ta = document.getElementById('ta') as HTMLTextAreaElement;
    ta.focus();
    ta.setSelectionRange(3, 5);
    const watch = new EditorWatch({
      analyse: async () => ({
        mentions: [
          { start: 0, end: 8, text: 'Palantir', kind: 'company', id: 'vendor:x', confidence: 1, reason: { rule: 'alias', explanation: '' } },
          { start: 13, end: 16, text: 'ICE', kind: 'agency', id: 'agency:7012', confidence: 1, reason: { rule: 'alias', explanation: '' } },
        ],
      }),
      report: (e) => {
        throw e;
      },
    });
    watch.start();
    await watch.scan(ta);
    expect(ta.value).toBe('Palantir and ICE');
    expect([ta.selectionStart, ta.selectionEnd]).toEqual([3, 5]);
    expect(document.body.querySelector('receipts-editor-ui')).toBeNull();
    expect(document.documentElement.querySelectorAll('receipts-editor-ui').length).toBe(1);
    watch.stop();
    expect(document.querySelectorAll('receipts-editor-ui').length).toBe(0);
  });
});
