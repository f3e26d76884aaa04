// The panel's side of PanelToContent: asks the content script of one tab,
// with the same envelope and Result as the background protocol. A tab with no
// Receipts content script (an unsupported site, a browser page) makes the
// browser reject with "Receiving end does not exist"; that becomes
// NotRunningError so the panel can say so plainly.
import browser from 'webextension-polyfill';
import { ProtocolError, type PanelToContent, type Result } from '../../protocol.ts';

export class NotRunningError extends Error {
  constructor() {
    super('Receipts is not running on this page.');
    this.name = 'NotRunningError';
  }
}

type TabType = keyof PanelToContent;
type Req<K extends TabType> = Parameters<PanelToContent[K]>[0];
type Res<K extends TabType> = Awaited<ReturnType<PanelToContent[K]>>;

export async function callTab<K extends TabType>(tabId: number, type: K, payload: Req<K>): Promise<Res<K>> {
  let res: Result<Res<K>> | undefined;
  try {
    res = (await browser.tabs.sendMessage(tabId, { receipts: 1, type, payload })) as Result<Res<K>> | undefined;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    // Chromium: "Could not establish connection. Receiving end does not exist."; Firefox: same wording.
    if (/receiving end does not exist|could not establish connection|no matching message handler/i.test(msg)) throw new NotRunningError();
    throw err;
  }
  // An old content script, or another extension's listener, leaves the call unanswered.
  if (!res || typeof res !== 'object') throw new NotRunningError();
  if (!res.ok) throw new ProtocolError(res.error);
  return res.value;
}
