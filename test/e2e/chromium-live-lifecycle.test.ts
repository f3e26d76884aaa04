// The content script over a page's life in Chromium: late content rescans
// only the subtree that changed, open shadow roots are watched too, the side
// panel's reveal flashes a finding, the reader's switches (off, kinds,
// exempt words) take effect at once, and a script orphaned by an extension
// reload removes everything it added.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Report } from '../../src/report/types.ts';
import { highlightedTexts, launchChromium } from './chromium.ts';
import { withPages } from './fixture-session.ts';
import { ShadowProbe } from './shadow.ts';
import { highlightNames, highlightTextsDeep, highlightTextsIn, reloadExtension, reportForUrl, sendToTab, writeUserSettings } from './page-probes.ts';
import { DEFAULT_USER_SETTINGS } from '../../extension/user-settings.ts';

const fx = withPages(launchChromium);

const ALL_ON = DEFAULT_USER_SETTINGS; // every kind and category on

async function report(url: string): Promise<{ tabId: number; value: Report }> {
  let found: { tabId: number; res: unknown } | null = null;
  await expect.poll(async () => (found = await fx.session.worker.evaluate(reportForUrl, url)), { timeout: 30_000, interval: 200 }).not.toBeNull();
  return { tabId: found!.tabId, value: (found!.res as { value: Report }).value };
}

const texts = (page: Page, name = 'receipts-entity') => page.evaluate(highlightTextsIn, name);

