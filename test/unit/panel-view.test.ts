// @vitest-environment happy-dom
// The side panel's view: the report of the tab it follows, reveal on click,
// a plain message when the tab has no Receipts content script, and following
// the active tab (or staying on a pinned one). The browser is a small fake of
// the tabs API; the report is the real engine's report of our English fixture.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { openIndex } from '../../src/cli/load-index.ts';
import { annotate } from '../../src/report/annotate.ts';
import { awardsShown, entityEntries } from '../../src/report/export.ts';
import type { Report } from '../../src/report/types.ts';

type Listener = (...args: never[]) => void;
const fake = vi.hoisted(() => ({
  sent: [] as Array<{ tabId: number; msg: { type: string; payload: unknown } }>,
  answer: (_tabId: number, _msg: { type: string; payload: unknown }): Promise<unknown> => Promise.reject(new Error('unset')),
  activated: new Set<Listener>(),
  updated: new Set<Listener>(),
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { sync: { get: async () => ({}), set: async () => undefined }, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    runtime: { id: 'test' },
    tabs: {
      query: async () => [{ id: 7, windowId: 1 }],
      sendMessage: (tabId: number, msg: { type: string; payload: unknown }) => {
        fake.sent.push({ tabId, msg });
        return fake.answer(tabId, msg);
      },
      onActivated: { addListener: (l: Listener) => fake.activated.add(l), removeListener: (l: Listener) => fake.activated.delete(l) },
      onUpdated: { addListener: (l: Listener) => fake.updated.add(l), removeListener: (l: Listener) => fake.updated.delete(l) },
    },
  },
}));

const { SidePanel, pinnedTab } = await import('../../extension/ui/sidepanel/SidePanel.tsx');

let report: Report;
beforeAll(async () => {
  const text = readFileSync(resolve(import.meta.dirname, '../fixtures/report/en.txt'), 'utf8');
  report = await annotate(text, await openIndex(), { url: 'http://127.0.0.1/story.html' }, new Date('2026-11-29T12:00:00Z'));
  report.loaded = [{ start: 0, end: 9, text: report.text.slice(0, 9), category: 'intensifier', reason: 'test phrase' }];
  report.claims = [{ start: 10, end: 20, text: report.text.slice(10, 20), kind: 'amount', verdict: 'differs' }];
}, 60_000);

beforeEach(() => {
  fake.sent.length = 0;
  fake.answer = async (_tab, msg) => (msg.type === 'pageReport' ? { ok: true, value: report } : { ok: true, value: true });
});
afterEach(cleanup);

const reportsAsked = () => fake.sent.filter((s) => s.msg.type === 'pageReport').map((s) => s.tabId);

