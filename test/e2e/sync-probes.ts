// Browser-level faults for the sync test, through the DevTools protocol: a
// storage quota too small for a second index version, and the extension's
// service worker stopped the way Chromium stops an idle or crashed worker.
import type { Page } from 'playwright-core';
import type { ChromiumSession } from './chromium.ts';

/** Caps the extension origin's quota just above what it uses now; returns the undo. */
export async function forceQuota(s: ChromiumSession, extensionPage: Page): Promise<() => Promise<void>> {
  const cdp = await s.ctx.newCDPSession(extensionPage);
  const origin = `chrome-extension://${s.extensionId}`;
  const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.ceil(usage) + 256 * 1024 });
  return async () => {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await cdp.detach();
  };
}

/** Stops the extension's service worker mid-task and waits until it is gone. */
export async function stopExtensionWorker(extensionPage: Page): Promise<void> {
  const ctx = extensionPage.context();
  const host = new URL(extensionPage.url()).host;
  const worker = ctx.serviceWorkers().find((w) => new URL(w.url()).host === host);
  if (!worker) throw new Error('the extension has no running service worker to stop');
  const closed = new Promise<void>((ok) => worker.once('close', () => ok()));
  const cdp = await ctx.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await closed;
  await cdp.detach();
}