describe('the content script over a page’s life', () => {
  test('late content: only the changed paragraph is rescanned, earlier highlights stay the same ranges', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-en.html'));
    await highlightedTexts(page);
    const before = await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('receipts-entity') ?? [])];
      (window as unknown as { __before: unknown[] }).__before = ranges;
      return ranges.length;
    });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late update: the Department of Homeland Security confirmed that Clearview AI still holds a license.';
      document.querySelector('article')!.append(p);
    });
    await page.waitForFunction((n) => (CSS.highlights.get('receipts-entity')?.size ?? 0) > n, before, { timeout: 20_000 });
    const kept = await page.evaluate(() => {
      const now = CSS.highlights.get('receipts-entity')!;
      return (window as unknown as { __before: Range[] }).__before.every((r) => now.has(r));
    });
    expect(kept).toBe(true);
    const all = await texts(page);
    expect(all).toContain('Department of Homeland Security');
    // Reading order holds after the merge: the new paragraph's names come last.
    expect(all.slice(-2)).toEqual(['Department of Homeland Security', 'Clearview AI']);
    await page.close();
  });

  test('new text inside an open shadow root is found', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('browser-only/shadow-frame-en.html'));
    await page.waitForFunction(() => [...(CSS.highlights.get('receipts-entity') ?? [])].some((r) => r.toString() === 'Investigative Case Management'), null, { timeout: 30_000 });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Update: the FBI declined to comment.';
      document.getElementById('open-box')!.shadowRoot!.append(p);
    });
    await page.waitForFunction(() => [...(CSS.highlights.get('receipts-entity') ?? [])].some((r) => r.toString() === 'FBI'), null, { timeout: 20_000 });
    const frameTexts = await page.evaluate(highlightTextsDeep, 'receipts-entity');
    expect(frameTexts).toContain('HSCETC15C00001');
    await page.close();
  });

  test('reveal scrolls to a finding and flashes it briefly; pageReport lists loaded language', async () => {
    const page = await fx.session.ctx.newPage();
    const url = fx.server.url('demo-de.html');
    await page.goto(url);
    const { tabId, value } = await report(url);
    const i = value.mentions.findIndex((m) => m.text === '70CTD022FR0000170');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(value.loaded.map((l) => l.text)).toContain('skandalös');
    expect(await texts(page, 'receipts-loaded')).toEqual(value.loaded.map((l) => l.text));
    const res = await fx.session.worker.evaluate(sendToTab, { tabId, message: { receipts: 1, type: 'reveal', payload: { list: 'mentions', index: i } } });
    expect(res).toEqual({ ok: true, value: true });
    expect(await texts(page, 'receipts-flash')).toEqual(['70CTD022FR0000170']);
    await page.waitForFunction(() => !CSS.highlights.has('receipts-flash'), null, { timeout: 10_000 });
    const missing = await fx.session.worker.evaluate(sendToTab, { tabId, message: { receipts: 1, type: 'reveal', payload: { list: 'claims', index: 9999 } } });
    expect(missing).toEqual({ ok: true, value: false });
    const bad = await fx.session.worker.evaluate(sendToTab, { tabId, message: { receipts: 1, type: 'reveal', payload: { list: 'nope', index: 0 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await page.close();
  });

  test('the reader’s switches: kinds and exempt words apply at once; off removes everything, on brings it back', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-de.html'));
    await page.waitForFunction(() => (CSS.highlights.get('receipts-loaded')?.size ?? 0) > 0, null, { timeout: 30_000 });
    expect(await texts(page)).toContain('Palantir');

    await fx.session.worker.evaluate(writeUserSettings, { ...ALL_ON, entityKinds: { ...ALL_ON.entityKinds, company: false }, exemptWords: ['SKANDALÖS'] });
    await page.waitForFunction(() => ![...(CSS.highlights.get('receipts-entity') ?? [])].some((r) => r.toString() === 'Palantir'), null, { timeout: 10_000 });
    expect(await texts(page)).toContain('ICE');
    expect(await texts(page, 'receipts-loaded')).not.toContain('skandalös');

    await fx.session.worker.evaluate(writeUserSettings, { ...ALL_ON, enabled: false });
    await page.waitForFunction(() => ![...CSS.highlights.keys()].some((n) => n.startsWith('receipts-')) && !document.querySelector('receipts-ui'), null, { timeout: 10_000 });
    // Switched off means no observer either: new content is not scanned.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Palantir und ICE, noch einmal.';
      document.body.append(p);
    });
    await fx.session.worker.evaluate(writeUserSettings, ALL_ON);
    await page.waitForFunction(() => [...(CSS.highlights.get('receipts-entity') ?? [])].filter((r) => r.toString() === 'Palantir').length > 0, null, { timeout: 20_000 });
    expect(await page.evaluate(() => !!document.querySelector('receipts-ui'))).toBe(true);
    await page.close();
  });

  test('hovering loaded language (no mention there) opens the popover with that finding', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-de.html'));
    await page.waitForFunction(() => [...(CSS.highlights.get('receipts-loaded') ?? [])].some((r) => r.toString() === 'skandalös'), null, { timeout: 30_000 });
    const probe = await ShadowProbe.attach(page);
    const at = await page.evaluate(() => {
      const r = [...CSS.highlights.get('receipts-loaded')!].find((x) => x.toString() === 'skandalös') as Range;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const b = r.getClientRects()[0]!;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    const items = await probe.waitFor('.loaded-item q');
    expect(items).toContain('skandalös');
    await page.close();
  });

  test('a page with thousands of mentions: highlights follow the viewport, the report lists them all', async () => {
    const page = await fx.session.ctx.newPage();
    const url = fx.server.url('demo-en.html');
    await page.goto(url);
    await highlightedTexts(page);
    await page.evaluate(() => {
      const frag = document.createDocumentFragment();
      for (let i = 0; i < 700; i++) {
        const p = document.createElement('p');
        p.textContent = `Item ${i}: Palantir Technologies, the Department of Homeland Security, Clearview AI and the FBI were named again.`;
        frag.append(p);
      }
      const last = document.createElement('p');
      last.id = 'last';
      last.textContent = 'Final line: the General Services Administration.';
      frag.append(last);
      document.querySelector('article')!.append(frag);
    });
    let total = 0;
    await expect.poll(async () => (total = (await report(url)).value.mentions.length), { timeout: 60_000, interval: 500 }).toBeGreaterThan(2800);
    // Only findings near the viewport are registered: far fewer than the page holds.
    await page.waitForFunction(() => (CSS.highlights.get('receipts-entity')?.size ?? 0) > 0, null, { timeout: 20_000 });
    const registered = await page.evaluate(() => CSS.highlights.get('receipts-entity')!.size);
    expect(registered).toBeLessThan(total);
    expect(await texts(page)).not.toContain('General Services Administration');
    await page.evaluate(() => document.getElementById('last')!.scrollIntoView());
    await page.waitForFunction(() => [...(CSS.highlights.get('receipts-entity') ?? [])].some((r) => r.toString() === 'General Services Administration'), null, { timeout: 20_000 });
    await page.close();
  });

  // Last: it reloads the extension, which ends this session's service worker.
  test('an orphaned content script (extension reloaded) removes its highlights and UI', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-en.html'));
    await highlightedTexts(page);
    expect(await page.evaluate(() => !!document.querySelector('receipts-ui'))).toBe(true);
    await fx.session.worker.evaluate(reloadExtension).catch(() => undefined); // the worker goes away mid-call
    // The orphan notices on the next event it handles (here: the pointer moving).
    await expect
      .poll(
        async () => {
          await page.mouse.move(100 + Math.random() * 200, 200);
          return page.evaluate(() => ({ ui: !!document.querySelector('receipts-ui'), names: [...CSS.highlights.keys()] }));
        },
        { timeout: 20_000, interval: 300 },
      )
      .toEqual({ ui: false, names: [] });
    expect(await page.evaluate(highlightNames)).toEqual([]);
    await page.close();
  });
});
