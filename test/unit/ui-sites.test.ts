// Where Receipts runs (extension/background/sites.ts) against an in-memory
// browser: the permission answer is the reader's, the registered content
// script must follow it, and a page is annotated once per click at most.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from './ui-fake-browser.ts';

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_t, k) => (fake.current as Record<string | symbol, unknown>)[k] }),
}));

const sites = await import('../../extension/background/sites.ts');

interface Script { id: string; matches: string[]; js: string[]; css: string[] }

function world(answer: boolean) {
  const granted = new Set<string>();
  const registered = new Map<string, Script>();
  const injected: Array<{ tabId: number; what: string }> = [];
  const pageGlobals = new Map<number, Record<string, unknown>>();
  const b = {
    ...fakeBrowser(),
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['http://127.0.0.1/*', 'https://www.spiegel.de/*'] }] }) },
    permissions: {
      request: async ({ origins }: { origins: string[] }) => (answer ? (origins.forEach((o) => granted.add(o)), true) : false),
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
      remove: async ({ origins }: { origins: string[] }) => (origins.forEach((o) => granted.delete(o)), true),
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => ids.flatMap((id) => (registered.has(id) ? [registered.get(id)!] : [])),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id)),
      registerContentScripts: async (list: Script[]) => list.forEach((s) => registered.set(s.id, s)),
      executeScript: async ({ target, func, files }: { target: { tabId: number }; func?: () => unknown; files?: string[] }) => {
        if (files) {
          injected.push({ tabId: target.tabId, what: files.join(',') });
          return [{ result: undefined }];
        }
        // Run the probe against this tab's own globals, as the browser would in the page's isolated world.
        const g = pageGlobals.get(target.tabId) ?? {};
        pageGlobals.set(target.tabId, g);
        const saved = (globalThis as Record<string, unknown>).__receiptsOnce;
        (globalThis as Record<string, unknown>).__receiptsOnce = g.__receiptsOnce;
        const result = func!();
        g.__receiptsOnce = (globalThis as Record<string, unknown>).__receiptsOnce;
        (globalThis as Record<string, unknown>).__receiptsOnce = saved;
        return [{ result }];
      },
      insertCSS: async ({ target, files }: { target: { tabId: number }; files: string[] }) => void injected.push({ tabId: target.tabId, what: `css:${files.join(',')}` }),
    },
  };
  fake.current = b;
  return { granted, registered, injected };
}

beforeEach(() => world(true));

describe('patterns', () => {
  test('sitePattern reduces any address to its host; refuses non-web and reserved hosts', () => {
    expect(sites.sitePattern('https://www.example.org/news/a?b#c')).toBe('https://www.example.org/*');
    expect(sites.sitePattern('example.org')).toBe('https://example.org/*');
    expect(sites.sitePattern('http://blog.example.org/x')).toBe('http://blog.example.org/*');
    expect(sites.sitePattern('ftp://example.org')).toBeNull();
    expect(sites.sitePattern('https://user:pw@example.org/')).toBeNull();
    expect(sites.sitePattern('https://api.usaspending.gov/x')).toBeNull();
  });
  test('patternMatches: scheme, exact host, subdomain wildcard', () => {
    expect(sites.patternMatches('https://www.spiegel.de/*', 'https://www.spiegel.de/politik/x.html')).toBe(true);
    expect(sites.patternMatches('https://www.spiegel.de/*', 'http://www.spiegel.de/')).toBe(false);
    expect(sites.patternMatches('https://www.spiegel.de/*', 'https://spiegel.de/')).toBe(false);
    expect(sites.patternMatches('*://*.example.org/*', 'http://a.example.org/')).toBe(true);
    expect(sites.patternMatches('http://127.0.0.1/*', 'http://127.0.0.1:8080/page')).toBe(true);
  });
});

