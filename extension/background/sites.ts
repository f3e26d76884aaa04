// Where Receipts runs. The manifest's content_scripts cover a bundled list of
// news sites. Any other site runs Receipts only when the reader asks:
// - a click on the toolbar button (activeTab) annotates that page once;
// - "Always run Receipts on this site" (the button's context menu, or the
//   options page) requests that one host as an optional permission and
//   registers our content script for it (scripting.registerContentScripts).
// The list of added sites is per device (storage.local), like the permissions
// it depends on. These functions use only browser.* APIs, so the options page
// calls them too; listeners are registered by registerSiteListeners() alone.
import browser, { type Tabs } from 'webextension-polyfill';
import { openPanel } from './panel.ts';
import { addFlag } from '../flags.ts';

export const SITES_KEY = 'receiptsSites';
export const SITES_SCRIPT_ID = 'receipts-sites';
const MENU_ID = 'receipts-always-run';
const FLAG_MENU_ID = 'receipts-flag-missed';
/** Hosts Receipts needs for sync; never offered or revoked as a "site". */
const RESERVED_HOSTS = new Set(['api.usaspending.gov']);

/** `https://example.org/anything` → `https://example.org/*`; null for anything not http(s) or reserved. */
export function sitePattern(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.includes('://') ? url : `https://${url}`);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (!u.hostname || u.username || u.password || RESERVED_HOSTS.has(u.hostname)) return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/** True if `url` is covered by a match pattern of the simple form `scheme://host/*` (host may start with `*.`). */
export function patternMatches(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)\/(.*)$/.exec(pattern);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!m) return false;
  const [, scheme, host] = m as unknown as [string, string, string];
  if (scheme === '*' ? !/^https?:$/.test(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1));
  return u.hostname === host.replace(/:\d+$/, '');
}

/** The manifest's own list (bundled news sites, and 127.0.0.1/localhost for development). */
export function bundledPatterns(): string[] {
  const cs = browser.runtime.getManifest().content_scripts ?? [];
  return cs.flatMap((c) => c.matches ?? []);
}

export async function listSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(SITES_KEY))[SITES_KEY];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string' && sitePattern(s) === s) : [];
}

/** Makes the registered content script cover exactly the added sites we hold a permission for. */
export async function syncRegisteredScripts(): Promise<string[]> {
  const sites = await listSites();
  const granted: string[] = [];
  for (const s of sites) if (await browser.permissions.contains({ origins: [s] })) granted.push(s);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: SITES_SCRIPT_ID, matches: granted, js: ['content.js'], css: ['content.css'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}

/**
 * Call from a user gesture with no await before it: the permission prompt
 * needs the gesture. Returns false when the reader (or the browser) declined.
 */
export async function addSite(pattern: string): Promise<boolean> {
  if (!(await browser.permissions.request({ origins: [pattern] }))) return false;
  const sites = await listSites();
  if (!sites.includes(pattern)) await browser.storage.local.set({ [SITES_KEY]: [...sites, pattern].sort() });
  await syncRegisteredScripts();
  return true;
}

export async function removeSite(pattern: string): Promise<void> {
  await browser.storage.local.set({ [SITES_KEY]: (await listSites()).filter((s) => s !== pattern) });
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  await syncRegisteredScripts();
}

/**
 * Annotates `tab` once (activeTab grants this from the click), unless Receipts
 * already runs there. `justAdded`: the site was added this moment, so its
 * registered script will only run on the next load.
 */
export async function runOnce(tab: Tabs.Tab, justAdded = false): Promise<boolean> {
  if (tab.id === undefined || !tab.url || !/^https?:/.test(tab.url)) return false;
  const patterns = justAdded ? bundledPatterns() : [...bundledPatterns(), ...(await listSites())];
  if (patterns.some((p) => patternMatches(p, tab.url!))) return false;
  // A second click on the same page must not start a second content script.
  const [first] = await browser.scripting.executeScript({
    target: { tabId: tab.id },
    func: () => {
      const g = globalThis as { __receiptsOnce?: boolean };
      if (g.__receiptsOnce) return false;
      g.__receiptsOnce = true;
      return true;
    },
  });
  if (first?.result !== true) return false;
  await browser.scripting.insertCSS({ target: { tabId: tab.id }, files: ['content.css'] });
  await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
  return true;
}

function createMenu(): void {
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (!menus) return;
  void menus.removeAll().then(() => {
    menus.create({ id: MENU_ID, title: browser.i18n.getMessage('menuAlwaysRun') || 'Always run Receipts on this site', contexts: ['action'] });
    // A missed loaded phrase: the reader selects it; the flag stays in storage.local (extension/flags.ts).
    menus.create({ id: FLAG_MENU_ID, title: browser.i18n.getMessage('flagMissedMenu') || 'Receipts: flag "%s" as loaded language', contexts: ['selection'] });
  });
}

/** Registers the toolbar, menu and permission listeners; call once, synchronously, at the worker's top level. */
export function registerSiteListeners(): void {
  browser.action.onClicked.addListener((tab) => {
    // The side panel opens only inside the gesture: synchronously, before any await.
    openPanel({ id: tab.id, windowId: tab.windowId ?? -1 });
    void runOnce(tab).catch((e: unknown) => console.debug('[Receipts] could not run on this page:', e));
  });
  (browser.contextMenus as typeof browser.contextMenus | undefined)?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FLAG_MENU_ID) {
      void addFlag({ kind: 'missed', text: info.selectionText, page: tab?.url }).catch((e: unknown) => console.debug('[Receipts] flag not stored:', e));
      return;
    }
    if (info.menuItemId !== MENU_ID || !tab?.url) return;
    const pattern = sitePattern(tab.url);
    if (!pattern) return;
    void addSite(pattern)
      .then((ok) => (ok ? runOnce(tab, true) : false))
      .catch((e: unknown) => console.debug('[Receipts] could not add the site:', e));
  });
  browser.runtime.onInstalled.addListener(() => {
    createMenu();
    void syncRegisteredScripts().catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => {
    createMenu();
    void syncRegisteredScripts().catch(() => undefined);
  });
  // The reader can revoke a site in the browser's own settings.
  browser.permissions.onRemoved.addListener(() => void syncRegisteredScripts().catch(() => undefined));
}
