// @vitest-environment happy-dom
// Content-script pieces that need no browser: who may ask a tab (PanelToContent),
// the reader's switches, reading order across open shadow roots, and the
// merge of a subtree rescan into the page's findings.
import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Runtime } from 'webextension-polyfill';
import type { Claim, LoadedSpan, Mention } from '../../src/report/types.ts';
import { fromOwnPage, isPanelEnvelope, panelListener } from '../../extension/content/panel-handler.ts';
import { visibleLists } from '../../extension/content/visible.ts';
import { DEFAULT_USER_SETTINGS } from '../../extension/user-settings.ts';
import { emptyLists, Findings, type FindingLists } from '../../extension/content/findings.ts';
import { comparePoints } from '../../extension/content/dom-order.ts';
import { readPage, rangeFor } from '../../extension/content/read-page.ts';
import { HIGHLIGHT_CSS } from '../../extension/content/highlight-styles.ts';


afterEach(() => {
  document.body.innerHTML = '';
});

const mention = (text: string, kind: Mention['kind'] = 'company'): Mention => ({
  start: 0, end: text.length, text, kind, id: kind === 'amount' ? null : `x:${text}`, confidence: 0.9, reason: { rule: 'alias', explanation: '' },
});
const loaded = (text: string, category = 'intensifier'): LoadedSpan => ({ start: 0, end: text.length, text, category, reason: '' } as LoadedSpan);

