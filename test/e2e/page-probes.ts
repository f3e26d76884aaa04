// Functions that run inside the test page (main world), shared by the
// Chromium (Playwright) and Firefox (Puppeteer) drivers. They must be
// self-contained: they are serialised and evaluated in the page.

/** The texts of all ranges in our highlight `name`. */
export function highlightTextsIn(name: string): string[] {
  return [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString());
}

/** True once our highlight `name` holds at least one range. */
export function hasHighlight(name: string): boolean {
  return (CSS.highlights.get(name)?.size ?? 0) > 0;
}

/** The viewport centre of the first highlighted range whose text is `text`, scrolled into view. */
export function highlightCenterOf(text: string): { x: number; y: number } {
  for (const r of CSS.highlights.get('receipts-entity') ?? []) {
    const range = r as Range;
    if (range.toString() === text) {
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const b = range.getClientRects()[0]!;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
  }
  throw new Error(`no highlight for ${text}`);
}

/** Texts of all ranges in our highlight `name` in this document and its same-origin frames, in order. */
export function highlightTextsDeep(name: string): string[] {
  const out: string[] = [];
  const visit = (win: Window) => {
    const reg = (win as Window & typeof globalThis).CSS?.highlights;
    for (const r of reg?.get(name) ?? []) out.push((r as Range).toString());
    for (let i = 0; i < win.frames.length; i++) {
      try {
        visit(win.frames[i] as Window);
      } catch {
        // cross-origin frame
      }
    }
  };
  visit(window);
  return out;
}

/** Names of every highlight registered in this document (ours start with "receipts-"). */
export function highlightNames(): string[] {
  return [...CSS.highlights.keys()];
}

// ---- Functions that run in the extension's service worker (chrome.* available). ----

interface TabsApi {
  query(q: object): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * Asks every tab for its page report, the way the side panel does (same
 * envelope), and returns the tab id and answer of the tab showing `url`;
 * null while no content script there answers yet.
 */
export async function reportForUrl(url: string): Promise<{ tabId: number; res: unknown } | null> {
  const tabs = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome.tabs;
  for (const t of await tabs.query({})) {
    if (t.id === undefined) continue;
    try {
      const res = (await tabs.sendMessage(t.id, { receipts: 1, type: 'pageReport', payload: {} })) as
        | { ok: boolean; value?: { source?: { url?: string } } }
        | undefined;
      if (res?.ok && res.value?.source?.url === url) return { tabId: t.id, res };
    } catch {
      // no content script in that tab (yet)
    }
  }
  return null;
}

/** Sends one envelope to one tab's content script, from our service worker. */
export async function sendToTab(arg: { tabId: number; message: unknown }): Promise<unknown> {
  const tabs = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome.tabs;
  return tabs.sendMessage(arg.tabId, arg.message);
}

/** Writes the reader's settings (extension/settings.ts USER_SETTINGS_KEY) from the service worker. */
export async function writeUserSettings(value: unknown): Promise<void> {
  const chromeApi = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
  await chromeApi.storage.sync.set({ receiptsUser: value });
}

/** Reloads the extension: content scripts already in pages are orphaned. */
export function reloadExtension(): void {
  (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
}
