// Hostile pages in Firefox ESR (issue 8): the same fixed pages as
// chromium-hostile.test.ts (test/fixtures/hostile): huge and deep DOMs, a
// mutation storm, a page that sabotages built-ins, a strict CSP, shadow roots
// and an iframe, and a page that deletes our highlights and host element. The
// checks are shared with Chromium (hostile-probes.ts).
//
// How the page is read. Firefox has no DevTools protocol here; puppeteer drives
// it over WebDriver BiDi. Every probe is a self-contained string expression
// evaluated with page.evaluate (BiDi script.evaluate in the page's main world),
// written with for…of and push only. The override page replaces
// Array.prototype.map, JSON.parse, Node.prototype.appendChild, fetch and
// HighlightRegistry.prototype.set in that world, so:
// - firefox.ts's highlightedTexts is NOT used: it spreads the highlight and
//   calls .map (the page's copy: it returns [] and bumps the page's counter),
//   and waits with puppeteer's waitForFunction, which runs puppeteer's own
//   poller script in the page world;
// - results come back through BiDi's serialiser, which is the browser's own
//   code, not the page's JSON, so a sabotaged JSON.parse cannot change them;
// - no pristine references need capturing at document start
//   (evaluateOnNewDocument): none of our expressions touches an overridden
//   function, and the page's counters prove it (they must stay 0).
// Receipts' content script itself sees the page through Xray wrappers: it
// gets the native Array, JSON, DOM methods and HighlightRegistry, never the
// page's replacements (the test checks the counts). The probes deliberately
// stay in the page world rather than a BiDi sandbox (which sees the page
// through Xrays like a content script): through an Xray, iterating a Highlight
// or the HighlightRegistry (for…of, spread, keys()) throws "Xray wrapping of
// iterators not supported" in Firefox; only forEach works there.
//
// Errors: puppeteer's `pageerror` (BiDi log entries of type javascript),
// console.error/assert and Receipts' own "[Receipts] …" failure reports from
// every frame, plus the page's own window.__errors.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox } from './firefox.ts';
import * as probes from './hostile-probes.ts';

const fx = probes.withHostilePages(launchFirefox);

type Hostile = probes.HostilePage<Page>;

async function open(url: string): Promise<Hostile> {
  const page = await fx.session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  page.on('console', (m) => {
    // Receipts' content script reports a failure it caught with console.debug('[Receipts]', …)
    // (it never breaks the page). In Firefox those messages reach BiDi too, and they are often
    // the only trace of an Xray-specific failure, so they count as errors here.
    if (m.type() === 'error' || m.type() === 'assert' || m.text().startsWith('[Receipts]')) {
      errors.push(`console.${m.type()}: ${m.text()} ${m.location().url ?? ''}`);
    }
  });
  await page.goto(url);
  return probes.hostilePage(page, errors, (expression) => page.evaluate(expression), () => fx.session.browser.newPage());
}

/**
 * Whether `text` is rendered on the page, our closed shadow root included:
 * Firefox's find-in-page searches it (see firefox.ts). None of the functions
 * used here is overridden by any hostile page.
 */
const shows = (text: string) =>
  `(() => { getSelection().removeAllRanges(); const f = window.find(${JSON.stringify(text)}, true); getSelection().removeAllRanges(); return f; })()`;

/** Clicks the highlight `text` and waits until the popover shows `shown` (text not in the article). */
async function openPopoverOn(h: Hostile, text: string, shown: string): Promise<void> {
  expect(await h.eval<boolean>(shows(shown)), `"${shown}" before the popover opens`).toBe(false);
  const c = await h.eval<{ x: number; y: number } | null>(probes.centerOf(text));
  expect(c, `a highlight for ${text}`).not.toBeNull();
  await h.click(c!.x, c!.y);
  await h.until(shows(shown), `the popover showing "${shown}"`, 30_000);
}