describe('adding and removing sites', () => {
  test('a granted site gets our content script registered; removing it unregisters and revokes', async () => {
    const w = world(true);
    expect(await sites.addSite('https://example.org/*')).toBe(true);
    expect(await sites.listSites()).toEqual(['https://example.org/*']);
    expect(w.registered.get(sites.SITES_SCRIPT_ID)).toMatchObject({ matches: ['https://example.org/*'], js: ['content.js'], css: ['content.css'] });
    await sites.addSite('https://news.example.com/*');
    expect(w.registered.get(sites.SITES_SCRIPT_ID)!.matches).toEqual(['https://example.org/*', 'https://news.example.com/*']);
    await sites.removeSite('https://example.org/*');
    expect(w.granted.has('https://example.org/*')).toBe(false);
    expect(w.registered.get(sites.SITES_SCRIPT_ID)!.matches).toEqual(['https://news.example.com/*']);
    await sites.removeSite('https://news.example.com/*');
    expect(w.registered.size).toBe(0);
  });

  test('a declined permission changes nothing', async () => {
    const w = world(false);
    expect(await sites.addSite('https://example.org/*')).toBe(false);
    expect(await sites.listSites()).toEqual([]);
    expect(w.registered.size).toBe(0);
  });

  test('a permission revoked in the browser drops the site from the registered script', async () => {
    const w = world(true);
    await sites.addSite('https://example.org/*');
    w.granted.delete('https://example.org/*');
    expect(await sites.syncRegisteredScripts()).toEqual([]);
    expect(w.registered.size).toBe(0);
  });
});

describe('runOnce (toolbar click, activeTab)', () => {
  test('injects CSS and script once into a page no list covers', async () => {
    const w = world(true);
    const tab = { id: 7, url: 'https://example.net/story', index: 0, highlighted: true, active: true, pinned: false, incognito: false };
    expect(await sites.runOnce(tab)).toBe(true);
    expect(w.injected).toEqual([
      { tabId: 7, what: 'css:content.css' },
      { tabId: 7, what: 'content.js' },
    ]);
    expect(await sites.runOnce(tab)).toBe(false);
    expect(w.injected).toHaveLength(2);
  });

  test('skips bundled and added sites (their content script already runs) and non-web pages', async () => {
    const w = world(true);
    await sites.addSite('https://example.org/*');
    const base = { index: 0, highlighted: true, active: true, pinned: false, incognito: false };
    expect(await sites.runOnce({ ...base, id: 1, url: 'https://www.spiegel.de/a' })).toBe(false);
    expect(await sites.runOnce({ ...base, id: 2, url: 'https://example.org/a' })).toBe(false);
    expect(await sites.runOnce({ ...base, id: 3, url: 'chrome://settings' })).toBe(false);
    // Just added: its registered script starts with the next load, so this load is annotated now.
    expect(await sites.runOnce({ ...base, id: 2, url: 'https://example.org/a' }, true)).toBe(true);
    expect(w.injected.map((i) => i.tabId)).toEqual([2, 2]);
  });
});

describe('flagging a missed loaded phrase from the context menu', () => {
  test('the selection becomes a local flag; the page address loses its query', async () => {
    const b = fake.current as Record<string, unknown> & ReturnType<typeof fakeBrowser>;
    type MenuListener = (info: { menuItemId: string; selectionText?: string }, tab?: { url?: string }) => void;
    const menuClicks: MenuListener[] = [];
    const created: { id: string; contexts: string[] }[] = [];
    const installed: (() => void)[] = [];
    const event = () => ({ addListener: () => undefined });
    Object.assign(b, {
      i18n: { getMessage: () => '' },
      action: { onClicked: event() },
      contextMenus: {
        removeAll: async () => void created.splice(0),
        create: (item: { id: string; contexts: string[] }) => void created.push(item),
        onClicked: { addListener: (l: MenuListener) => void menuClicks.push(l) },
      },
      runtime: { ...(b.runtime as object), onInstalled: { addListener: (l: () => void) => void installed.push(l) }, onStartup: event() },
      permissions: { ...(b.permissions as object), onRemoved: event() },
    });
    sites.registerSiteListeners();
    installed.forEach((l) => l());
    await vi.waitFor(() => expect(created.map((c) => c.id)).toContain('receipts-flag-missed'));
    expect(created.find((c) => c.id === 'receipts-flag-missed')?.contexts).toEqual(['selection']);
    menuClicks.forEach((l) => l({ menuItemId: 'receipts-flag-missed', selectionText: 'ein beispielloser Skandal' }, { url: 'https://news.example/a?token=1#x' }));
    await vi.waitFor(async () => {
      const flags = (await b.storage.local.get('receiptsFlags')).receiptsFlags as { kind: string; text: string; page: string }[] | undefined;
      expect(flags).toEqual([expect.objectContaining({ kind: 'missed', text: 'ein beispielloser Skandal', page: 'https://news.example/a' })]);
    });
  });
});
