// Launches Debian's Firefox ESR through puppeteer (WebDriver BiDi) with the
// built extension installed as a temporary add-on, and the helpers the Firefox
// round trip needs.
//
// Our UI lives in a closed shadow root, which page scripts, puppeteer's
// selectors (including ::-p-aria) and BiDi's accessibility locator cannot
// enter, and Firefox has no DevTools protocol for the ShadowProbe that
// chromium.ts uses. What does reach it is the browser's own find-in-page:
// in Firefox, window.find() matches text rendered inside a closed shadow root
// and selects it, and the selection's range gives its on-screen rectangle.
// So these helpers look at the popover the way a reader does: by its text, and
// by clicking what is on screen.
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { DIST_FIREFOX, requireBrowser, requireBuild } from './browsers.ts';
import { hasHighlight, highlightCenterOf, highlightTextsIn } from './page-probes.ts';

declare global {
  interface Window {
    /** Non-standard find-in-page (Firefox, Chromium); not in TypeScript's DOM lib. */
    find(text: string, caseSensitive?: boolean, backwards?: boolean, wrapAround?: boolean, wholeWord?: boolean): boolean;
  }
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id Firefox installed the build under (the manifest's gecko id). */
  extensionId: string;
  close(): Promise<void>;
}

export async function launchFirefox(dist = DIST_FIREFOX): Promise<FirefoxSession> {
  const executablePath = requireBrowser('firefox-esr');
  requireBuild(dist);
  // Puppeteer makes (and on close removes) a throwaway profile with its
  // automation prefs, which already switch off updates and telemetry.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
  });
  try {
    const extensionId = await browser.installExtension(dist);
    return { browser, extensionId, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * Waits until Receipts has registered its entity highlight on the page, and
 * returns the highlighted texts. The first page after install also waits for
 * the background to install the bundled index, hence the generous timeout.
 */
export async function highlightedTexts(page: Page, name = 'receipts-entity', timeout = 60_000): Promise<string[]> {
  await page.waitForFunction(hasHighlight, { timeout, polling: 100 }, name);
  return page.evaluate(highlightTextsIn, name);
}

/** The viewport centre of the first highlighted range whose text is `text` (scrolled into view). */
export async function highlightCenter(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(highlightCenterOf, text);
}

/**
 * Whether `text` is rendered anywhere on the page, our closed shadow root
 * included (Firefox's window.find searches it). Searches from the top.
 */
export async function pageShows(page: Page, text: string): Promise<boolean> {
  return page.evaluate((t) => {
    getSelection()?.removeAllRanges();
    const found = window.find(t, true);
    getSelection()?.removeAllRanges();
    return found;
  }, text);
}

/** Polls until `text` is rendered on the page (see pageShows). */
export async function waitForText(page: Page, text: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (t) => {
      getSelection()?.removeAllRanges();
      const found = window.find(t, true);
      getSelection()?.removeAllRanges();
      return found;
    },
    { timeout, polling: 100 },
    text,
  );
}

/**
 * Finds `after`, then the next `text` following it in document order, and
 * returns the viewport centre of that occurrence. window.find scrolls the
 * match into view (inside the popover's scrolling body too), but in Firefox
 * the scroll lands after find() returns: the range's rectangle is stale until
 * the next frames, so it is read after two animation frames.
 */
export async function textCenterAfter(page: Page, after: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    async (a, t) => {
      const sel = getSelection()!;
      sel.removeAllRanges();
      if (!window.find(a, true)) throw new Error(`"${a}" is not on the page`);
      if (!window.find(t, true) || sel.rangeCount === 0) throw new Error(`no "${t}" after "${a}"`);
      // Wait until the rectangle stops moving (the scroll may take several frames under load).
      const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const range = sel.getRangeAt(0);
      let b = range.getBoundingClientRect();
      for (let i = 0; i < 30; i++) {
        await frames();
        const next = range.getBoundingClientRect();
        const still = next.top === b.top && next.left === b.left;
        b = next;
        if (still && i > 0) break;
      }
      sel.removeAllRanges();
      if (b.width === 0 || b.bottom <= 0 || b.top >= innerHeight || b.right <= 0 || b.left >= innerWidth) {
        throw new Error(`"${t}" is not on screen (${JSON.stringify(b)})`);
      }
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    },
    after,
    text,
  );
}

/**
 * The address a tab was sent to. This machine is offline, so Firefox shows its
 * error page for any outside site, and the tab's URL becomes
 * about:neterror?e=dnsNotFound&u=<the requested address>&…; the requested
 * address is what a link test cares about.
 */
export function requestedUrl(url: string): string {
  if (url.startsWith('about:neterror')) return new URL(url).searchParams.get('u') ?? url;
  return url;
}

/**
 * Runs `action` (a click that should open a new tab), waits for a tab whose
 * requested address satisfies `match`, closes it and returns that address.
 */
export async function newTabFrom(
  browser: Browser,
  action: () => Promise<void>,
  match: (url: string) => boolean,
  timeout = 20_000,
): Promise<string> {
  const opened = browser.waitForTarget((t: Target) => t.type() === 'page' && match(requestedUrl(t.url())), { timeout });
  await action();
  const target = await opened;
  const url = requestedUrl(target.url());
  await (await target.page())?.close();
  return url;
}
