// The options page's own settings in Chromium: where Receipts runs, the
// switches per entity kind and loaded-language category, exempt words, the
// interface language (English and German), axe-core with 0 violations in
// light and dark mode. Writes the README's options screenshots.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './chromium.ts';
import { axePage } from './ui-probes.ts';
import { shotsDir } from './screenshots.ts';

let browser: ChromiumSession;
const SHOTS = shotsDir(true); // docs/screenshots/ with RECEIPTS_UPDATE_SCREENSHOTS=1, else test-results/

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

interface Stored {
  version: number;
  language: string;
  entityKinds: Record<string, boolean>;
  loadedCategories: Record<string, boolean>;
  exemptWords: string[];
  citationStyle: string;
}

function stored(page: Page): Promise<Stored | undefined> {
  return page.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await c.storage.sync.get('receiptsUser')).receiptsUser as Stored | undefined;
  });
}

async function openOptions(): Promise<Page> {
  const page = await browser.ctx.newPage();
  await page.goto(browser.extensionUrl('extension/ui/options/index.html'));
  await page.locator('[data-field="version"]').waitFor();
  await page.getByRole('checkbox', { name: 'Company' }).waitFor();
  return page;
}

test('lists where Receipts runs and passes axe in light and dark mode', async () => {
  const page = await openOptions();
  await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
    'General',
    'Where Receipts runs',
    'What to highlight',
    'Your flags on loaded language',
    'Contract index',
    'Sync',
    'Network',
  ]);
  const bundled = await page.locator('[data-field="bundled-sites"] li').allTextContents();
  expect(bundled).toContain('www.spiegel.de');
  expect(bundled).toContain('apnews.com');
  expect(bundled.every((h) => !h.includes('/'))).toBe(true);
  await expect.poll(() => page.locator('[data-field="no-sites"]').textContent()).toBe('You have not added any sites.');
  expect(await axePage(page)).toEqual([]);
  await page.screenshot({ path: resolve(SHOTS, 'options-en.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axePage(page)).toEqual([]);
  await page.close();
});

test('switches, exempt words and the citation style are stored in storage.sync', async () => {
  const page = await openOptions();
  await page.getByRole('checkbox', { name: 'Agency' }).uncheck();
  await expect.poll(async () => (await stored(page))?.entityKinds.agency).toBe(false);
  await page.getByRole('checkbox', { name: 'Hyperbole' }).uncheck();
  await expect.poll(async () => (await stored(page))?.loadedCategories.hyperbole).toBe(false);
  await page.getByLabel('Word or phrase').fill('crackdown');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect.poll(async () => (await stored(page))?.exemptWords).toEqual(['crackdown']);
  await page.getByLabel('Preferred citation style').selectOption('chicago');
  await expect.poll(async () => (await stored(page))?.citationStyle).toBe('chicago');
  const s = await stored(page);
  expect(s).toMatchObject({ version: 2, entityKinds: { company: true, agency: false }, loadedCategories: { hyperbole: false } });

  // A reload shows what was stored; removing the word stores that too.
  await page.reload();
  await page.getByRole('checkbox', { name: 'Company' }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Agency' }).isChecked()).toBe(false);
  await page.getByRole('button', { name: 'Remove crackdown' }).click();
  await expect.poll(async () => (await stored(page))?.exemptWords).toEqual([]);
  await page.close();
});

test('an address that is not https is refused before any permission prompt', async () => {
  const page = await openOptions();
  await page.getByLabel('Add a site (https address)').fill('ftp://example.org');
  await page.getByRole('button', { name: 'Always run here' }).click();
  await expect.poll(() => page.locator('[data-field="sites-status"]').textContent()).toBe('Enter an https address, for example https://example.org');
  await page.getByLabel('Add a site (https address)').fill('https://www.spiegel.de/politik/');
  await page.getByRole('button', { name: 'Always run here' }).click();
  await expect.poll(() => page.locator('[data-field="sites-status"]').textContent()).toBe('www.spiegel.de is already on the bundled list.');
  await page.close();
});

test('choosing German turns the whole page German, and it stays German after a reload', async () => {
  const page = await openOptions();
  // Start from the defaults, so the screenshots show what a new reader sees.
  await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { remove(k: string): Promise<void> } } } }).chrome.storage.sync.remove('receiptsUser'));
  await page.reload();
  await page.getByRole('checkbox', { name: 'Agency' }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Agency' }).isChecked()).toBe(true);
  await page.getByLabel('Interface language').selectOption('de');
  await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Allgemein');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  expect(await page.title()).toBe('Receipts – Einstellungen');
  await page.reload();
  await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
    'Allgemein',
    'Wo Receipts läuft',
    'Was markiert wird',
    'Ihre Markierungen zu wertender Sprache',
    'Vertragsindex',
    'Aktualisierung',
    'Netzwerk',
  ]);
  await page.locator('[data-field="version"]').waitFor();
  await expect.poll(() => page.locator('[data-field="no-sites"]').textContent()).toBe('Sie haben noch keine Websites hinzugefügt.');
  expect(await page.getByRole('checkbox', { name: 'Unternehmen' }).isChecked()).toBe(true);
  expect(await axePage(page)).toEqual([]);
  await page.screenshot({ path: resolve(SHOTS, 'options-de.png'), fullPage: true });
  await page.getByLabel('Sprache der Oberfläche').selectOption('auto');
  await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('General');
  await page.close();
});
