// Background entry (service worker in Chromium, event page in Firefox).
// Listeners are registered synchronously at top level, as MV3 requires, so a
// message that wakes the worker is never missed.
import browser, { type Runtime } from 'webextension-polyfill';
import { isEnvelope, PAGE_ONLY_TYPES, validators, type ProtocolErrorData, type Result } from '../protocol.ts';
import { createHandlers } from './handlers.ts';
import { IndexService } from './index-service.ts';
import { isExtensionPage } from './sender.ts';
import { registerSiteListeners } from './sites.ts';
import { createPageHandlers, SyncService } from './sync-service.ts';

const index = new IndexService();
const sync = new SyncService(index);
const handlers = { ...createHandlers(index), ...createPageHandlers(sync) };

/** Only our own extension's contexts may talk to us: content scripts in tabs and our pages. */
function trusted(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

async function dispatch(message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> {
  const fail = (error: ProtocolErrorData): Result<never> => ({ ok: false, error });
  if (!trusted(sender)) return fail({ code: 'forbidden', message: 'Sender is not part of Receipts.' });
  if (!isEnvelope(message)) return fail({ code: 'bad-request', message: 'Unknown message.' });
  const type = message.type;
  if (PAGE_ONLY_TYPES.has(type) && !isExtensionPage(sender, browser.runtime.getURL(''))) {
    return fail({ code: 'forbidden', message: `"${type}" is only answered for Receipts' own pages.` });
  }
  if (!validators[type](message.payload)) {
    return fail({ code: 'bad-request', message: `Malformed "${type}" request.` });
  }
  try {
    const handler = handlers[type] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(message.payload) };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return fail({ code: 'internal', message: msg });
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isEnvelope(message)) return undefined; // not ours: let other listeners answer
  return dispatch(message, sender);
});

browser.runtime.onInstalled.addListener(() => {
  void index.ready().catch(() => undefined);
});

// Toolbar button (side panel + annotate this page once), "Always run on this site", added sites.
registerSiteListeners();

// Optional chaining: without the "alarms" permission the namespace is absent and must not crash the worker.
(browser.alarms as typeof browser.alarms | undefined)?.onAlarm.addListener((alarm) => sync.onAlarm(alarm.name));

// Start opening the index as soon as the worker starts, not on first message;
// then close out a sync a killed worker left behind and (re)schedule the alarm.
void index
  .ready()
  .catch(() => undefined)
  .then(() => sync.start())
  .catch(() => undefined);
