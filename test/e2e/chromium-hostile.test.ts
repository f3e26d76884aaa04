// Hostile pages in Chromium (issue 8): huge and deep DOMs, a mutation storm,
// pages that sabotage built-ins, a strict CSP with Trusted Types, shadow roots
// and iframes, and a page that deletes our highlights and host element. The
// checks are shared with Firefox (hostile-probes.ts).
// Everything is read through the DevTools protocol (CDP Runtime.evaluate with
// returnByValue), never through helpers that run page-world JavaScript, so a
// page that overrides Array.prototype.map or JSON.parse cannot confuse the
// test itself. Errors are collected from every execution context on the page
// (the page's world and our isolated world) and from the browser's log.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ShadowProbe } from './shadow.ts';
import * as probes from './hostile-probes.ts';

const fx = probes.withHostilePages(launchChromium);

type Hostile = probes.HostilePage<Page>;

async function open(url: string): Promise<Hostile> {
  const page = await fx.session.ctx.newPage();
  const cdp = await fx.session.ctx.newCDPSession(page);
  const errors: string[] = [];
  cdp.on('Runtime.exceptionThrown', (e) => errors.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`));
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error' || e.type === 'assert') errors.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  cdp.on('Log.entryAdded', (e) => {
    // Chromium's own favicon request 404s on our static server; that is the browser, not a page or us.
    if (e.entry.level === 'error' && !(e.entry.url ?? '').endsWith('/favicon.ico')) errors.push(`log: ${e.entry.text} ${e.entry.url ?? ''}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  await page.goto(url);
  const evaluate = async (expression: string): Promise<unknown> => {
    const res = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (res.exceptionDetails) throw new Error(`page evaluation failed: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value;
  };
  return probes.hostilePage(page, errors, evaluate, () => fx.session.ctx.newPage());
}

async function openPopoverOn(h: Hostile, text: string): Promise<ShadowProbe> {
  const c = await h.eval<{ x: number; y: number } | null>(probes.centerOf(text));
  expect(c, `a highlight for ${text}`).not.toBeNull();
  await h.click(c!.x, c!.y);
  const probe = await ShadowProbe.attach(h.page);
  await probe.waitFor('.popover h2', 30_000);
  return probe;
}

describe('hostile pages in Chromium', () => {
  probes.testSameInBoth((path) => open(fx.server.url(path)));

  test('a page that overrides Array.prototype.map, JSON.parse, Node.prototype.appendChild, fetch and HighlightRegistry.set: Receipts is unaffected (isolated world)', async () => {
    const h = await open(fx.server.url('overrides.html'));
    await h.until(probes.hasHighlight('Palantir'), 'Palantir highlighted');
    const probe = await openPopoverOn(h, 'Palantir');
    expect((await probe.texts('.popover h2'))[0]).toMatch(/Palantir/);
    await probe.waitFor('.award');
    await probes.expectSabotageUntouched(h);
    await h.close();
  });

  test("strict CSP with require-trusted-types-for 'script': highlights and the popover work, no violation", async () => {
    const h = await open(fx.csp.server.url('csp.html'));
    await h.until(probes.hasHighlight('Palantir'), 'Palantir highlighted');
    const probe = await openPopoverOn(h, '70CTD022FR0000170');
    await probe.waitFor('.award [data-field="obligated"]');
    expect(await h.eval<string[]>('window.__violations'), 'CSP violations').toEqual([]);
    await probes.expectUnbroken(h, 'csp.html');
    await h.close();
  });

  describe('shadow roots and iframes', () => {
    let h: Hostile;
    beforeAll(async () => {
      h = await open(fx.server.url('shadow.html'));
      await h.until(probes.hasHighlight('ICE'), 'the light-DOM mention highlighted');
    });
    afterAll(async () => {
      await h?.close();
    });

    test('the page and both shadow roots are unchanged; no errors', async () => {
      await probes.expectShadowRootsUnchanged(h);
    });

    test('text in an open shadow root is highlighted', async () => {
      await h.until(probes.hasHighlight('Palantir'), 'Palantir in the open shadow root', 20_000);
    });

    test('text in a same-origin iframe is highlighted in the frame', async () => {
      const frame = h.page.frame({ url: /frame\.html$/ });
      expect(frame).not.toBeNull();
      await frame!.waitForFunction(
        () => [...(CSS.highlights.get('receipts-entity') ?? [])].some((r) => (r as Range).toString() === 'BI Incorporated'),
        null,
        { timeout: 20_000 },
      );
    });
  });

  describe('a page that removes our highlights and our host element', () => {
    test('highlights come back after the next page change; the page is never broken', async () => {
      const h = await open(fx.server.url('article.html'));
      await probes.checkHighlightsComeBack(h);
      await h.close();
    });

    test('a click after the host was removed re-creates it and opens the popover, without errors', async () => {
      const h = await open(fx.server.url('article.html'));
      await probes.clickAfterHostRemoved(h);
      const probe = await ShadowProbe.attach(h.page);
      await probe.waitFor('.popover h2', 20_000);
      await probes.expectCleanAfterClick(h);
      await h.close();
    });
  });
});
