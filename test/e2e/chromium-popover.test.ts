// The popover in Chromium: opened by mouse and by keyboard, its facts in
// English and German, the citation copied to the clipboard (and refused when
// the page tampers with our host), axe-core with 0 violations in light and
// dark mode. Writes the README's popover screenshots to docs/screenshots/.
import { beforeAll, describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, highlightCenter, highlightedTexts } from './chromium.ts';
import { withPages } from './fixture-session.ts';
import { tabToLandmark } from './keyboard.ts';
import { UiProbe } from './ui-probes.ts';
import { shotsDir } from './screenshots.ts';

const fx = withPages(launchChromium);
const SHOTS = shotsDir(true); // docs/screenshots/ with RECEIPTS_UPDATE_SCREENSHOTS=1, else test-results/

beforeAll(async () => {
  await fx.session.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fx.server.origin });
  await mkdir(SHOTS, { recursive: true });
});

/** Sets the interface language the way the options page stores it. */
async function setLanguage(lang: 'auto' | 'en' | 'de'): Promise<void> {
  const page = await fx.session.ctx.newPage();
  await page.goto(fx.session.extensionUrl('extension/ui/options/index.html'));
  await page.evaluate(async (language) => {
    const c = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const cur = (await c.storage.sync.get('receiptsUser')).receiptsUser ?? {};
    await c.storage.sync.set({ receiptsUser: { ...(cur as object), language } });
  }, lang);
  await page.close();
}

async function hoverOpen(page: Page, text: string): Promise<UiProbe> {
  await highlightedTexts(page);
  const probe = await UiProbe.attach(page);
  const { x, y } = await highlightCenter(page, text);
  await page.mouse.move(x, y);
  await probe.waitFor('.popover h2');
  return probe;
}

async function shootPopover(page: Page, probe: UiProbe, name: string): Promise<void> {
  const r = await probe.rect('.popover');
  await page.screenshot({ path: resolve(SHOTS, name), clip: { x: Math.max(0, r.x - 16), y: Math.max(0, r.y - 16), width: r.width + 32, height: r.height + 32 } });
}

describe('popover', () => {
  test('by mouse: the vendor, its identifiers and awards grouped by agency with totals, ICE first', async () => {
    await setLanguage('en');
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-en.html'));
    const probe = await hoverOpen(page, 'Palantir');
    expect(await probe.waitFor('[data-field="uei"]')).toEqual(['FSY4LVSBGWB7']);
    expect(await probe.texts('.popover h2')).toEqual(['Palantir Technologies Inc.']);
    const heads = await probe.waitFor('.agency-group h3');
    expect(heads[0]).toMatch(/^U\.S\. Immigration and Customs Enforcement · \d+ awards · \$[\d.]+ (million|billion) obligated · named on this page$/);
    expect(await probe.texts('.entity-head .tier')).toEqual([expect.stringMatching(/^USAspending record, as of /)]);
    expect((await probe.texts('.age'))[0]).toMatch(/^Index [0-9a-f]{16}, data as of /);
    await shootPopover(page, probe, 'popover-en.png');
    await page.close();
  });

  test('by keyboard: landmark, Enter moves focus into the labelled dialog, Esc closes and focus returns', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-en.html'));
    await highlightedTexts(page);
    const probe = await UiProbe.attach(page);
    await probe.waitFor('.landmark');
    expect(await tabToLandmark(page)).toBe(true);
    await page.keyboard.press('Enter');
    await probe.waitFor('.popover h2');
    expect(await probe.focusedClass()).toBe('popover');
    const labelled = await probe.onRoot<string>('function () { const d = this.querySelector(".popover"); return d.getAttribute("role") + "|" + this.getElementById(d.getAttribute("aria-labelledby")).textContent; }');
    expect(labelled).toMatch(/^dialog\|.+/);
    // Tab moves on within the dialog (the close button is its first control).
    await page.keyboard.press('Tab');
    expect(await probe.focusedClass()).toBe('close');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await probe.texts('.popover')).length).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('RECEIPTS-UI');
    expect(await probe.focusedClass()).toBe('landmark');
    await page.close();
  });

  test('axe-core: 0 violations in light and dark mode', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-de.html'));
    const probe = await hoverOpen(page, '70CTD022FR0000170');
    await probe.waitFor('.award [data-field="competition"]');
    // Open the disclosure sections too, so their contents are checked.
    await probe.onRoot('function () { this.querySelectorAll("details").forEach((d) => { d.open = true; }); }');
    await probe.waitFor('.cite-copy');
    expect(await probe.axe()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await probe.axe()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.close();
  });

  test('copies an APA citation of the USAspending record with today’s access date', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-de.html'));
    await highlightedTexts(page);
    const probe = await UiProbe.attach(page);
    const { x, y } = await highlightCenter(page, '70CTD022FR0000170');
    await page.mouse.click(x, y);
    await probe.waitFor('.cite summary');
    const s = await probe.center('.cite summary');
    await page.mouse.click(s.x, s.y);
    const [shown] = await probe.waitFor('[data-field="citation"]');
    const b = await probe.center('.cite-copy');
    await page.mouse.click(b.x, b.y);
    await expect.poll(() => probe.texts('[data-field="cite-status"]')).toEqual(['Copied to the clipboard.']);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    const today = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
    expect(copied).toBe(
      `USAspending.gov. (n.d.). Contract award 70CTD022FR0000170 to Palantir Technologies Inc. [Data set]. U.S. Department of the Treasury. Retrieved ${today}, from https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/`,
    );

    // The page moves our host into its own DOM: the copy is refused.
    await page.evaluate(() => navigator.clipboard.writeText('untouched'));
    await page.evaluate(() => document.body.append(document.querySelector('receipts-ui')!));
    const b2 = await probe.center('.cite-copy');
    await page.mouse.click(b2.x, b2.y);
    await expect.poll(async () => (await probe.texts('[data-field="cite-status"]'))[0]).toMatch(/^Not copied: .*\(Receipts host moved\)\.$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');
    await page.close();
  });

  test('in German when the reader chooses German', async () => {
    await setLanguage('de');
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-de.html'));
    const probe = await hoverOpen(page, 'Palantir');
    await probe.waitFor('.agency-group h3');
    await expect.poll(async () => (await probe.texts('.kind'))[0]).toBe('Unternehmen');
    expect((await probe.texts('.agency-group h3'))[0]).toMatch(/^U\.S\. Immigration and Customs Enforcement · \d+ Aufträge · [\d,]+ (Mio\.|Mrd\.) \$ gebunden · auf dieser Seite genannt$/);
    expect(await probe.onRoot<string>('function () { return this.querySelector(".close").getAttribute("aria-label"); }')).toBe('Schließen');
    await shootPopover(page, probe, 'popover-de.png');
    await page.close();
    await setLanguage('auto');
  });
});
