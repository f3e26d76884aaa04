// Who may ask what. Content scripts run in web pages that an attacker may
// control, so messages that cause network traffic or change settings are
// answered only for our own extension pages. Pure, for testing.

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

/** `extensionBase` is `browser.runtime.getURL('')`, e.g. `chrome-extension://<id>/`. */
export function isExtensionPage(sender: SenderLike, extensionBase: string): boolean {
  if (!extensionBase || !sender.url?.startsWith(extensionBase)) return false;
  // An extension page opened in a tab has that tab's URL ours too; a content script's tab is a web page.
  return sender.tab === undefined || (sender.tab.url ?? '').startsWith(extensionBase);
}
