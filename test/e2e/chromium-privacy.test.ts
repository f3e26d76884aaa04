// Privacy, proven in Chromium: every request from the service worker, the
// content script's pages and our own extension pages is recorded through the
// DevTools protocol while a reader views several articles, hovers mentions,
// opens popovers from mouse and keyboard, and opens the options page. Not one
// request may leave the browser. Then a sync is made due: its requests must go
// to the configured host only, and carry nothing about what was read.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from './browsers.ts';
import { highlightCenter, highlightedTexts, launchChromium, type ChromiumSession } from './chromium.ts';
import { sendJson, startFaultServer, type FaultServer } from './fault-server.ts';
import { NetworkWatch } from './network-watch.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { tabToLandmark } from './keyboard.ts';
import { ShadowProbe } from './shadow.ts';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const ARTICLES = ['demo-en.html', 'demo-de.html', 'liveblog-en.html', 'opinion-de.html', 'inline-heavy-en.html', 'spa-late.html', 'negatives-en.html', 'negatives-de.html'];

let browser: ChromiumSession;
let pages: StaticServer;
let feed: FaultServer;
let watch: NetworkWatch;
const opened: Page[] = [];
let interactions = 0;

beforeAll(async () => {
  [pages, feed] = await Promise.all([serveStatic(resolve(ROOT, 'test/fixtures/pages')), startFaultServer()]);
  browser = await launchChromium();
  watch = new NetworkWatch(browser.ctx, browser.extensionId);
});
afterAll(async () => {
  await watch?.close();
  await browser?.close();
  await pages?.close();
  await feed?.close();
});

/** Scrolls the first entity highlight with this text to the middle of the viewport (runs in the page). */
function scrollToHighlight(text: string): void {
  const hl = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights.get('receipts-entity');
  for (const r of hl ?? []) {
    if (r instanceof Range && r.toString() === text) {
      r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      return;
    }
  }
}

async function open(url: string): Promise<Page> {
  const page = await browser.ctx.newPage();
  await watch.page(page); // before navigation, so the first request is seen
  await page.goto(url);
  opened.push(page);
  return page;
}

test('reading, hovering and opening popovers on eight articles sends nothing', async () => {
  const options = await open(browser.extensionUrl('extension/ui/options/index.html'));
  expect(await watch.workers(options)).toBeGreaterThan(0);
  for (const name of ARTICLES) {
    const page = await open(pages.url(name));
    // Nothing to hover on the negatives; the SPA re-renders its article (the live-page tests cover it). Both stay open and watched.
    if (name.startsWith('negatives') || name.startsWith('spa')) continue;
    const texts = await highlightedTexts(page);
    const probe = await ShadowProbe.attach(page);
    for (const text of [...new Set(texts)].slice(0, 3)) {
      await page.evaluate(scrollToHighlight, text);
      const { x, y } = await highlightCenter(page, text);
      await page.mouse.move(x, y);
      await probe.waitFor('.popover').catch((e: unknown) => {
        throw new Error(`${name}: hovering "${text}" opened no popover (${String(e)})`);
      });
      await page.keyboard.press('Escape');
      await page.mouse.move(0, 0);
      interactions++;
    }
  }
  // Keyboard: landmark → popover → next mention → Esc, on the English demo.
  const demo = opened.find((p) => p.url().endsWith('demo-en.html'))!;
  await demo.bringToFront();
  await demo.locator('body').click({ position: { x: 5, y: 5 } });
  await tabToLandmark(demo);
  await demo.keyboard.press('Enter');
  await (await ShadowProbe.attach(demo)).waitFor('.popover');
  await demo.keyboard.press('Escape');
  interactions++;
  await options.reload();
  await options.locator('[data-field="version"]').waitFor();
  await watch.workers(options); // a worker that restarted meanwhile is watched too

  // The only traffic allowed: the browser loading the test pages themselves (documents and the favicon it asks for).
  const pagesOwn = (r: { context: string; url: string; method: string; postData?: string }) =>
    r.context === 'page' && r.url.startsWith(pages.origin) && r.method === 'GET' && !r.postData && /(\.html|^\/favicon\.ico)$/.test(new URL(r.url).pathname);
  const left = watch.network().filter((r) => !pagesOwn(r));
  console.log(`privacy: ${ARTICLES.length} page views, ${interactions} popovers opened, ${watch.seen.length} requests recorded, ${left.length} beyond the pages' own documents`);
  expect(left.map((r) => `${r.context} ${r.method} ${r.url}`)).toEqual([]);
  expect(watch.seen.filter((r) => r.context !== 'page' && /^https?:/.test(r.url))).toEqual([]);
});

test('a due sync talks to its configured host only, and says nothing about what was read', async () => {
  feed.route('/feed/manifest.json', (_q, res) => sendJson(res, { format: 1, version: 'x', created: '2026-11-29', size: 1, sha256: '0'.repeat(64), signature: 'AAAA', url: 'snapshot.json' }));
  const options = opened[0]!;
  const url = `${feed.origin}/feed/manifest.json`;
  const r = await options.evaluate((u) => chrome.runtime.sendMessage({ receipts: 1, type: 'setSettings', payload: { source: 'feed', feedUrl: u } }), url);
  expect(r).toMatchObject({ ok: true });
  await watch.workers(options);
  const before = watch.seen.length;
  const status = (await options.evaluate(() => chrome.runtime.sendMessage({ receipts: 1, type: 'syncNow', payload: {} }))) as { ok: boolean; value: { last: { result: { kind?: string } } } };
  expect(status.value.last.result.kind).toBe('signature'); // the feed is not ours, so nothing is installed
  const sync = watch.seen.slice(before).filter((s) => /^https?:/.test(s.url));
  // The watcher must see the worker's traffic, or the first test proves nothing.
  expect(sync.length).toBeGreaterThan(0);
  for (const s of sync) {
    expect(s.context).toBe('service-worker');
    expect(s.url).toBe(url);
    expect(s.method).toBe('GET');
    expect(s.postData).toBeUndefined();
    expect(Object.keys(s.headers).map((h) => h.toLowerCase())).not.toContain('cookie');
    expect(s.headers.Referer ?? s.headers.referer ?? '').toBe(''); // no referrer: not even our worker's URL
  }
  expect(feed.log.map((l) => l.path)).toEqual(['/feed/manifest.json']);
});