describe('side panel', () => {
  test('lists every entity with its mentions, every award, loaded phrase and claim, and the page, date and index', async () => {
    const { container } = render(h(SidePanel, { pinned: null }));
    await screen.findByText('Entities', { exact: false });
    expect(reportsAsked()).toEqual([7]);
    const entries = entityEntries(report);
    expect(container.querySelectorAll('[data-entity]').length).toBe(entries.length);
    for (const e of entries) {
      expect(container.querySelector(`[data-entity="${e.id}"] h3`)?.textContent).toBe(e.record!.name);
      expect(container.querySelectorAll(`[data-entity="${e.id}"] .finding`).length).toBe(e.mentions.length);
    }
    expect(container.querySelectorAll('[data-award]').length).toBe(awardsShown(report).length);
    expect(container.querySelectorAll('.finding[data-list="loaded"]').length).toBe(1);
    const claim = container.querySelector('.finding[data-list="claims"]')!;
    expect(claim.textContent).toContain(report.claims[0]!.text);
    expect(claim.textContent).toContain('amount · differs');
    expect(container.querySelector('[data-field="source"]')?.textContent).toBe('http://127.0.0.1/story.html');
    expect(container.querySelector('[data-field="index-version"]')?.textContent).toContain(report.index.version);
    // Export buttons for every format.
    expect([...container.querySelectorAll('[data-export]')].map((b) => b.getAttribute('data-export'))).toEqual(['md', 'csv', 'json', 'citations']);
  });

  test('clicking an entry asks the tab to reveal exactly that finding', async () => {
    const { container } = render(h(SidePanel, { pinned: 7 }));
    await screen.findByText('Entities', { exact: false });
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('.finding[data-list="mentions"]')];
    const target = buttons[buttons.length - 1]!;
    fireEvent.click(target);
    fireEvent.click(container.querySelector<HTMLButtonElement>('.finding[data-list="claims"]')!);
    await waitFor(() => expect(fake.sent.filter((s) => s.msg.type === 'reveal').length).toBe(2));
    const reveals = fake.sent.filter((s) => s.msg.type === 'reveal');
    expect(reveals[0]).toEqual({ tabId: 7, msg: { receipts: 1, type: 'reveal', payload: { list: 'mentions', index: Number(target.dataset.index) } } });
    expect(reveals[1]!.msg.payload).toEqual({ list: 'claims', index: 0 });
  });

  test('a finding that is gone says so', async () => {
    fake.answer = async (_tab, msg) => (msg.type === 'pageReport' ? { ok: true, value: report } : { ok: true, value: false });
    const { container } = render(h(SidePanel, { pinned: 7 }));
    await screen.findByText('Entities', { exact: false });
    fireEvent.click(container.querySelector<HTMLButtonElement>('.finding')!);
    await screen.findByText('That finding is no longer on the page.');
  });

  test('a tab without the content script gets a plain explanation and how to run Receipts', async () => {
    fake.answer = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    const { container } = render(h(SidePanel, { pinned: null }));
    await waitFor(() => expect(container.querySelector('[data-state="not-running"]')).not.toBeNull());
    expect(container.textContent).toContain('Receipts is not running on this page');
    expect(container.textContent).toContain('click the Receipts button in the toolbar');
  });

  test('a content script injected just after the panel opened (the toolbar click) is found without a refresh', async () => {
    let calls = 0;
    fake.answer = async (_tab, msg) => {
      if (msg.type !== 'pageReport') return { ok: true, value: true };
      if (++calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, value: report };
    };
    const { container } = render(h(SidePanel, { pinned: 7 }));
    await waitFor(() => expect(container.querySelector('[data-state="not-running"]')).not.toBeNull());
    await waitFor(() => expect(container.querySelector('[data-entity]')).not.toBeNull(), { timeout: 5_000 });
    expect(container.querySelector('[data-state="not-running"]')).toBeNull();
  });

  test('follows the active tab and reloads when its page finishes loading', async () => {
    render(h(SidePanel, { pinned: null }));
    await screen.findByText('Entities', { exact: false });
    fake.activated.forEach((l) => (l as (i: { tabId: number; windowId: number }) => void)({ tabId: 9, windowId: 1 }));
    await waitFor(() => expect(reportsAsked()).toEqual([7, 9]));
    // Another window's activation is not ours.
    fake.activated.forEach((l) => (l as (i: { tabId: number; windowId: number }) => void)({ tabId: 11, windowId: 2 }));
    fake.updated.forEach((l) => (l as (id: number, c: { status?: string }) => void)(9, { status: 'complete' }));
    await waitFor(() => expect(reportsAsked()).toEqual([7, 9, 9]));
  });

  test('a pinned tab stays pinned', async () => {
    render(h(SidePanel, { pinned: 5 }));
    await screen.findByText('Entities', { exact: false });
    fake.activated.forEach((l) => (l as (i: { tabId: number; windowId: number }) => void)({ tabId: 9, windowId: 1 }));
    fake.updated.forEach((l) => (l as (id: number, c: { status?: string }) => void)(5, { status: 'complete' }));
    await waitFor(() => expect(reportsAsked()).toEqual([5, 5]));
  });

  test('a report without loaded or claims lists (an older content script) still renders', async () => {
    const old = { ...report } as Partial<Report>;
    delete old.loaded;
    delete old.claims;
    fake.answer = async () => ({ ok: true, value: old });
    const { container } = render(h(SidePanel, { pinned: 7 }));
    await screen.findByText('Entities', { exact: false });
    expect(container.querySelector('[data-section="loaded"] p')?.textContent).toBe('None.');
  });

  test('?tab= pins a tab; anything else does not', () => {
    expect(pinnedTab('?tab=42')).toBe(42);
    expect(pinnedTab('?tab=abc')).toBeNull();
    expect(pinnedTab('')).toBeNull();
  });
});