describe('hostile pages in Firefox ESR', () => {
  probes.testSameInBoth((path) => open(fx.server.url(path)));

  test('a page that overrides Array.prototype.map, JSON.parse, Node.prototype.appendChild, fetch and HighlightRegistry.set: Receipts is unaffected (Xray wrappers)', async () => {
    const h = await open(fx.server.url('overrides.html'));
    await h.until(probes.hasHighlight('Palantir'), 'Palantir highlighted');
    // The popover renders (Preact in our shadow root, appendChild and all) with the record.
    await openPopoverOn(h, 'Palantir', 'Palantir Technologies Inc.');
    await h.until(shows('USAspending award page'), 'an award card with its link');
    await probes.expectSabotageUntouched(h);
    await h.close();
  });

  test("strict CSP with require-trusted-types-for 'script': highlights and the popover work, no violation", async () => {
    const h = await open(fx.csp.server.url('csp.html'));
    // Firefox ESR 153 implements Trusted Types (window.trustedTypes exists and
    // require-trusted-types-for is enforced); an older ESR without it still
    // gets the rest of the CSP tested (no inline script or style, self only),
    // so this is logged rather than asserted.
    const trustedTypes = await h.eval<boolean>(`typeof window.trustedTypes === 'object' && window.trustedTypes !== null`);
    console.info(`[hostile] Firefox ${await fx.session.browser.version()}: Trusted Types ${trustedTypes ? 'implemented' : 'not implemented'}`);
    await h.until(probes.hasHighlight('Palantir'), 'Palantir highlighted');
    await openPopoverOn(h, '70CTD022FR0000170', 'USAspending award page');
    expect(await h.eval<string[]>('window.__violations'), 'CSP violations').toEqual([]);
    await probes.expectUnbroken(h, 'csp.html');
    await h.close();
  });

  test('control: the CSP page blocks inline styles and string-to-HTML sinks, and the test sees the violations', async () => {
    // Proves the CSP test above could fail: a violation in this page is recorded.
    // (eval is no control here: code run through BiDi is exempt from the page's CSP.)
    const h = await open(fx.csp.server.url('csp.html'));
    const sinkBlocked = await h.eval<boolean | null>(`(() => {
      const style = document.createElement('style');
      style.textContent = 'p { color: red }';
      document.head.append(style);
      if (!window.trustedTypes) return null;
      try { document.createElement('div').innerHTML = '<b>x</b>'; return false; } catch { return true; }
    })()`);
    expect(sinkBlocked, 'innerHTML with a string under require-trusted-types-for').not.toBe(false); // null: no Trusted Types
    const seen = (directive: string) =>
      `(() => { for (const v of window.__violations) if (v.startsWith(${JSON.stringify(directive)})) return true; return false; })()`;
    await h.until(seen('style-src'), 'the style-src violation to be reported', 10_000);
    if (sinkBlocked) await h.until(seen('require-trusted-types-for'), 'the Trusted Types violation to be reported', 10_000);
    await h.close();
  });

  describe('shadow roots and iframes', () => {
    // The page is opened once; each test waits for its own part, so a failure names the part.
    let h: Hostile;
    beforeAll(async () => {
      h = await open(fx.server.url('shadow.html'));
    });
    afterAll(async () => {
      await h?.close();
    });

    test('text in an open shadow root is highlighted', async () => {
      await h.until(probes.hasHighlight('Palantir'), 'Palantir in the open shadow root', 30_000);
    });

    // "ICE" in the light DOM has no context of its own: it is confirmed by the
    // iframe's "…program for ICE", one sense per discourse. Firefox may read
    // the page before the frame has loaded; the frame's late rescan then
    // brings new evidence, and the page is read again whole (discourse.ts).
    test('an ambiguous name confirmed only by a late-loading iframe is highlighted', async () => {
      await h.until(probes.hasHighlight('ICE'), 'the light-DOM "ICE" highlighted', 30_000);
    });

    test('text in a same-origin iframe is highlighted in the frame', async () => {
      const frame = h.page.frames().find((f) => f.url().endsWith('/frame.html'));
      expect(frame, 'the iframe').toBeDefined();
      await probes.pollUntil((e) => frame!.evaluate(e), probes.hasHighlight('BI Incorporated'), 'BI Incorporated highlighted in the frame', 20_000);
    });

    test('text in a closed shadow root is not read (read-page.ts reads el.shadowRoot, null for closed roots)', async () => {
      // Firefox would let a content script in through element.openOrClosedShadowRoot;
      // Receipts deliberately reads only what it can read in Chromium too.
      const texts = await h.eval<string[]>(probes.TEXTS);
      console.info(`[hostile] shadow.html top-document highlights: ${texts.join(' | ') || '(none)'}`);
      expect(texts).not.toContain('GEO Group');
    });

    test('the page and both shadow roots are unchanged; no errors', async () => {
      await probes.expectShadowRootsUnchanged(h);
    });
  });

  describe('a page that removes our highlights and our host element', () => {
    test('highlights come back after the next page change; the page is never broken', async () => {
      const h = await open(fx.server.url('article.html'));
      await probes.checkHighlightsComeBack(h);
      await probes.expectNoErrors(h);
      await h.close();
    });

    test('a click after the host was removed re-creates it and opens the popover, without errors', async () => {
      const h = await open(fx.server.url('article.html'));
      await probes.clickAfterHostRemoved(h);
      await h.until(shows('Palantir Technologies Inc.'), 'the popover in the re-created host', 20_000);
      await probes.expectCleanAfterClick(h);
      await h.close();
    });
  });
});
