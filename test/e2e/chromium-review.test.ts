// The draft review page in Chromium: typed, pasted (rich) and opened text
// gets the same mentions, loaded language and claims as `receipts annotate
// --json` on the same input; a click in the report flashes the mark in the
// text; the page makes no network request; axe finds no violation.
// Screenshots in English and German.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './chromium.ts';
import { ROOT } from './browsers.ts';
import { axeViolations, setLanguage } from './panel-helpers.ts';
import { shotsDir } from './screenshots.ts';

const run = promisify(execFile);
const FIX = resolve(ROOT, 'test/fixtures/report');
const SHOTS = shotsDir(true); // docs/screenshots/ with RECEIPTS_UPDATE_SCREENSHOTS=1, else test-results/

interface Findings {
  mentions: unknown[];
  loaded: unknown[];
  claims: unknown[];
  text: string;
  index: { version: string };
}

let browser: ChromiumSession;
let page: Page;
const requests: string[] = [];
/** The CLI's reports, started together (each run parses the 12 MB index). */
const expected: Record<string, Promise<Findings>> = {};

beforeAll(async () => {
  for (const f of ['en.txt', 'article.html', 'de.txt']) {
    expected[f] = cli(resolve(FIX, f));
    expected[f].catch(() => undefined); // awaited in the tests; avoid an unhandled rejection meanwhile
  }
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  page = await browser.ctx.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith('chrome-extension://') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) requests.push(r.url());
  });
  await page.goto(browser.extensionUrl('extension/ui/review/index.html'));
});
afterAll(async () => {
  await browser?.close();
});

async function cli(file: string): Promise<Findings> {
  const { stdout } = await run(process.execPath, ['bin/receipts.mjs', 'annotate', file, '--json'], { cwd: ROOT, maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as Findings;
}

/** Waits for the report of exactly `text`, then downloads the JSON export. */
async function exported(text: string): Promise<Findings> {
  await page.waitForFunction((t) => {
    const view = document.querySelector('.annotated');
    return !!view && view.textContent === t && !!document.querySelector('[data-export="json"]');
  }, text, { timeout: 30_000 });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  return JSON.parse(await readFile(await dl.path(), 'utf8')) as Findings;
}

function same(a: Findings, b: Findings) {
  expect(a.text).toBe(b.text);
  expect(a.mentions).toEqual(b.mentions);
  expect(a.loaded).toEqual(b.loaded);
  expect(a.claims).toEqual(b.claims);
  expect(a.index.version).toBe(b.index.version);
}

describe('review page in Chromium', () => {
  test('typed text: the same report as the CLI', async () => {
    const text = await readFile(resolve(FIX, 'en.txt'), 'utf8');
    const cliReport = await expected['en.txt']!;
    expect(cliReport.mentions.length).toBeGreaterThan(3);
    await page.fill('#draft', text);
    same(await exported(text), cliReport);

    // A click in the report flashes the mention's mark in the text.
    await page.locator('.finding[data-list="mentions"]').last().click();
    await page.locator('.annotated mark.flash').first().waitFor({ timeout: 5_000 });

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'review-en.png'), fullPage: false });
    await setLanguage(browser, 'de');
    await page.getByRole('heading', { name: 'Receipts · Entwurf prüfen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'review-de.png'), fullPage: false });
    await setLanguage(browser, 'auto');
  });

  test('pasted rich text (HTML) is read like the CLI reads the .html file', async () => {
    const html = await readFile(resolve(FIX, 'article.html'), 'utf8');
    const cliReport = await expected['article.html']!;
    await page.fill('#draft', '');
    await page.evaluate((h) => {
      const ta = document.querySelector('#draft') as HTMLTextAreaElement;
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', 'plain fallback');
      ta.focus();
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    same(await exported(cliReport.text), cliReport);
  });

  test('an opened .txt file (German) gives the CLI report', async () => {
    const cliReport = await expected['de.txt']!;
    await page.setInputFiles('input[type=file]', resolve(FIX, 'de.txt'));
    same(await exported(cliReport.text), cliReport);
  });

  test('nothing left the browser', () => {
    expect(requests).toEqual([]);
  });
});
