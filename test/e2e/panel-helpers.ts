// Shared by the side panel, review and editor e2e tests: tab ids, the UI
// language override, and axe-core run inside a page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ChromiumSession } from './chromium.ts';
import { ROOT } from './browsers.ts';

/** The few chrome.* calls these helpers make inside the service worker. */
interface ChromeGlobal {
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id?: number }>> };
    storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  };
}

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The browser's tab id of `page`: it is brought to the front and the worker asks for the active tab. */
export async function tabIdOf(s: ChromiumSession, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await s.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error('no active tab');
  return id;
}

/** The reader's language override (settings.language), written where the extension keeps it. */
export async function setLanguage(s: ChromiumSession, language: 'auto' | 'en' | 'de'): Promise<void> {
  await s.worker.evaluate(async (lang) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const key = 'receiptsUser';
    const stored = (await chrome.storage.sync.get(key))[key] as Record<string, unknown> | undefined;
    await chrome.storage.sync.set({ [key]: { ...(stored ?? { version: 1 }), language: lang } });
  }, language);
}

/** axe-core's violations on the page, as "id: help (n nodes)" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not apply.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const res = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
  });
}