describe('PanelToContent: only our own extension pages may ask', () => {
  const OWN = 'abcdefghijklmnop';
  test.each<[string, Runtime.MessageSender, boolean]>([
    ['our side panel', { id: OWN, url: `chrome-extension://${OWN}/extension/ui/sidepanel/index.html` }, true],
    ['our own content script in a tab', { id: OWN, tab: { id: 3 } as Runtime.MessageSender['tab'] }, false],
    ['another extension', { id: 'zzzz' }, false],
    ['no id at all', {}, false],
  ])('%s', (_name, sender, ok) => {
    expect(fromOwnPage(sender, OWN)).toBe(ok);
  });

  test('an orphaned script (no runtime id) trusts no one', () => {
    expect(fromOwnPage({ id: undefined }, undefined)).toBe(false);
  });

  test('the listener ignores other messages, refuses strangers and malformed requests, answers ours', async () => {
    const calls: unknown[] = [];
    const listen = panelListener(
      {
        pageReport: async () => { throw new Error('not used'); },
        reveal: async (req) => { calls.push(req); return true; },
      },
      () => OWN,
    );
    expect(listen({ receipts: 1, type: 'annotate', payload: {} }, { id: OWN })).toBeUndefined();
    expect(isPanelEnvelope({ receipts: 1, type: 'reveal', payload: {} })).toBe(true);
    expect(await listen({ receipts: 1, type: 'reveal', payload: { list: 'loaded', index: 2 } }, { id: 'other' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await listen({ receipts: 1, type: 'reveal', payload: { list: 'loaded', index: -1 } }, { id: OWN })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await listen({ receipts: 1, type: 'reveal', payload: { list: 'loaded', index: 2 } }, { id: OWN })).toEqual({ ok: true, value: true });
    expect(await listen({ receipts: 1, type: 'pageReport', payload: {} }, { id: OWN })).toEqual({ ok: false, error: { code: 'internal', message: 'not used' } });
    expect(calls).toEqual([{ list: 'loaded', index: 2 }]);
  });
});

describe('the reader’s switches', () => {
  const r = () => document.createRange();
  const lists: FindingLists = {
    mentions: [{ item: mention('Palantir'), range: r() }, { item: mention('$30 million', 'amount'), range: r() }],
    loaded: [{ item: loaded('Scandalous'), range: r() }, { item: loaded('clearly', 'hedge'), range: r() }, { item: loaded('unprecedented'), range: r() }],
    claims: [{ item: { start: 0, end: 1, text: 'x', kind: 'competition' } as Claim, range: r() }],
  };
  test('kinds off, categories off (absent = on) and exempt words (any case) are not shown', () => {
    const s = structuredClone(DEFAULT_USER_SETTINGS);
    s.entityKinds.amount = false;
    s.loadedCategories = { hedge: false, intensifier: true };
    s.exemptWords = ['scandalous'];
    const v = visibleLists(lists, s);
    expect(v.mentions.map((f) => f.item.text)).toEqual(['Palantir']);
    expect(v.loaded.map((f) => f.item.text)).toEqual(['unprecedented']);
    expect(v.claims).toHaveLength(1);
    expect(visibleLists(lists, DEFAULT_USER_SETTINGS).loaded).toHaveLength(3);
  });
});

describe('reading order and merges', () => {
  test('an open shadow root is read in place, slots show their assigned light nodes', () => {
    document.body.innerHTML = '<p>Before.</p><div id="host"><span slot="v">Palantir</span></div><p>After.</p>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Vendor: <slot name="v">fallback</slot>.</p>';
    const page = readPage(document.body);
    expect(page.text).toBe('Before.\n\nVendor: Palantir.\n\nAfter.');
    const at = page.text.indexOf('Palantir');
    expect(rangeFor(page, at, at + 8)!.toString()).toBe('Palantir');
  });

  test('points compare in reading order across a shadow boundary', () => {
    document.body.innerHTML = '<p id="a">A</p><div id="host"></div><p id="c">C</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>B</p>';
    const a = document.getElementById('a')!.firstChild!;
    const b = shadow.querySelector('p')!.firstChild!;
    const c = document.getElementById('c')!.firstChild!;
    expect(comparePoints(a, 0, b, 0)).toBeLessThan(0);
    expect(comparePoints(b, 0, c, 0)).toBeLessThan(0);
    expect(comparePoints(c, 0, b, 0)).toBeGreaterThan(0);
  });

  test('a subtree rescan replaces only the findings inside it and keeps reading order', () => {
    document.body.innerHTML = '<p id="p1">Palantir one</p><p id="p2">ICE two</p><p id="p3">CBP three</p>';
    const page = readPage(document.body);
    const f = (text: string) => {
      const at = page.text.indexOf(text);
      return { item: mention(text), range: rangeFor(page, at, at + text.length)! };
    };
    const findings = new Findings();
    findings.replaceAll({ ...emptyLists(), mentions: [f('Palantir'), f('ICE'), f('CBP')] });
    const kept = findings.lists.mentions[0]!.range;
    const p2 = document.getElementById('p2')!;
    p2.textContent = 'FBI and ICE two';
    const fresh = readPage(p2);
    const added = emptyLists();
    for (const t of ['FBI', 'ICE']) {
      const at = fresh.text.indexOf(t);
      added.mentions.push({ item: mention(t), range: rangeFor(fresh, at, at + t.length)! });
    }
    findings.merge([p2], added);
    expect(findings.lists.mentions.map((x) => x.range.toString())).toEqual(['Palantir', 'FBI', 'ICE', 'CBP']);
    expect(findings.lists.mentions[0]!.range).toBe(kept);
    document.getElementById('p3')!.remove();
    findings.merge([], emptyLists());
    expect(findings.lists.mentions.map((x) => x.range.toString())).toEqual(['Palantir', 'FBI', 'ICE']);
  });
});

test('content.css and the adopted sheet for frames and shadow roots style the same highlight names', () => {
  const css = readFileSync(resolve(import.meta.dirname, '../../extension/content/content.css'), 'utf8');
  const names = (s: string) => [...new Set([...s.matchAll(/::highlight\((receipts-[a-z-]+)\)/g)].map((m) => m[1]))].sort();
  expect(names(HIGHLIGHT_CSS)).toEqual(names(css));
  expect(names(css)).toEqual(['receipts-claim', 'receipts-editor', 'receipts-entity', 'receipts-entity-active', 'receipts-flash', 'receipts-loaded']);
});
