// The side panel in Chromium, opened as a tab pointed at a page's tab with
// ?tab=<id> (a real side panel cannot be driven by Playwright): it lists the
// page's report, a click reveals and flashes the finding on the page, every
// export downloads, axe finds no violation, and it says plainly when a tab
// has no Receipts content script. Screenshots in English and German.
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, highlightedTexts } from './chromium.ts';
import { withPages } from './fixture-session.ts';
import { axeViolations, setLanguage, tabIdOf } from './panel-helpers.ts';
import { shotsDir } from './screenshots.ts';

const fx = withPages(launchChromium);
const SHOTS = shotsDir(true); // docs/screenshots/ with RECEIPTS_UPDATE_SCREENSHOTS=1, else test-results/

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

async function openPanelFor(tabId: number): Promise<Page> {
  const panel = await fx.session.ctx.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(fx.session.extensionUrl(`extension/ui/sidepanel/index.html?tab=${tabId}`));
  return panel;
}

describe('side panel in Chromium', () => {
  test('lists the page report; a click scrolls to the finding and flashes it; every export downloads', async () => {
    const article = await fx.session.ctx.newPage();
    await article.goto(fx.server.url('demo-en.html'));
    await highlightedTexts(article);
    const tabId = await tabIdOf(fx.session, article);
    const panel = await openPanelFor(tabId);
    await panel.locator('[data-entity]').first().waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-field="source"]').textContent()).toBe(fx.server.url('demo-en.html'));
    const version = await panel.locator('[data-field="index-version"]').textContent();
    expect(version).toMatch(/\S/);
    const names = await panel.locator('[data-entity] h3').allTextContents();
    expect(names.some((n) => /Palantir/.test(n))).toBe(true);
    expect(await panel.locator('[data-award]').count()).toBeGreaterThan(0);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.screenshot({ path: resolve(SHOTS, 'sidepanel-en.png'), fullPage: false });

    // The last Palantir mention: the page scrolls to it and flashes exactly that text.
    const finding = panel.locator('[data-entity^="vendor:"] .finding').last();
    const index = Number(await finding.getAttribute('data-index'));
    await article.evaluate(() => window.scrollTo(0, 0));
    await finding.click();
    await article.waitForFunction(() => (CSS.highlights.get('receipts-flash')?.size ?? 0) > 0, null, { timeout: 10_000 });
    const flashed = await article.evaluate(() => {
      const r = [...CSS.highlights.get('receipts-flash')!][0] as Range;
      const b = r.getBoundingClientRect();
      return { text: r.toString(), inView: b.top >= 0 && b.bottom <= innerHeight };
    });
    const report = JSON.parse(await download(panel, 'json')) as { mentions: Array<{ text: string }>; source: { url: string }; index: { version: string }; generated: string };
    expect(flashed.text).toBe(report.mentions[index]!.text);
    expect(flashed.inView).toBe(true);

    // Every export carries the page, the date and the index version.
    expect(report.source.url).toBe(fx.server.url('demo-en.html'));
    expect(version).toContain(report.index.version);
    const md = await download(panel, 'md');
    expect(md).toContain(fx.server.url('demo-en.html'));
    expect(md).toContain(report.index.version);
    const csv = await download(panel, 'csv');
    expect(csv.split('\r\n')[0]).toMatch(/^list,index,start,end,text,/);
    expect(csv).toContain(report.index.version);
    const apa = await download(panel, 'citations');
    expect(apa).toContain('usaspending.gov');
    await panel.selectOption('.cite select', 'csl-json');
    const csl = JSON.parse(await download(panel, 'citations')) as Array<{ accessed: unknown }>;
    expect(csl.length).toBeGreaterThan(0);

    await panel.selectOption('.cite select', 'apa');
    await setLanguage(fx.session, 'de');
    await panel.getByRole('heading', { name: 'Einträge', exact: false }).waitFor();
    expect(await axeViolations(panel)).toEqual([]);
    await panel.screenshot({ path: resolve(SHOTS, 'sidepanel-de.png'), fullPage: false });
    await setLanguage(fx.session, 'auto');
    await panel.close();
    await article.close();
  });

  test('a tab without the Receipts content script: the panel says so and how to run it', async () => {
    const other = await fx.session.ctx.newPage();
    await other.goto('about:blank');
    const tabId = await tabIdOf(fx.session, other);
    const panel = await openPanelFor(tabId);
    const note = panel.locator('[data-state="not-running"]');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toContain('toolbar');
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
    await other.close();
  });
});

async function download(panel: Page, kind: string): Promise<string> {
  const [dl] = await Promise.all([panel.waitForEvent('download'), panel.click(`[data-export="${kind}"]`)]);
  const path = await dl.path();
  return readFile(path, 'utf8');
}
