// Launches Debian's Chromium with the built extension loaded, the way the
// brief prescribes, and waits until the extension's index is ready (by asking
// it through its own options page, never by sleeping).
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_CHROME, requireBrowser, requireBuild } from './browsers.ts';
import { hasHighlight, highlightCenterOf, highlightTextsIn } from './page-probes.ts';

export interface ChromiumSession {
  ctx: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchChromium(dist = DIST_CHROME, opts: { waitForIndex?: boolean } = {}): Promise<ChromiumSession> {
  const executablePath = requireBrowser('chromium');
  requireBuild(dist);
  const dir = await mkdtemp(join(tmpdir(), 'receipts-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      // This machine has no network: stop Chromium's own background traffic.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const session: ChromiumSession = {
    ctx,
    worker,
    extensionId,
    extensionUrl: (p) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
    close: async () => {
      await ctx.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  if (opts.waitForIndex !== false) await waitForIndex(session);
  return session;
}

/** Opens the options page and waits until it shows a live index version. */
export async function waitForIndex(s: ChromiumSession): Promise<string> {
  const page = await s.ctx.newPage();
  try {
    await page.goto(s.extensionUrl('extension/ui/options/index.html'));
    const version = page.locator('[data-field="version"]');
    await version.waitFor({ timeout: 60_000 });
    return (await version.textContent()) ?? '';
  } finally {
    await page.close();
  }
}

/** Waits until Receipts has registered its entity highlight on the page; returns the highlighted texts. */
export async function highlightedTexts(page: Page, name = 'receipts-entity'): Promise<string[]> {
  await page.waitForFunction(hasHighlight, name, { timeout: 30_000 });
  return page.evaluate(highlightTextsIn, name);
}

/** The viewport centre of the first highlighted range whose text is `text`. */
export async function highlightCenter(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(highlightCenterOf, text);
}
