// Browser-level faults for the sync test: a full disk under IndexedDB, and the
// extension's service worker stopped (through the DevTools protocol) the way
// Chromium stops an idle or crashed worker.
import type { Page } from 'playwright-core';
import type { ChromiumSession } from './chromium.ts';

/**
 * Makes IndexedDB writes in the extension's worker fail the way Chromium fails
 * them on a full disk: with a QuotaExceededError DOMException. (Chromium
 * treats extension origins as unlimited even without "unlimitedStorage", and
 * DevTools' Storage.overrideQuotaForOrigin has no effect on them, so a real
 * quota cannot be lowered; the failure is injected at the lowest layer, under
 * Dexie, the store and the sync code, which all run unmodified.) Returns the undo.
 */
export async function forceQuota(s: ChromiumSession): Promise<() => Promise<void>> {
  const worker = s.ctx.serviceWorkers().find((w) => new URL(w.url()).host === s.extensionId);
  if (!worker) throw new Error('the extension has no running service worker');
  await worker.evaluate(() => {
    const proto = IDBObjectStore.prototype as IDBObjectStore & { __receiptsPut?: IDBObjectStore['put'] };
    proto.__receiptsPut = proto.put;
    // Only the bulk index rows: the disk is full for a new version, small bookkeeping writes still fit.
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'records') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return proto.__receiptsPut!.apply(this, args);
    };
  });
  return async () => {
    await worker.evaluate(() => {
      const proto = IDBObjectStore.prototype as IDBObjectStore & { __receiptsPut?: IDBObjectStore['put'] };
      if (proto.__receiptsPut) proto.put = proto.__receiptsPut;
    });
  };
}

/** Stops the extension's service worker mid-task and waits until Chromium reports it stopped. */
export async function stopExtensionWorker(extensionPage: Page): Promise<void> {
  const host = new URL(extensionPage.url()).host;
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  type Versions = { versions: { runningStatus: string; scriptURL: string }[] };
  // Playwright's Worker "close" event comes only when the context closes; the protocol's own status is prompt.
  const stopped = new Promise<void>((ok) =>
    cdp.on('ServiceWorker.workerVersionUpdated', (e: Versions) => {
      if (e.versions.some((v) => v.runningStatus === 'stopped' && new URL(v.scriptURL).host === host)) ok();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
